-- Notices to volunteer translators who asked to be told when texts wait in their pairs: one row each time new texts
-- have come to wait since the last notice (the newest one's time is kept, so the same texts are not told twice).
CREATE TABLE volunteers_notice (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    waiting    INTEGER     NOT NULL CHECK (waiting > 0),
    -- the pairs the waiting texts are in, as "en→ar en→tl", for the notice's wording
    pairs      TEXT        NOT NULL,
    newest_at  TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at    TIMESTAMPTZ
);
CREATE INDEX volunteers_notice_account ON volunteers_notice (account_id, created_at DESC);
