package org.polyphony.experiences;

import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The facts of an edition's published stories that participation statistics count in groups: the country of
 * residence and the gender their tellers chose to give (in their own words, lower-cased), and the month of
 * publication. No title, text, author or day: nothing to find a story or its teller by; callers count, never list.
 */
@Service
public class StoryStatistics {

    private final JdbcClient jdbc;

    StoryStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoryFact(String residenceCountry, String gender, YearMonth published) {}

    public List<StoryFact> published(long editionId) {
        return jdbc.sql(
                        """
                        SELECT residence_country, nullif(lower(btrim(gender)), '') AS gender,
                               coalesce(published_on, written_on) AS day
                          FROM experiences_story WHERE edition_id = :e AND status = 'PUBLISHED'
                        """)
                .param("e", editionId)
                .query((rs, n) -> new StoryFact(
                        rs.getString("residence_country"),
                        rs.getString("gender"),
                        YearMonth.from(rs.getDate("day").toLocalDate())))
                .list();
    }
}
