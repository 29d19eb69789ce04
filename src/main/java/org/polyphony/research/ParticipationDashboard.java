package org.polyphony.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.polyphony.accounts.AccountRoles;
import org.polyphony.accounts.Role;
import org.polyphony.antennas.EditionAttendance;
import org.polyphony.dialogue.EditionParticipation;
import org.polyphony.experiences.StoryStatistics;
import org.polyphony.forums.Edition;
import org.polyphony.languages.Regions;
import org.polyphony.opinions.EditionVoting;
import org.polyphony.people.StatedCountries;
import org.polyphony.people.StatedGenders;
import org.polyphony.statistics.CellSuppression;
import org.polyphony.statistics.SmallCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is taking part in an edition's dialogue: participants by region (of the first country they chose to state),
 * by language they mostly write in, and by the month they first wrote. Each breakdown is a one-way table with its
 * total, protected by the shared small-cell rule with complementary suppression, so no group of fewer than the
 * minimum can be read off, not even as the total minus the others.
 */
@Service
class ParticipationDashboard {

    static final String NOT_STATED = "not-stated";
    static final String OTHER_WORDS = "other-words";

    private final EditionParticipation participation;
    private final StatedCountries countries;
    private final SmallCells rule;
    private final AccountRoles roles;
    private final StoryStatistics stories;
    private final EditionVoting voting;
    private final JdbcClient jdbc;
    private final StatedGenders genders;
    private final EditionAttendance attendance;

    ParticipationDashboard(
            EditionParticipation participation,
            StatedCountries countries,
            SmallCells rule,
            AccountRoles roles,
            StoryStatistics stories,
            EditionVoting voting,
            JdbcClient jdbc,
            StatedGenders genders,
            EditionAttendance attendance) {
        this.genders = genders;
        this.attendance = attendance;
        this.participation = participation;
        this.countries = countries;
        this.rule = rule;
        this.roles = roles;
        this.stories = stories;
        this.voting = voting;
        this.jdbc = jdbc;
    }

    /** Whether the organisers published this edition's dashboard to everyone. */
    boolean isPublic(long editionId) {
        return jdbc.sql("SELECT count(*) FROM research_dashboard_public WHERE edition_id = :e")
                        .param("e", editionId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void publish(long editionId, boolean visible) {
        String sql = visible
                ? "INSERT INTO research_dashboard_public (edition_id) VALUES (:e) ON CONFLICT DO NOTHING"
                : "DELETE FROM research_dashboard_public WHERE edition_id = :e";
        jdbc.sql(sql).param("e", editionId).update();
    }

    ParticipationFigures of(Edition edition) {
        List<Long> sessions = edition.roundtables().stream()
                .flatMap(r -> r.sessions().stream())
                .map(s -> s.id().value())
                .toList();
        List<EditionParticipation.Author> authors = participation.authors(sessions);
        Map<Long, String> stated = countries.firstCountries(
                authors.stream().map(EditionParticipation.Author::accountId).toList());
        TreeMap<String, Long> regions = new TreeMap<>();
        TreeMap<String, Long> languages = new TreeMap<>();
        TreeMap<String, Long> months = new TreeMap<>();
        TreeMap<String, Long> byRole = new TreeMap<>();
        TreeMap<String, Long> byGender = new TreeMap<>();
        List<Long> accountIds =
                authors.stream().map(EditionParticipation.Author::accountId).toList();
        Map<Long, Role> highest = roles.highest(accountIds);
        Map<Long, String> statedGenders = genders.genders(accountIds);
        long posts = 0;
        for (EditionParticipation.Author author : authors) {
            String country = stated.get(author.accountId());
            regions.merge(regionOf(country), 1L, Long::sum);
            languages.merge(author.language() == null ? "und" : author.language(), 1L, Long::sum);
            months.merge(author.firstPost().toString(), 1L, Long::sum);
            posts += author.posts();
            byGender.merge(statedGenders.getOrDefault(author.accountId(), NOT_STATED), 1L, Long::sum);
            byRole.merge(
                    highest.getOrDefault(author.accountId(), Role.PARTICIPANT)
                            .name()
                            .toLowerCase(java.util.Locale.ROOT),
                    1L,
                    Long::sum);
        }
        TreeMap<String, Long> storyRegions = new TreeMap<>();
        TreeMap<String, Long> storyMonths = new TreeMap<>();
        TreeMap<String, Long> storyGenders = new TreeMap<>();
        for (StoryStatistics.StoryFact story : stories.published(edition.id().value())) {
            storyRegions.merge(regionOf(story.residenceCountry()), 1L, Long::sum);
            storyMonths.merge(story.published().toString(), 1L, Long::sum);
            storyGenders.merge(story.gender() == null ? NOT_STATED : story.gender(), 1L, Long::sum);
        }
        TreeMap<String, Long> voterMonths = new TreeMap<>();
        long votes = 0;
        for (EditionVoting.Voter voter : voting.voters(sessions)) {
            voterMonths.merge(voter.firstVote().toString(), 1L, Long::sum);
            votes += voter.votes();
        }
        Attended attended = attended(edition.id().value());
        return new ParticipationFigures(
                breakdown(regions),
                breakdown(languages),
                breakdown(months),
                breakdown(byRole),
                breakdown(storyRegions),
                breakdown(storyMonths),
                breakdown(rareTogether(storyGenders)),
                breakdown(voterMonths),
                posts,
                votes,
                breakdown(rareTogether(byGender)),
                breakdown(attended.byRegion()),
                breakdown(rareTogether(attended.byGender())),
                breakdown(attended.byMonth()),
                attended.meetings());
    }

    private record Attended(
            TreeMap<String, Long> byRegion,
            TreeMap<String, Long> byGender,
            TreeMap<String, Long> byMonth,
            long meetings) {}

    /**
     * The edition's meetings' attendance counts as organisers recorded them: by region (a code that is not a known
     * region counts as not stated), by gender in people's words (folded to lower case), and by month, where a
     * meeting's attendance is the larger of its two dimensions' sums (people may have been counted in one only).
     */
    private Attended attended(long editionId) {
        TreeMap<String, Long> byRegion = new TreeMap<>();
        TreeMap<String, Long> byGender = new TreeMap<>();
        Map<Long, long[]> perMeeting = new java.util.LinkedHashMap<>();
        Map<Long, String> monthOf = new java.util.HashMap<>();
        for (EditionAttendance.Count count : attendance.counts(editionId)) {
            boolean region = count.dimension().equals("REGION");
            if (region) {
                String code = count.category().strip().toLowerCase(java.util.Locale.ROOT);
                byRegion.merge(Regions.isKnown(code) ? code : NOT_STATED, count.people(), Long::sum);
            } else {
                byGender.merge(count.category().strip().toLowerCase(java.util.Locale.ROOT), count.people(), Long::sum);
            }
            perMeeting.computeIfAbsent(count.meetingId(), m -> new long[2])[region ? 0 : 1] += count.people();
            monthOf.put(count.meetingId(), count.month());
        }
        TreeMap<String, Long> byMonth = new TreeMap<>();
        perMeeting.forEach(
                (meeting, sums) -> byMonth.merge(monthOf.get(meeting), Math.max(sums[0], sums[1]), Long::sum));
        return new Attended(byRegion, byGender, byMonth, perMeeting.size());
    }

    private static String regionOf(String country) {
        return country == null
                ? NOT_STATED
                : Regions.ofCountry(country).map(Regions.Region::code).orElse(NOT_STATED);
    }

    /**
     * Genders are in the tellers' own words: a rare description is itself a name for someone. Those given by fewer
     * than the minimum are counted together as "in other words", which is then protected like any category.
     */
    private TreeMap<String, Long> rareTogether(TreeMap<String, Long> counts) {
        TreeMap<String, Long> merged = new TreeMap<>();
        counts.forEach((words, count) ->
                merged.merge(NOT_STATED.equals(words) || rule.shows(count) ? words : OTHER_WORDS, count, Long::sum));
        return merged;
    }

    private ParticipationFigures.Breakdown breakdown(TreeMap<String, Long> counts) {
        List<String> categories = new ArrayList<>(counts.keySet());
        long[] values = counts.values().stream().mapToLong(Long::longValue).toArray();
        return new ParticipationFigures.Breakdown(categories, CellSuppression.protect(values, rule));
    }
}
