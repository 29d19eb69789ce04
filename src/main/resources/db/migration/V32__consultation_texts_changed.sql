-- When a version's shown texts last changed (a reviewed or newly arrived translation of one of its paragraphs):
-- the draft page keeps each version's paragraphs ready per reader language and reloads them when this moves, on
-- every node, since each reads the version row anyway.
ALTER TABLE consultation_version ADD COLUMN texts_changed_at TIMESTAMPTZ NOT NULL DEFAULT now();
