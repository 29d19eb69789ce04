package org.polyphony.opinions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.opinions.ConversationPlaces.Place;
import org.polyphony.opinions.ConversationPlaces.SessionPlace;
import org.polyphony.opinions.ConversationViews.ConversationSummary;
import org.polyphony.opinions.ConversationViews.Listed;
import org.polyphony.opinions.ConversationViews.StatementRow;
import org.polyphony.opinions.analysis.Moderation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only JSON API for conversations (documented at /v3/api-docs): what the pages show, with statements in the
 * language asked for ({@code lang}) where a translation is ready. Nothing here names a voter; a caller's own dot is
 * marked {@code you} when the caller has voted (signed in, or with their browser's voter cookie).
 */
@RestController
class OpinionsApiController {

    private final OpinionsManagement opinions;
    private final ConversationStore store;
    private final ConversationPlaces places;
    private final StatementTexts texts;
    private final Voters voters;
    private final OpinionsController pages;

    OpinionsApiController(
            OpinionsManagement opinions,
            ConversationStore store,
            ConversationPlaces places,
            StatementTexts texts,
            Voters voters,
            OpinionsController pages) {
        this.opinions = opinions;
        this.store = store;
        this.places = places;
        this.texts = texts;
        this.voters = voters;
        this.pages = pages;
    }

    /** A conversation and its accepted statements with their votes so far. */
    public record ConversationJson(
            ConversationSummary conversation, ShownStatement question, List<StatementJson> statements) {}

    /** @param votes distinct voters who voted on it */
    public record StatementJson(ShownStatement statement, int votes) {}

    @GetMapping(value = "/api/editions/{slug}/sessions/{code}/conversations", produces = "application/json")
    List<Listed> ofSession(
            @PathVariable String slug,
            @PathVariable String code,
            @RequestParam(name = "lang", required = false) String lang,
            Locale locale) {
        SessionPlace place = places.session(slug, code);
        List<String> languages = languages(lang, locale);
        return opinions.ofSession(place.session().id().value()).stream()
                .map(c -> new Listed(c, texts.question(c, languages, false)))
                .toList();
    }

    @GetMapping(value = "/api/conversations/{id}", produces = "application/json")
    ConversationJson conversation(
            @PathVariable long id, @RequestParam(name = "lang", required = false) String lang, Locale locale) {
        Place place = places.of(id);
        List<String> languages = languages(lang, locale);
        List<StatementRow> accepted = store.statements(place.conversation().id()).stream()
                .filter(s -> s.moderation() == Moderation.ACCEPTED)
                .toList();
        Map<Integer, ShownStatement> shown = texts.shown(accepted, languages, false);
        return new ConversationJson(
                place.conversation(),
                texts.question(place.conversation(), languages, false),
                accepted.stream()
                        .map(s -> new StatementJson(shown.get(s.number()), s.votes()))
                        .toList());
    }

    /** The latest analysis: map dots, groups with representative statements, consensus and divisive statements. */
    @GetMapping(value = "/api/conversations/{id}/results", produces = "application/json")
    ResultsView results(
            @PathVariable long id,
            @RequestParam(name = "lang", required = false) String lang,
            Locale locale,
            HttpServletRequest request) {
        Place place = places.of(id);
        return pages.results(
                        place,
                        voters.current(place.conversation(), request),
                        languages(lang, locale),
                        locale,
                        false,
                        true)
                .withoutMap();
    }

    private List<String> languages(String lang, Locale locale) {
        return lang != null && ReadingLanguages.isKnown(lang) ? List.of(lang) : texts.readerLanguages(locale);
    }
}
