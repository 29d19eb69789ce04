-- The gender a person chose to state in their profile, in their own words: optional, never required, never shown
-- on a profile or in the directory, used only in the participation dashboard's counts (research), where small
-- groups are hidden. Deleted by its owner at any time, and with the account.
CREATE TABLE people_stated_gender (
    account_id BIGINT      PRIMARY KEY,
    words      TEXT        NOT NULL CHECK (char_length(words) BETWEEN 1 AND 40),
    stated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
