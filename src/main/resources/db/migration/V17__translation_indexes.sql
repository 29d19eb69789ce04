-- A glossary change re-keys its edition's texts, and a deleted account's corrections lose its id: both look rows up
-- by these columns.
CREATE INDEX translation_source_glossary ON translation_source (glossary_id) WHERE glossary_id IS NOT NULL;
CREATE INDEX translation_review_reviewer ON translation_review (reviewer_id) WHERE reviewer_id IS NOT NULL;
