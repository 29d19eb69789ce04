-- Pre-moderated sessions: new posts wait for a moderator's approval before anyone else sees them.
ALTER TABLE forums_session ADD COLUMN premoderated BOOLEAN NOT NULL DEFAULT false;

-- A waiting post is also hidden (hidden_at set), so every public listing already leaves it out; the flag tells
-- "waiting for approval" from "hidden by moderators". A thread waits while its opening post does.
ALTER TABLE dialogue_post ADD COLUMN awaiting_approval BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE dialogue_thread ADD COLUMN awaiting_approval BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX dialogue_post_awaiting ON dialogue_post (id) WHERE awaiting_approval;
ALTER TABLE dialogue_moderation_log DROP CONSTRAINT dialogue_moderation_log_action_check;
ALTER TABLE dialogue_moderation_log ADD CONSTRAINT dialogue_moderation_log_action_check
    CHECK (action IN ('HIDE', 'RESTORE', 'DISMISS', 'AUTO_HIDE', 'APPROVE', 'REJECT'));
