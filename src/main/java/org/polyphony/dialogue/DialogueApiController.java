package org.polyphony.dialogue;

import java.util.List;
import java.util.Optional;
import org.polyphony.dialogue.DialogueManagement.NotFound;
import org.polyphony.dialogue.DialogueViews.ThreadList;
import org.polyphony.dialogue.DialogueViews.ThreadPage;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.ReadingLanguages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only JSON API for the dialogue (documented at /v3/api-docs). It shows what an anonymous reader sees:
 * hidden and deleted posts keep their place but not their text.
 */
@RestController
class DialogueApiController {

    private final DialogueManagement dialogue;
    private final ForumManagement forums;
    private final TranslatedPosts translatedPosts;

    DialogueApiController(DialogueManagement dialogue, ForumManagement forums, TranslatedPosts translatedPosts) {
        this.translatedPosts = translatedPosts;
        this.dialogue = dialogue;
        this.forums = forums;
    }

    /** A session's threads, 20 at a time; pass {@code nextCursor} as {@code after} for the next page. */
    @GetMapping(value = "/api/editions/{slug}/sessions/{code}/threads", produces = "application/json")
    ThreadList threads(
            @PathVariable String slug,
            @PathVariable String code,
            @RequestParam(name = "sort", defaultValue = "latest") String sort,
            @RequestParam(name = "after", required = false) String after) {
        Edition edition = forums.edition(slug, false).orElseThrow(NotFound::new);
        Edition.ForumSession session = edition.session(code).orElseThrow(NotFound::new);
        return dialogue.threads(session.id().value(), ThreadSort.of(sort), after);
    }

    /**
     * A thread with one page (20) of its posts, each with the language it was written in ({@code originalLang}).
     * With {@code lang}, posts in another language come in that language where a translation is ready, with the
     * translation's provider and state in {@code translation}; {@code lang} is then the language shown.
     */
    @GetMapping(value = "/api/threads/{id}", produces = "application/json")
    ThreadPage thread(
            @PathVariable long id,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "lang", required = false) String reader) {
        ThreadId thread = new ThreadId(id);
        long session = dialogue.sessionOf(thread).orElseThrow(NotFound::new);
        forums.editionOfSession(new org.polyphony.forums.ForumSessionId(session), false)
                .orElseThrow(NotFound::new);
        ThreadPage shown = dialogue.page(thread, page, Optional.empty()).orElseThrow(NotFound::new);
        if (reader == null || !ReadingLanguages.isKnown(reader)) {
            return shown;
        }
        return translatedPosts.inReadersLanguage(
                shown, Reading.in(List.of(reader)).withoutAsking());
    }
}
