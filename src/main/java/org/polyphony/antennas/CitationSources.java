package org.polyphony.antennas;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polyphony.dialogue.ThreadReferences;
import org.polyphony.dialogue.ThreadReferences.ReferencedPost;
import org.polyphony.dialogue.ThreadReferences.ReferencedThread;
import org.polyphony.dialogue.ThreadReferences.Visibility;
import org.polyphony.experiences.StoryCitations;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.opinions.ConversationId;
import org.polyphony.opinions.ConversationListings;
import org.polyphony.opinions.OpinionCitations;
import org.polyphony.translation.Shown;
import org.springframework.stereotype.Component;

/**
 * What a citation shows, read live from its source: a short quote in the reader's language, where it leads, and
 * whether it was withdrawn (hidden, deleted, its author's account gone, a story no longer published, a result no
 * longer in the latest analysis). A withdrawn citation shows no quote. Also checks what a rapporteur may cite.
 */
@Component
class CitationSources {

    static final int QUOTE_LENGTH = 240;

    private final ThreadReferences dialogue;
    private final StoryCitations stories;
    private final OpinionCitations opinions;
    private final MeetingStore meetings;
    private final HubStore hubs;
    private final ForumManagement forums;
    private final ConversationListings listings;
    private final org.springframework.beans.factory.ObjectProvider<CitedWorks> works;

    CitationSources(
            ThreadReferences dialogue,
            StoryCitations stories,
            OpinionCitations opinions,
            MeetingStore meetings,
            HubStore hubs,
            ForumManagement forums,
            ConversationListings listings,
            org.springframework.beans.factory.ObjectProvider<CitedWorks> works) {
        this.listings = listings;
        this.works = works;
        this.dialogue = dialogue;
        this.stories = stories;
        this.opinions = opinions;
        this.meetings = meetings;
        this.hubs = hubs;
        this.forums = forums;
    }

    List<ResolvedCitation> resolve(List<Report.Citation> citations, List<String> readerLanguages) {
        List<Long> postIds = ids(citations, CitationKind.POST);
        Map<Long, ReferencedPost> posts =
                dialogue.posts(postIds).stream().collect(Collectors.toMap(ReferencedPost::id, p -> p));
        Map<Long, Shown> postTexts = dialogue.postTexts(postIds, readerLanguages);
        List<Long> threadIds = ids(citations, CitationKind.THREAD);
        Map<Long, ReferencedThread> threads =
                dialogue.threads(threadIds).stream().collect(Collectors.toMap(ReferencedThread::id, t -> t));
        Map<Long, Shown> titles = dialogue.titles(threadIds, readerLanguages);
        return citations.stream()
                .map(c -> switch (c.kind()) {
                    case POST -> post(c, posts.get(c.sourceId()), postTexts.get(c.sourceId()));
                    case THREAD -> thread(c, threads.get(c.sourceId()), titles.get(c.sourceId()));
                    case STORY -> story(c, readerLanguages);
                    case OPINION -> opinion(c, readerLanguages);
                    case MINUTES, OUTCOME -> meeting(c);
                    case PUBLICATION -> work(c, readerLanguages);
                })
                .toList();
    }

    private Optional<CitedWorks.Work> findWork(long id, List<String> languages) {
        return works.orderedStream()
                .map(w -> w.work(id, languages))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private ResolvedCitation work(Report.Citation c, List<String> languages) {
        Optional<CitedWorks.Work> work = findWork(c.sourceId(), languages);
        if (work.isEmpty()) {
            String gone = works.orderedStream()
                    .findFirst()
                    .map(CitedWorks::goneLabelKey)
                    .orElse("antennas.citation.withdrawn");
            return withdrawn(c, gone, List.of());
        }
        CitedWorks.Work w = work.get();
        return new ResolvedCitation(
                c,
                w.labelKey(),
                w.labelArguments(),
                excerpt(w.quote()),
                w.quoteLanguage(),
                w.originalLanguage(),
                w.translatedBy(),
                w.href(),
                false);
    }

    private ResolvedCitation post(Report.Citation c, ReferencedPost post, Shown shown) {
        if (post == null || post.visibility() != Visibility.VISIBLE) {
            return withdrawn(c, "antennas.citation.post", List.of());
        }
        boolean translated = shown != null && shown.translated();
        return new ResolvedCitation(
                c,
                "antennas.citation.post",
                List.of(post.position(), post.threadTitle()),
                excerpt(translated ? shown.text() : post.body()),
                translated ? shown.language() : post.language(),
                post.language(),
                translated ? shown.providerLabel() : null,
                post.url(),
                false);
    }

    private ResolvedCitation thread(Report.Citation c, ReferencedThread thread, Shown title) {
        if (thread == null || thread.visibility() != Visibility.VISIBLE) {
            return withdrawn(c, "antennas.citation.thread", List.of(""));
        }
        boolean translated = title != null && title.translated();
        return new ResolvedCitation(
                c,
                "antennas.citation.thread",
                List.of(thread.replies()),
                translated ? title.text() : thread.title(),
                translated ? title.language() : thread.language(),
                thread.language(),
                translated ? title.providerLabel() : null,
                thread.url(),
                false);
    }

    private ResolvedCitation story(Report.Citation c, List<String> languages) {
        var story = stories.story(c.sourceId(), languages).filter(StoryCitations.CitedStory::published);
        if (story.isEmpty()) {
            return withdrawn(c, "antennas.citation.story", List.of());
        }
        Shown body = story.get().body();
        return new ResolvedCitation(
                c,
                "antennas.citation.story",
                List.of(story.get().title().text()),
                excerpt(body.text()),
                body.language(),
                body.originalLanguage(),
                body.translated() ? body.providerLabel() : null,
                story.get().url(),
                false);
    }

    private ResolvedCitation opinion(Report.Citation c, List<String> languages) {
        var result = opinions.result(new ConversationId(c.sourceId()), c.detail(), languages);
        if (result.isEmpty()) {
            return earlierResult(c, languages);
        }
        var r = result.get();
        String stance = r.stance().name().toLowerCase(java.util.Locale.ROOT);
        return new ResolvedCitation(
                c,
                (r.consensus() ? "antennas.citation.opinion.consensus." : "antennas.citation.opinion.group.") + stance,
                r.consensus() ? List.of(r.percent()) : List.of(r.groupLetter(), r.percent()),
                r.text().text(),
                r.text().language(),
                r.text().originalLanguage(),
                r.text().translatedBy(),
                "/conversations/" + c.sourceId() + "/results",
                false);
    }

    /**
     * A cited result that the latest analysis no longer shows (the votes moved on, the groups changed): the report
     * cited what the conversation showed then, so the citation still quotes the statement and says what it was cited
     * as. Withdrawn only when the statement itself is gone (rejected by a moderator) or the conversation is.
     */
    private ResolvedCitation earlierResult(Report.Citation c, List<String> languages) {
        int colon = c.detail().indexOf(':');
        String number = colon < 0 ? "" : c.detail().substring(colon + 1);
        var statement = number.matches("\\d{1,6}")
                ? listings.acceptedStatement(new ConversationId(c.sourceId()), Integer.parseInt(number), languages)
                : Optional.<org.polyphony.opinions.ShownStatement>empty();
        if (statement.isEmpty()) {
            return withdrawn(c, "antennas.citation.opinion", List.of());
        }
        var text = statement.get();
        return new ResolvedCitation(
                c,
                c.detail().startsWith("c:")
                        ? "antennas.citation.opinion.earlier.consensus"
                        : "antennas.citation.opinion.earlier.group",
                List.of(),
                text.text(),
                text.language(),
                text.originalLanguage(),
                text.translatedBy(),
                "/conversations/" + c.sourceId() + "/results",
                false);
    }

    private ResolvedCitation meeting(Report.Citation c) {
        Optional<Meeting> meeting = meetings.find(c.sourceId());
        if (meeting.isEmpty()) {
            return withdrawn(c, "antennas.citation.minutes", List.of(""));
        }
        Meeting m = meeting.get();
        if (c.kind() == CitationKind.MINUTES) {
            return m.minutes() == null
                    ? withdrawn(c, "antennas.citation.minutes", List.of(m.title()))
                    : new ResolvedCitation(
                            c,
                            "antennas.citation.minutes",
                            List.of(m.title()),
                            excerpt(m.minutes()),
                            m.minutesLanguage(),
                            m.minutesLanguage(),
                            null,
                            "/meetings/" + m.id() + "#minutes",
                            false);
        }
        int number = outcomeNumber(c.detail());
        List<String> outcomes = m.outcomeLines();
        return number < 1 || number > outcomes.size()
                ? withdrawn(c, "antennas.citation.outcome", List.of(m.title()))
                : new ResolvedCitation(
                        c,
                        "antennas.citation.outcome",
                        List.of(m.title()),
                        excerpt(outcomes.get(number - 1)),
                        m.minutesLanguage(),
                        m.minutesLanguage(),
                        null,
                        "/meetings/" + m.id() + "#outcome-" + number,
                        false);
    }

    /**
     * Why this source may not be cited in a report of this hub, as a message key; empty when it may: posts and
     * threads of the hub's own threads, visible; stories published in the hub's edition; results of the edition's
     * opinion conversations; minutes and outcomes of the hub's or the edition's meetings.
     */
    Optional<String> refusal(Hub hub, CitationKind kind, long sourceId, String detail) {
        // each check gives the refusal's key, or "" when the source may be cited
        String refusal =
                switch (kind) {
                    case POST ->
                        dialogue.post(sourceId)
                                .map(p -> p.visibility() != Visibility.VISIBLE
                                        ? "antennas.cite.hidden"
                                        : hubs.hubOfThread(p.threadId())
                                                        .filter(h -> h == hub.id())
                                                        .isEmpty()
                                                ? otherPlace(hub, p.sessionId())
                                                : "")
                                .orElse("antennas.cite.notFound");
                    case THREAD ->
                        dialogue.threads(List.of(sourceId)).stream()
                                .findFirst()
                                .map(t -> t.visibility() != Visibility.VISIBLE
                                        ? "antennas.cite.hidden"
                                        : hubs.hubOfThread(t.id())
                                                        .filter(h -> h == hub.id())
                                                        .isEmpty()
                                                ? otherPlace(hub, t.sessionId())
                                                : "")
                                .orElse("antennas.cite.notFound");
                    case STORY ->
                        stories.story(sourceId, List.of())
                                .map(s -> !s.published()
                                        ? "antennas.cite.hidden"
                                        : s.editionId() != hub.editionId() ? "antennas.cite.otherEdition" : "")
                                .orElse("antennas.cite.notFound");
                    case OPINION ->
                        opinions.result(new ConversationId(sourceId), detail, List.of())
                                .map(r -> inEdition(hub, r.sessionId()) ? "" : "antennas.cite.otherEdition")
                                .orElse("antennas.cite.notFound");
                    case MINUTES, OUTCOME ->
                        meetings.find(sourceId)
                                .map(m -> m.editionId() != hub.editionId()
                                        ? "antennas.cite.otherEdition"
                                        : m.hubId() != null && m.hubId() != hub.id()
                                                ? "antennas.cite.notHub"
                                                : kind == CitationKind.MINUTES && m.minutes() == null
                                                        ? "antennas.cite.notFound"
                                                        : kind == CitationKind.OUTCOME
                                                                        && (outcomeNumber(detail) < 1
                                                                                || outcomeNumber(detail)
                                                                                        > m.outcomeLines()
                                                                                                .size())
                                                                ? "antennas.cite.notFound"
                                                                : "")
                                .orElse("antennas.cite.notFound");
                    case PUBLICATION -> findWork(sourceId, List.of()).isPresent() ? "" : "antennas.cite.notFound";
                };
        return refusal.isEmpty() ? Optional.empty() : Optional.of(refusal);
    }

    private String otherPlace(Hub hub, long sessionId) {
        return inEdition(hub, sessionId) ? "antennas.cite.notHub" : "antennas.cite.otherEdition";
    }

    /** Whether the session is of the hub's edition, and that edition is public. */
    private boolean inEdition(Hub hub, long sessionId) {
        return forums.editionOfSession(new ForumSessionId(sessionId), false)
                .filter(e -> e.id().value() == hub.editionId())
                .isPresent();
    }

    static int outcomeNumber(String detail) {
        return detail != null && detail.matches("\\d{1,4}") ? Integer.parseInt(detail) : -1;
    }

    private static ResolvedCitation withdrawn(Report.Citation c, String key, List<Object> arguments) {
        List<Object> padded = new java.util.ArrayList<>(arguments);
        while (padded.size() < 3) {
            padded.add("");
        }
        return new ResolvedCitation(c, key, padded, null, null, null, null, null, true);
    }

    private static List<Long> ids(List<Report.Citation> citations, CitationKind kind) {
        return citations.stream()
                .filter(c -> c.kind() == kind)
                .map(Report.Citation::sourceId)
                .distinct()
                .toList();
    }

    /** Plain words of a Markdown text, without its quotations, cut at a word. */
    static String excerpt(String markdown) {
        String flat = markdown.replaceAll("(?m)^>.*$", "")
                .replaceAll("[*_`#\\[\\]]", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (flat.length() <= QUOTE_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', QUOTE_LENGTH - 1);
        return flat.substring(0, cut > QUOTE_LENGTH / 2 ? cut : QUOTE_LENGTH - 1) + "…";
    }
}
