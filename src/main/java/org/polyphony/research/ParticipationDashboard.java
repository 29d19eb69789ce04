package org.polyphony.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.polyphony.dialogue.EditionParticipation;
import org.polyphony.forums.Edition;
import org.polyphony.languages.Regions;
import org.polyphony.people.StatedCountries;
import org.polyphony.statistics.CellSuppression;
import org.polyphony.statistics.SmallCells;
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

    private final EditionParticipation participation;
    private final StatedCountries countries;
    private final SmallCells rule;

    ParticipationDashboard(EditionParticipation participation, StatedCountries countries, SmallCells rule) {
        this.participation = participation;
        this.countries = countries;
        this.rule = rule;
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
        long posts = 0;
        for (EditionParticipation.Author author : authors) {
            String country = stated.get(author.accountId());
            String region = country == null
                    ? NOT_STATED
                    : Regions.ofCountry(country).map(Regions.Region::code).orElse(NOT_STATED);
            regions.merge(region, 1L, Long::sum);
            languages.merge(author.language() == null ? "und" : author.language(), 1L, Long::sum);
            months.merge(author.firstPost().toString(), 1L, Long::sum);
            posts += author.posts();
        }
        return new ParticipationFigures(breakdown(regions), breakdown(languages), breakdown(months), posts);
    }

    private ParticipationFigures.Breakdown breakdown(TreeMap<String, Long> counts) {
        List<String> categories = new ArrayList<>(counts.keySet());
        long[] values = counts.values().stream().mapToLong(Long::longValue).toArray();
        return new ParticipationFigures.Breakdown(categories, CellSuppression.protect(values, rule));
    }
}
