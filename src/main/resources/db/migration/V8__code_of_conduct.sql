-- Each forum edition's code of conduct, in several languages like the rest of the agenda. Empty: the platform's
-- default rules apply (in the interface's language).
ALTER TABLE forums_edition ADD COLUMN code_of_conduct JSON NOT NULL DEFAULT '{}';
