-- Follow-up: the day a recommendation was made (the statement or meeting it comes from), optional; a CSV import
-- or the organiser's form gives it as an ISO date.
ALTER TABLE followup_recommendation
    ADD COLUMN made_on DATE CHECK (made_on BETWEEN DATE '1900-01-01' AND DATE '2200-12-31');
