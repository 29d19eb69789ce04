package org.polyphony.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.AccountManagement;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.UiLanguage;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A consultation on a civil-society concept paper for GFMD 2012, written for Polyphony from the seed's themes: round
 * 1 closed, with comments in English, French and Spanish, handled, and a second version made from it; round 2 open.
 * Its commenters are demo accounts nobody can sign in to. Loaded once, into GFMD 2012.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty(name = "polyphony.demo-content.enabled", matchIfMissing = true)
class DemoConsultation implements ApplicationRunner {

    static final String TITLE = "Civil society concept paper, GFMD 2012";
    private static final long LOCK = 0x706f6c79_636f6e73L;

    static final String VERSION_1 =
            """
            # Civil society concept paper for the GFMD 2012

            This paper sets out what civil society brings to the Global Forum on Migration and Development in 2012. It was prepared through wide consultation and participatory review of two drafts, on the principle that less is more.

            ## Rights-based policy

            Migration policy must start from the human rights of migrants and their families, whatever their status. Development gains cannot be bought at the price of rights.

            Governments should ratify and implement the core conventions, including the Migrant Workers Convention and ILO Convention 189 on domestic workers.

            ## Protection in irregular situations

            Migrants in irregular situations must have access to justice, health care and education for their children, without fear that asking for help leads to detention.

            Firewalls between public services and immigration enforcement protect everyone.

            ## Labour mobility

            Recruitment fees should be paid by employers, never by workers. Governments should license and monitor recruitment agencies and make them liable for abuse.

            Workers should be free to change employers, and their skills should be recognised across borders.

            ## Development alternatives

            Migration should be a choice, not a necessity. Decent work at home is the first development alternative.

            Remittances are private money; they do not replace public investment in development.

            ## The future of the Forum

            Civil society asks for a permanent space in the Forum, with common sessions where governments and civil society discuss the same agenda.
            """;

    DemoConsultation(
            ForumManagement forums,
            ConsultationManagement consultations,
            ConsultationStore store,
            AccountManagement accounts,
            JdbcClient jdbc) {
        this.forums = forums;
        this.consultations = consultations;
        this.store = store;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    private final ForumManagement forums;
    private final ConsultationManagement consultations;
    private final ConsultationStore store;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .listOfRows();
        Edition edition = forums.edition("gfmd-2012", true).orElse(null);
        if (edition == null
                || store.ofEdition(edition.id().value()).stream()
                        .anyMatch(c -> c.title().equals(TITLE))) {
            return;
        }
        AccountId organiser = accounts.demoAuthor("Coordinating Office (demo)", UiLanguage.EN, List.of("en"));
        AccountId maria = accounts.demoAuthor("Maria (demo)", UiLanguage.EN, List.of("en", "tl"));
        AccountId amadou = accounts.demoAuthor("Amadou (démo)", UiLanguage.FR, List.of("fr"));
        AccountId lucia = accounts.demoAuthor("Lucía (demo)", UiLanguage.ES, List.of("es"));
        LocalDate today = ConsultationManagement.today();
        ConsultationForm form = new ConsultationForm(
                TITLE,
                "Two rounds of review of the concept paper that civil society brings to the GFMD 2012. Comment on"
                        + " a paragraph, a passage or the whole paper; the drafting team answers every comment.",
                "SIGNED_IN",
                List.of(),
                today.minusDays(60).toString(),
                today.minusDays(30).toString(),
                today.minusDays(7).toString(),
                today.plusDays(21).toString(),
                "",
                "",
                VERSION_1,
                "",
                List.of());
        List<ConsultationManagement.Dates> rounds = List.of(
                new ConsultationManagement.Dates(today.minusDays(60), today.minusDays(30)),
                new ConsultationManagement.Dates(today.minusDays(7), today.plusDays(21)));
        long id = consultations.create(edition.id().value(), null, form, VERSION_1, rounds, organiser);
        ConsultationStore.Consultation consultation = store.consultation(id).orElseThrow();
        var round1 = store.rounds(id).getFirst();
        var version1 = store.versions(id).getFirst();
        Map<String, String> keys = new java.util.HashMap<>();
        store.paragraphs(version1.id())
                .forEach(p ->
                        keys.put(p.text().substring(0, Math.min(20, p.text().length())), p.key()));
        long fees = consultations.demoComment(
                consultation,
                round1,
                version1,
                key(keys, "Recruitment fees"),
                "paid by employers, never by workers",
                "Add that fees already paid should be refunded: many workers are still in debt.",
                "Recruitment fees should be paid by employers, never by workers, and fees already charged should be refunded.",
                "en",
                maria);
        long firewall = consultations.demoComment(
                consultation,
                round1,
                version1,
                key(keys, "Firewalls between"),
                null,
                "Il faut dire clairement que les services de santé ne doivent jamais transmettre de données aux services d’immigration.",
                null,
                "fr",
                amadou);
        long remittances = consultations.demoComment(
                consultation,
                round1,
                version1,
                key(keys, "Remittances are priva"),
                null,
                "Las remesas también deberían ser más baratas: las comisiones de envío siguen siendo demasiado altas.",
                null,
                "es",
                lucia);
        long whole = consultations.demoComment(
                consultation,
                round1,
                version1,
                null,
                null,
                "The paper should be shorter still: one page that a minister reads to the end.",
                null,
                "en",
                lucia);
        handle(round1, fees, Decision.ACCEPTED, "", organiser);
        handle(
                round1,
                firewall,
                Decision.PARTLY_ACCEPTED,
                "The firewall now names health services; data rules belong to national law.",
                organiser);
        handle(round1, remittances, Decision.ACCEPTED, "", organiser);
        handle(
                round1,
                whole,
                Decision.OUT_OF_SCOPE,
                "The length is set by the Forum’s template; we cut where we could.",
                organiser);
        String version2 = VERSION_1
                .replace(
                        "Recruitment fees should be paid by employers, never by workers.",
                        "Recruitment fees should be paid by employers, never by workers, and fees already charged should be refunded.")
                .replace(
                        "Firewalls between public services and immigration enforcement protect everyone.",
                        "Firewalls between public services, health services first, and immigration enforcement protect everyone.")
                .replace(
                        "Remittances are private money; they do not replace public investment in development.",
                        "Remittances are private money; they do not replace public investment in development, and sending them should cost less.")
                .replace(
                        "Migration should be a choice, not a necessity. Decent work at home is the first development alternative.\n\n",
                        "");
        consultations.saveVersion(consultation, version2, organiser);
    }

    private static String key(Map<String, String> keys, String start) {
        return keys.entrySet().stream()
                .filter(e -> start.startsWith(e.getKey()) || e.getKey().startsWith(start))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }

    private void handle(ConsultationStore.Round round, long comment, Decision decision, String reason, AccountId by) {
        var errors = new org.springframework.validation.BeanPropertyBindingResult(
                new HandlingForm(List.of(comment), decision.name(), reason), "form");
        consultations.handle(round, new HandlingForm(List.of(comment), decision.name(), reason), by, errors);
    }
}
