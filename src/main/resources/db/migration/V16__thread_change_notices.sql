-- Every change that alters what a thread page shows is announced on the channel 'dialogue_changes' with the thread's
-- id, whatever code path (or SQL by hand) made it: each node drops its copies of that thread's anonymous pages.
-- NOTIFY is delivered at commit, and PostgreSQL sends identical notices of one transaction once.
CREATE FUNCTION dialogue_announce_thread_change() RETURNS trigger AS $$
DECLARE
    changed BIGINT;
    row_data RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_data := OLD;
    ELSE
        row_data := NEW;
    END IF;
    IF TG_TABLE_NAME = 'dialogue_thread' THEN
        changed := row_data.id;
    ELSIF TG_TABLE_NAME = 'dialogue_post' THEN
        changed := row_data.thread_id;
    ELSE
        SELECT thread_id INTO changed FROM dialogue_post WHERE id = row_data.post_id;
    END IF;
    IF changed IS NOT NULL THEN
        PERFORM pg_notify('dialogue_changes', changed::text);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER dialogue_thread_changes AFTER INSERT OR UPDATE OR DELETE ON dialogue_thread
    FOR EACH ROW EXECUTE FUNCTION dialogue_announce_thread_change();
CREATE TRIGGER dialogue_post_changes AFTER INSERT OR UPDATE OR DELETE ON dialogue_post
    FOR EACH ROW EXECUTE FUNCTION dialogue_announce_thread_change();
CREATE TRIGGER dialogue_reaction_changes AFTER INSERT OR DELETE ON dialogue_reaction
    FOR EACH ROW EXECUTE FUNCTION dialogue_announce_thread_change();

-- A translation that becomes available, or a person's correction, changes what readers of other languages see.
CREATE FUNCTION translation_announce_post_change() RETURNS trigger AS $$
DECLARE
    changed BIGINT;
BEGIN
    IF NEW.kind = 'post' THEN
        SELECT thread_id INTO changed FROM dialogue_post WHERE id = NEW.content_id;
    ELSIF NEW.kind = 'thread-title' THEN
        changed := NEW.content_id;
    END IF;
    IF changed IS NOT NULL THEN
        PERFORM pg_notify('dialogue_changes', changed::text);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER translation_job_done AFTER UPDATE OF status ON translation_job
    FOR EACH ROW WHEN (NEW.status = 'DONE') EXECUTE FUNCTION translation_announce_post_change();
CREATE TRIGGER translation_review_changes AFTER INSERT OR UPDATE ON translation_review
    FOR EACH ROW EXECUTE FUNCTION translation_announce_post_change();
