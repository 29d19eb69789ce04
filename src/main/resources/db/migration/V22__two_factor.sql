-- Two-factor sign-in (TOTP, RFC 6238) and its recovery codes; issue 11.

-- One row per account that turned two-factor sign-in on. The secret must be readable to check codes; it is never
-- shown again after set-up. last_step is the last 30-second step whose code was accepted: a code is used once.
CREATE TABLE accounts_two_factor (
    account_id BIGINT      PRIMARY KEY REFERENCES accounts_account (id) ON DELETE CASCADE,
    secret     BYTEA       NOT NULL,
    last_step  BIGINT      NOT NULL DEFAULT 0,
    enabled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Recovery codes, shown once at set-up, kept only as keyed hashes; each works once.
CREATE TABLE accounts_recovery_code (
    account_id BIGINT      NOT NULL REFERENCES accounts_account (id) ON DELETE CASCADE,
    code_hash  TEXT        NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (account_id, code_hash)
);

-- Installation-wide switches set by administrators.
CREATE TABLE accounts_policy (
    name    TEXT    PRIMARY KEY,
    enabled BOOLEAN NOT NULL
);
