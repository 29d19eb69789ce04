-- Each node keeps an in-process search index of the posts (see docs/dialogue.md). Every post written or changed
-- carries the id of the transaction that wrote it, so that a node asks "what changed in transactions not yet
-- finished when I last looked?" and takes in every change exactly as committed, after a restart too. A thread's
-- new title changes what its opening post is found by, so it counts as a change of that post.
ALTER TABLE dialogue_post ADD COLUMN search_xid XID8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX dialogue_post_search_xid ON dialogue_post (search_xid, id);

CREATE FUNCTION dialogue_post_search_change() RETURNS trigger AS $$
BEGIN
    NEW.search_xid := pg_current_xact_id();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER dialogue_post_search_change BEFORE UPDATE ON dialogue_post
    FOR EACH ROW EXECUTE FUNCTION dialogue_post_search_change();

CREATE FUNCTION dialogue_thread_title_search_change() RETURNS trigger AS $$
BEGIN
    UPDATE dialogue_post SET search_xid = pg_current_xact_id() WHERE thread_id = NEW.id AND position = 1;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER dialogue_thread_title_search_change AFTER UPDATE OF title ON dialogue_thread
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
    EXECUTE FUNCTION dialogue_thread_title_search_change();
