-- A digest lists at most 50 posts; covered_until says up to which publication time the last one went, so that a
-- full digest's remainder comes in the next one. last_sent keeps the schedule (daily, weekly).
ALTER TABLE notifications_digest ADD COLUMN covered_until TIMESTAMPTZ;
UPDATE notifications_digest SET covered_until = last_sent;
ALTER TABLE notifications_digest ALTER COLUMN covered_until SET DEFAULT now();
ALTER TABLE notifications_digest ALTER COLUMN covered_until SET NOT NULL;
