-- A moderator can suspend an account from writing until a given time; nothing it wrote is hidden unless the
-- moderator chooses so (that is the dialogue module's business).
ALTER TABLE accounts_account ADD COLUMN suspended_until TIMESTAMPTZ;
