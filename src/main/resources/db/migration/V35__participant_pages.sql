-- Session thread lists composed for signed-in participants ask, on every view, whether the reader has a thread
-- there that others cannot see yet; the few such threads are indexed alone, so the question costs no scan.
CREATE INDEX dialogue_thread_unpublished ON dialogue_thread (session_id, author_id)
    WHERE awaiting_approval OR hidden;
