package org.polyphony.antennas;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.AccountManagement;
import org.polyphony.dialogue.ThreadForm;
import org.polyphony.dialogue.ThreadReferences;
import org.polyphony.experiences.StoryCitations;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.UiLanguage;
import org.polyphony.opinions.ConversationListings;
import org.polyphony.opinions.OpinionCitations;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.polyphony.web.MarkdownRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

/**
 * Athens 2009 gets its Regional Antennas: six hubs, a regional meeting of the Africa hub with minutes, regional
 * threads on sessions 3.2 and 2.1 in French and English, and one published report of the Africa hub that cites
 * posts (one in French), a story and an opinion result, submitted to sessions 3.2 and 2.1. Once, and only into a
 * database whose Athens 2009 has no hub yet.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoAntennas implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAntennas.class);
    private static final long LOCK = 0x706f6c79_616e7465L;

    private static final List<String> HUBS = List.of(
            "Africa",
            "Asia and the Pacific",
            "Latin America and the Caribbean",
            "Europe",
            "North America",
            "Middle East and North Africa");

    /** The demo conversation's statement (opinions' DemoConversation) that both of its points of view agree with. */
    static final String PENSION_STATEMENT =
            "Migrants who return home should keep the pension rights they earned abroad.";

    static final String DEMO_REPORT = "What the Africa Antenna brings to Athens";

    private final ForumManagement forums;
    private final ConversationListings listings;
    private final HubStore hubs;
    private final MeetingStore meetings;
    private final ReportStore reports;
    private final ThreadReferences threads;
    private final AccountManagement accounts;
    private final StoryCitations stories;
    private final OpinionCitations opinions;
    private final Translations translations;
    private final MarkdownRenderer markdown;
    private final JdbcClient jdbc;

    DemoAntennas(
            ForumManagement forums,
            HubStore hubs,
            MeetingStore meetings,
            ReportStore reports,
            ThreadReferences threads,
            AccountManagement accounts,
            StoryCitations stories,
            OpinionCitations opinions,
            Translations translations,
            MarkdownRenderer markdown,
            JdbcClient jdbc,
            ConversationListings listings) {
        this.listings = listings;
        this.forums = forums;
        this.hubs = hubs;
        this.meetings = meetings;
        this.reports = reports;
        this.threads = threads;
        this.accounts = accounts;
        this.stories = stories;
        this.opinions = opinions;
        this.translations = translations;
        this.markdown = markdown;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        Optional<Edition> found = forums.edition("athens-2009", true);
        if (found.isEmpty()) {
            return;
        }
        Edition edition = found.get();
        long editionId = edition.id().value();
        if (!hubs.ofEdition(editionId).isEmpty()) {
            repairOpinionCitation(edition);
            return;
        }
        Map<String, Long> ids = new HashMap<>();
        for (String name : HUBS) {
            HubForm form = new HubForm(
                    name,
                    "",
                    "The Regional Antenna of " + name + " for the Civil Society Days, Athens 2009.",
                    "en",
                    name.equals("Africa") ? List.of("en", "fr") : List.of("en"),
                    false);
            long id = hubs.insert(editionId, form);
            translations.register(new TextRef(HubManagement.DESCRIPTION, id), form.description(), "en", editionId);
            ids.put(name, id);
        }
        long africa = ids.get("Africa");
        AccountId rapporteur = accounts.demoAuthor("Aminata Diallo", UiLanguage.FR, List.of("fr", "en"));
        AccountId coordinator = accounts.demoAuthor("Kwame Mensah", UiLanguage.EN, List.of("en"));
        AccountId writerFr = accounts.demoAuthor("Fatou Ndiaye", UiLanguage.FR, List.of("fr"));
        AccountId writerEn = accounts.demoAuthor("Joseph Otieno", UiLanguage.EN, List.of("en"));
        hubs.grant(africa, rapporteur.value(), HubRole.RAPPORTEUR);
        hubs.grant(africa, coordinator.value(), HubRole.COORDINATOR);
        hubs.requestMembership(africa, writerFr.value(), true);
        hubs.requestMembership(africa, writerEn.value(), true);

        Edition.ForumSession s32 = edition.session("3.2").orElseThrow();
        Edition.ForumSession s21 = edition.session("2.1").orElseThrow();
        Optional<Long> french = startThread(
                africa,
                s32,
                writerFr,
                "Les antennes régionales doivent rapporter la substance",
                "Dans nos réunions à Dakar, les associations ont demandé que leurs propositions sur le recrutement"
                        + " équitable arrivent telles quelles dans la session mondiale, avec leurs sources.");
        Optional<Long> english = startThread(
                africa,
                s21,
                writerEn,
                "Protecting domestic workers in the corridor",
                "Our union counted more than forty complaints about withheld passports this year. Regional"
                        + " agreements between countries of origin must include a complaints mechanism.");

        ZoneId dakar = ZoneId.of("Africa/Dakar");
        Instant start = ZonedDateTime.of(2009, 10, 20, 10, 0, 0, 0, dakar).toInstant();
        long meeting = meetings.insert(
                editionId,
                africa,
                new MeetingStore.Details(
                        MeetingKind.REGIONAL,
                        "Africa regional consultation before Athens",
                        "en",
                        start,
                        start.plus(Duration.ofHours(3)),
                        dakar,
                        MeetingMode.HYBRID,
                        "Dakar",
                        "",
                        60,
                        null));
        meetings.replaceProgramme(
                meeting,
                List.of(
                        new Meeting.AgendaItem(
                                1, "Fair recruitment and decent work", s21.id().value()),
                        new Meeting.AgendaItem(
                                2,
                                "How regional inputs reach the global sessions",
                                s32.id().value())));
        String minutes = "Forty-two participants from eleven countries met in Dakar and online.\n\n"
                + "- Recruitment fees should be paid by employers.\n"
                + "- The Antenna's report must cite what participants said, not summarise it away.";
        meetings.saveMinutes(
                meeting,
                minutes,
                markdown.render(minutes),
                "en",
                "Ask session 2.1 for a regional complaints mechanism\nSubmit a sourced report to session 3.2");
        meetings.replaceAttendance(
                meeting, "REGION", Map.of("western-africa", 24, "eastern-africa", 11, "northern-africa", 3));
        meetings.replaceAttendance(meeting, "GENDER", Map.of("woman", 21, "man", 17));
        translations.register(new TextRef(Meetings.MINUTES, meeting), minutes, "en", editionId);

        long report = reports.insert(
                africa,
                DEMO_REPORT,
                "The Africa Antenna held a regional consultation in Dakar and discussed online in French and English."
                        + " These key points carry its substance, each with its sources.",
                "en");
        reports.replaceSessions(report, List.of(s32.id().value(), s21.id().value()));
        long first = reports.insertKeyPoint(
                report, "Regional inputs must reach the global sessions with their sources, not as a dry summary.");
        long second = reports.insertKeyPoint(
                report,
                "Recruitment fees must be paid by employers, and regional agreements need complaints mechanisms.");
        french.flatMap(this::openingPost).ifPresent(p -> reports.insertCitation(first, CitationKind.POST, p, ""));
        reports.insertCitation(first, CitationKind.MINUTES, meeting, "");
        english.flatMap(this::openingPost).ifPresent(p -> reports.insertCitation(second, CitationKind.POST, p, ""));
        reports.insertCitation(second, CitationKind.OUTCOME, meeting, "1");
        stories.search(editionId, "fee I paid", 1)
                .forEach(story -> reports.insertCitation(second, CitationKind.STORY, story, ""));
        // the demo conversation's statement on pension rights, agreed by both of its points of view, cited as a
        // consensus: found by its text, not its number; should the votes move on, the citation still quotes it
        edition.session("2.2")
                .map(s -> opinions.ofSession(s.id().value()))
                .flatMap(list -> list.stream().findFirst())
                .ifPresent(conversation -> listings.numberOf(conversation, PENSION_STATEMENT)
                        .ifPresent(number -> reports.insertCitation(
                                first, CitationKind.OPINION, conversation.value(), "c:" + number)));
        int version = reports.publish(report);
        Report published = reports.find(report).orElseThrow();
        reports.insertVersion(
                report,
                version,
                published.title(),
                published.introduction(),
                published.keyPoints().stream().map(Report.KeyPoint::text).toList(),
                "");
        reports.submit(report);
        log.info("Loaded the demo Regional Antennas (Athens 2009)");
    }

    /**
     * Demo content loaded before this fix cited the demo conversation's statement 1 ("c:1") as its consensus, taking
     * it for the pension statement; statements are numbered from 0. Points that citation of the demo report at the
     * pension statement, once; nothing else is touched.
     */
    private void repairOpinionCitation(Edition edition) {
        edition.session("2.2")
                .map(s -> opinions.ofSession(s.id().value()))
                .flatMap(list -> list.stream().findFirst())
                .ifPresent(conversation -> listings.numberOf(conversation, PENSION_STATEMENT)
                        .ifPresent(number -> jdbc.sql(
                                        """
                                        UPDATE antennas_citation c SET detail = :d
                                          FROM antennas_key_point k JOIN antennas_report r ON r.id = k.report_id
                                               JOIN antennas_hub h ON h.id = r.hub_id
                                         WHERE c.key_point_id = k.id AND h.edition_id = :e AND h.name = 'Africa'
                                           AND r.title = :t AND c.kind = 'OPINION' AND c.source_id = :c
                                           AND c.detail = 'c:1' AND :d <> 'c:1'
                                        """)
                                .param("d", "c:" + number)
                                .param("e", edition.id().value())
                                .param("t", DEMO_REPORT)
                                .param("c", conversation.value())
                                .update()));
    }

    private Optional<Long> startThread(
            long hub, Edition.ForumSession session, AccountId author, String title, String body) {
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "thread");
        Optional<ThreadReferences.ReferencedThread> thread = threads.startThread(
                session.id().value(), author, new ThreadForm(title, body, java.util.UUID.randomUUID()), errors, false);
        thread.ifPresent(t -> hubs.addThread(hub, t.id(), session.id().value()));
        return thread.map(ThreadReferences.ReferencedThread::id);
    }

    private Optional<Long> openingPost(long thread) {
        return jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :t AND position = 1")
                .param("t", thread)
                .query(Long.class)
                .optional();
    }
}
