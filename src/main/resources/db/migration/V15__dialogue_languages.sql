-- The detected language of posts and thread titles, with how sure detection was (1 when the author chose it).
-- 'und' (undetermined) for what was written before detection existed.
ALTER TABLE dialogue_post ADD COLUMN language TEXT NOT NULL DEFAULT 'und';
ALTER TABLE dialogue_post ADD COLUMN language_confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE dialogue_thread ADD COLUMN language TEXT NOT NULL DEFAULT 'und';
ALTER TABLE dialogue_thread ADD COLUMN language_confidence REAL NOT NULL DEFAULT 0;
