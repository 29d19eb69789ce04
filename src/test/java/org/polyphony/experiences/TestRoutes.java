package org.polyphony.experiences;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Routes of the map of journeys for tests. */
public final class TestRoutes {

    private TestRoutes() {}

    /**
     * A route (origin, residence) no published story takes yet, both countries drawn on the map: the test database
     * outlives a run, so each run takes a fresh one and the below-five half of the test always runs.
     */
    public static String[] unused(JdbcClient jdbc) {
        List<String> countries = List.of(
                "BD", "MY", "NG", "IT", "PE", "CL", "VN", "KR", "ET", "LB", "GT", "CA", "UA", "PL", "EG", "JO", "KE",
                "SA", "LK", "KW", "ZW", "ZA", "BO", "AR", "MM", "TH");
        for (String origin : countries) {
            for (String residence : countries) {
                if (!origin.equals(residence)
                        && jdbc.sql("SELECT count(*) FROM experiences_story WHERE origin_country = :o"
                                                + " AND residence_country = :r")
                                        .param("o", origin)
                                        .param("r", residence)
                                        .query(Long.class)
                                        .single()
                                == 0) {
                    return new String[] {origin, residence};
                }
            }
        }
        throw new AssertionError("every test route is taken: clear target/test-data");
    }
}
