package org.polyphony.forums;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.polyphony.forums.Edition.Prompt;
import org.polyphony.forums.EditionRepository.EditionDetails;
import org.polyphony.forums.ForumManagement.ImportedEdition;
import org.polyphony.forums.ForumManagement.ImportedRoundtable;
import org.polyphony.forums.ForumManagement.ImportedSession;
import org.polyphony.languages.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo agenda, the real agenda of the Civil Society Days in Athens 2009 and the GFMD 2012 themes, into
 * an empty database, so that a new installation has something true to show. Off with
 * {@code polyphony.demo-content.enabled=false}; never touches a database that already has editions.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoAgenda implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAgenda.class);
    static final String RESOURCE = "demo/agenda.json";

    private final ForumManagement forums;

    DemoAgenda(ForumManagement forums) {
        this.forums = forums;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<ImportedEdition> editions = read().editions().stream()
                .map(edition -> new ImportedEdition(
                        edition.slug(),
                        new EditionDetails(
                                text(edition.name()),
                                text(edition.place()),
                                text(edition.summary()),
                                edition.startsOn(),
                                edition.endsOn(),
                                EditionStatus.valueOf(edition.status())),
                        edition.roundtables().stream()
                                .map(DemoAgenda::roundtable)
                                .toList()))
                .toList();
        if (forums.importIfEmpty(editions)) {
            log.info("Loaded the demo agenda (Athens 2009, GFMD 2012)");
        }
    }

    static AgendaFile read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, AgendaFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportedRoundtable roundtable(AgendaFile.RoundtableEntry entry) {
        return new ImportedRoundtable(
                entry.number(),
                text(entry.title()),
                text(entry.background()),
                entry.sessions().stream().map(DemoAgenda::session).toList());
    }

    private static ImportedSession session(AgendaFile.SessionEntry entry) {
        int position = Integer.parseInt(entry.code().substring(entry.code().indexOf('.') + 1));
        return new ImportedSession(
                position,
                text(entry.title()),
                text(entry.background()),
                entry.prompts().stream()
                        .map(p -> new Prompt(
                                text(p.question()),
                                p.points().stream().map(DemoAgenda::text).toList()))
                        .toList());
    }

    private static LocalizedText text(Map<String, String> versions) {
        return versions == null ? LocalizedText.empty() : new LocalizedText(versions);
    }

    /** The shape of {@code demo/agenda.json}. */
    record AgendaFile(String source, List<EditionEntry> editions) {

        record EditionEntry(
                String slug,
                Map<String, String> name,
                Map<String, String> place,
                Map<String, String> summary,
                LocalDate startsOn,
                LocalDate endsOn,
                String status,
                List<RoundtableEntry> roundtables) {}

        record RoundtableEntry(
                int number, Map<String, String> title, Map<String, String> background, List<SessionEntry> sessions) {}

        record SessionEntry(
                String code, Map<String, String> title, Map<String, String> background, List<PromptEntry> prompts) {}

        record PromptEntry(Map<String, String> question, List<Map<String, String>> points) {}
    }
}
