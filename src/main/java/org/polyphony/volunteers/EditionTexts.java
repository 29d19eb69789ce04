package org.polyphony.volunteers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.forums.Edition;
import org.polyphony.forums.EditionId;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumPageContributions;
import org.polyphony.languages.LocalizedText;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.TranslatableTexts;
import org.polyphony.translation.Translations;
import org.polyphony.web.Page;
import org.springframework.stereotype.Component;

/**
 * An edition's name and summary translated like session texts: handed to translation when they are saved, offered to
 * volunteers where no provider reaches a language, shown on the edition's page ("In your language") and, for the
 * name, in the list of editions on the home page, wherever the organisers wrote no version the reader reads. A version
 * the organisers wrote always wins and is never asked of volunteers.
 */
@Component
class EditionTexts implements TranslatableTexts, ForumPageContributions {

    static final String NAME = "edition-name";
    static final String SUMMARY = "edition-summary";

    private final ForumManagement forums;
    private final Translations translations;
    private final AccountDirectory accounts;

    EditionTexts(ForumManagement forums, Translations translations, AccountDirectory accounts) {
        this.forums = forums;
        this.translations = translations;
        this.accounts = accounts;
    }

    // ---- what translation needs to know

    @Override
    public Collection<String> kinds() {
        return List.of(NAME, SUMMARY);
    }

    @Override
    public Map<Long, String> translatable(String kind, Collection<Long> ids) {
        Map<Long, String> found = new LinkedHashMap<>();
        // published editions only (forums leaves drafts out for anyone but organisers), and none archived
        for (Edition edition : forums.editions(false)) {
            if (!edition.archived()
                    && ids.contains(edition.id().value())
                    && !original(text(kind, edition)).isEmpty()) {
                found.put(edition.id().value(), "/editions/" + edition.slug());
            }
        }
        return found;
    }

    @Override
    public boolean wanted(String kind, long id, String target) {
        return forums.editions(false).stream()
                .filter(edition -> edition.id().value() == id)
                .findFirst()
                .map(edition -> !text(kind, edition).versions().containsKey(target))
                .orElse(true);
    }

    @Override
    public String kindLabel(String kind) {
        return NAME.equals(kind) ? "volunteers.kind.editionName" : "volunteers.kind.editionSummary";
    }

    // ---- the edition's page and the list of editions

    @Override
    public Optional<Section> editionSection(Edition edition, Page page) {
        List<String> readerLanguages = readerLanguages(page);
        List<Item> items = new ArrayList<>();
        for (String kind : kinds()) {
            LocalizedText text = text(kind, edition);
            if (text.isEmpty() || text.versions().keySet().stream().anyMatch(readerLanguages::contains)) {
                continue;
            }
            Shown shown = translations
                    .shown(kind, List.of(edition.id().value()), readerLanguages)
                    .get(new TextRef(kind, edition.id().value()));
            if (shown != null && shown.translated()) {
                items.add(item(kind, edition, shown, page));
            }
        }
        return items.isEmpty()
                ? Optional.empty()
                : Optional.of(new Section(page.t("volunteers.session.heading"), items, Optional.empty()));
    }

    @Override
    public Map<EditionId, ShownName> editionNames(List<Edition> editions, Page page) {
        List<String> readerLanguages = readerLanguages(page);
        List<Long> ids = editions.stream()
                .filter(edition -> !edition.name().isEmpty())
                .filter(edition -> edition.name().versions().keySet().stream().noneMatch(readerLanguages::contains))
                .map(edition -> edition.id().value())
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<TextRef, Shown> shown = translations.shown(NAME, ids, readerLanguages);
        Map<EditionId, ShownName> names = new HashMap<>();
        for (Edition edition : editions) {
            Shown name = shown.get(new TextRef(NAME, edition.id().value()));
            if (name != null && name.translated()) {
                names.put(
                        edition.id(),
                        new ShownName(
                                new LocalizedText.Shown(name.text().strip(), name.language()),
                                page.t(
                                        name.state() == Shown.State.REVIEWED
                                                ? "volunteers.edition.byPerson"
                                                : "volunteers.edition.machine")));
            }
        }
        return names;
    }

    @Override
    public int order() {
        return -100;
    }

    private Item item(String kind, Edition edition, Shown shown, Page page) {
        String what = page.t(NAME.equals(kind) ? "volunteers.edition.name" : "volunteers.edition.summary");
        String label = shown.state() == Shown.State.REVIEWED
                ? page.t("volunteers.label.byPerson", page.languageName(shown.originalLanguage()))
                : page.t(
                        "translation.label.machine",
                        page.languageName(shown.originalLanguage()),
                        shown.providerLabel());
        List<LocalizedText.Shown> lines = page.paragraphs(shown.text()).stream()
                .map(part -> new LocalizedText.Shown(part, shown.language()))
                .toList();
        return new Item(
                new LocalizedText.Shown(what + " (" + page.languageName(shown.language()) + ")", page.lang()),
                "/translation/texts/" + kind + "/" + edition.id().value() + "/" + shown.language(),
                label,
                lines);
    }

    private List<String> readerLanguages(Page page) {
        List<String> languages =
                accounts.signedIn().map(accounts::readingLanguages).orElse(List.of());
        return languages.isEmpty() ? List.of(page.lang()) : languages;
    }

    // ---- registering the texts

    /** Hands the edition's name and summary to translation where they changed; a removed summary is forgotten. */
    void register(Edition edition) {
        for (String kind : kinds()) {
            LocalizedText text = text(kind, edition);
            TextRef ref = new TextRef(kind, edition.id().value());
            if (original(text).isEmpty()) {
                translations.forget(ref);
            } else {
                translations.registerIfChanged(
                        ref,
                        original(text),
                        text.originalLanguage(),
                        edition.id().value());
            }
        }
    }

    /** What {@link #register} would hand over, to tell whether anything changed since. */
    String fingerprint(Edition edition) {
        return edition.name().versions() + "\u0000" + edition.summary().versions();
    }

    private static LocalizedText text(String kind, Edition edition) {
        return NAME.equals(kind) ? edition.name() : edition.summary();
    }

    private static String original(LocalizedText text) {
        return text.exactly(text.originalLanguage()).orElse("");
    }
}
