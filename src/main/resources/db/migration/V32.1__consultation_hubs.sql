-- A consultation may be open to the people of chosen Regional Antennas hubs (module antennas), as well as, or
-- instead of, the members of chosen organisations. The audience 'ORGANISATIONS' now reads "members of the chosen
-- organisations or hubs".
CREATE TABLE consultation_hub (
    consultation_id BIGINT NOT NULL REFERENCES consultation_consultation (id) ON DELETE CASCADE,
    hub_id          BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, hub_id)
);
