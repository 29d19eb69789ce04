-- Demo threads already loaded once (by their key), so that a thread an administrator removed is not loaded again.
CREATE TABLE dialogue_demo_thread (
    demo_key  TEXT        PRIMARY KEY,
    loaded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
