package org.polyphony.skills;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Workers' interest in opportunities, and what each chose to share: the consent that alone lets an organisation
 * see more of a candidate than the matched fields under an anonymous number.
 */
@Repository
public class Interests {

    /** What a worker may choose to share with an organisation, in the order the form offers them. */
    public static final List<String> SHAREABLE =
            List.of("name", "occupations", "skills", "languages", "qualifications", "experience", "lookingFor");

    public record Interest(long opportunity, long profile, Set<String> shared, boolean placed) {}

    private final JdbcClient jdbc;

    Interests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void express(long opportunity, long profile, List<String> shared) {
        jdbc.sql(
                        """
                        INSERT INTO skills_interest (opportunity_id, profile_id, shared) VALUES (:o, :p, :shared)
                        ON CONFLICT (opportunity_id, profile_id) DO UPDATE SET shared = EXCLUDED.shared
                        """)
                .param("o", opportunity)
                .param("p", profile)
                .param(
                        "shared",
                        shared.stream().filter(SHAREABLE::contains).distinct().toArray(String[]::new))
                .update();
    }

    void withdraw(long opportunity, long profile) {
        jdbc.sql("DELETE FROM skills_interest WHERE opportunity_id = :o AND profile_id = :p")
                .param("o", opportunity)
                .param("p", profile)
                .update();
    }

    void placed(long opportunity, long profile, boolean placed) {
        jdbc.sql("UPDATE skills_interest SET placed = :placed WHERE opportunity_id = :o AND profile_id = :p")
                .param("placed", placed)
                .param("o", opportunity)
                .param("p", profile)
                .update();
    }

    Optional<Interest> of(long opportunity, long profile) {
        return Optional.ofNullable(inOpportunity(opportunity).get(profile));
    }

    /** The interests expressed in one opportunity, by profile. */
    Map<Long, Interest> inOpportunity(long opportunity) {
        return jdbc
                .sql("SELECT opportunity_id, profile_id, shared, placed FROM skills_interest WHERE opportunity_id = :o")
                .param("o", opportunity)
                .query((rs, n) -> new Interest(
                        rs.getLong(1),
                        rs.getLong(2),
                        Set.copyOf(SkillsProfiles.strings(rs.getArray(3))),
                        rs.getBoolean(4)))
                .list()
                .stream()
                .collect(Collectors.toMap(Interest::profile, interest -> interest));
    }

    /** The opportunities a worker expressed interest in. */
    Map<Long, Interest> ofProfile(long profile) {
        return jdbc
                .sql("SELECT opportunity_id, profile_id, shared, placed FROM skills_interest WHERE profile_id = :p")
                .param("p", profile)
                .query((rs, n) -> new Interest(
                        rs.getLong(1),
                        rs.getLong(2),
                        Set.copyOf(SkillsProfiles.strings(rs.getArray(3))),
                        rs.getBoolean(4)))
                .list()
                .stream()
                .collect(Collectors.toMap(Interest::opportunity, interest -> interest));
    }
}
