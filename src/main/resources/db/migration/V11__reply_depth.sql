-- How deep a reply sits in its conversation: 0 for the opening post and for replies to the thread, the parent's
-- depth plus one for a reply to a post. Pages indent up to three levels and link "in reply to" beyond.
ALTER TABLE dialogue_post ADD COLUMN depth SMALLINT NOT NULL DEFAULT 0;

WITH RECURSIVE chain AS (
    SELECT id, 0 AS depth FROM dialogue_post WHERE parent_id IS NULL
    UNION ALL
    SELECT p.id, least(chain.depth + 1, 100) FROM dialogue_post p JOIN chain ON p.parent_id = chain.id
)
UPDATE dialogue_post p SET depth = chain.depth FROM chain WHERE chain.id = p.id AND chain.depth > 0;
