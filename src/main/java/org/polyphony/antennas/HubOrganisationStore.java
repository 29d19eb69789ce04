package org.polyphony.antennas;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations of a hub: invited, asking to join, or members. */
@Repository
class HubOrganisationStore {

    enum Status {
        INVITED,
        REQUESTED,
        MEMBER
    }

    record Row(long organisationId, Status status) {}

    private final JdbcClient jdbc;

    HubOrganisationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Status> status(long hubId, long organisationId) {
        return jdbc.sql("SELECT status FROM antennas_hub_organisation WHERE hub_id = :h AND organisation_id = :o")
                .param("h", hubId)
                .param("o", organisationId)
                .query((rs, n) -> Status.valueOf(rs.getString(1)))
                .optional();
    }

    /** Adds the organisation with this status, or makes it a member when the other side had already asked. */
    void put(long hubId, long organisationId, Status status) {
        jdbc.sql(
                        """
                        INSERT INTO antennas_hub_organisation (hub_id, organisation_id, status) VALUES (:h, :o, :s)
                        ON CONFLICT (hub_id, organisation_id) DO UPDATE SET status = :s, since = now()
                        """)
                .param("h", hubId)
                .param("o", organisationId)
                .param("s", status.name())
                .update();
    }

    void remove(long hubId, long organisationId) {
        jdbc.sql("DELETE FROM antennas_hub_organisation WHERE hub_id = :h AND organisation_id = :o")
                .param("h", hubId)
                .param("o", organisationId)
                .update();
    }

    List<Row> of(long hubId) {
        return jdbc.sql(
                        "SELECT organisation_id, status FROM antennas_hub_organisation WHERE hub_id = :h ORDER BY since")
                .param("h", hubId)
                .query((rs, n) -> new Row(rs.getLong(1), Status.valueOf(rs.getString(2))))
                .list();
    }

    List<Long> memberIds(long hubId) {
        return jdbc.sql("SELECT organisation_id FROM antennas_hub_organisation WHERE hub_id = :h AND status = 'MEMBER'")
                .param("h", hubId)
                .query(Long.class)
                .list();
    }
}
