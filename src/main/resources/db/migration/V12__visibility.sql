-- A thread is hidden whenever its opening post is (hidden by moderators, or waiting for approval), so its title
-- does not show where the post does not. Kept by a trigger, whatever code path hides or shows the post.
ALTER TABLE dialogue_thread ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT false;

CREATE FUNCTION dialogue_thread_follows_opening_post() RETURNS trigger AS $$
BEGIN
    IF NEW.position = 1 THEN
        UPDATE dialogue_thread SET hidden = (NEW.hidden_at IS NOT NULL)
         WHERE id = NEW.thread_id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER dialogue_post_opening_visibility
    AFTER INSERT OR UPDATE OF hidden_at ON dialogue_post
    FOR EACH ROW EXECUTE FUNCTION dialogue_thread_follows_opening_post();

UPDATE dialogue_thread t SET hidden = true
  FROM dialogue_post p WHERE p.thread_id = t.id AND p.position = 1 AND p.hidden_at IS NOT NULL;

-- When a post became visible to everyone (at once, or on approval): digests list what was published since.
ALTER TABLE dialogue_post ADD COLUMN published_at TIMESTAMPTZ;
UPDATE dialogue_post SET published_at = created_at WHERE NOT awaiting_approval;
CREATE INDEX dialogue_post_published ON dialogue_post (published_at);
CREATE INDEX dialogue_post_thread_created ON dialogue_post (thread_id, created_at DESC);

-- The outbox keeps whose mail it is, so that deleting an account deletes its waiting mails too.
ALTER TABLE notifications_outbox ADD COLUMN account_id BIGINT;
