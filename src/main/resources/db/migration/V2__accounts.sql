-- Accounts hold only what signing in and the interface need. The e-mail address is optional;
-- no IP address, no birth date, no real name.
CREATE TABLE accounts_account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name  TEXT        NOT NULL,
    -- case- and width-folded display name (NFKC, lower case), so "Amina" and "ＡＭＩＮＡ" cannot both exist
    name_key      TEXT        NOT NULL UNIQUE,
    password_hash TEXT        NOT NULL,
    email         TEXT,
    ui_language   TEXT,
    -- languages the person reads, most preferred first (BCP 47 tags)
    read_languages TEXT[]     NOT NULL DEFAULT '{}',
    roles         TEXT[]      NOT NULL DEFAULT '{PARTICIPANT}',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT accounts_display_name_length CHECK (char_length(display_name) BETWEEN 2 AND 40),
    CONSTRAINT accounts_email_length CHECK (email IS NULL OR char_length(email) <= 254)
);

-- Fixed-window counters for rate limits (login attempts). Keys are keyed hashes, never raw addresses
-- or names, and rows are deleted once their window has passed.
CREATE TABLE accounts_rate_limit (
    bucket_key   TEXT        PRIMARY KEY,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER     NOT NULL
);

-- Installation-wide secrets shared by all application nodes (e.g. the key for hashing client addresses).
CREATE TABLE accounts_secret (
    name  TEXT PRIMARY KEY,
    value BYTEA NOT NULL
);
