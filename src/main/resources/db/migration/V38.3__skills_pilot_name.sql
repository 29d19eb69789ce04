-- The name an edition's organisers give its skills matching pilot ("Skills matching for domestic and care work"),
-- translated like posts; an edition without a row shows the pilot under its generic title.
CREATE TABLE skills_pilot (
    edition_id    BIGINT      PRIMARY KEY,
    name          TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    name_language TEXT        NOT NULL DEFAULT 'und',
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
