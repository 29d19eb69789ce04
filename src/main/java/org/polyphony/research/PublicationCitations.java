package org.polyphony.research;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polyphony.antennas.CitationKind;
import org.polyphony.antennas.CitedWorks;
import org.polyphony.antennas.ReportCitations;
import org.polyphony.dialogue.PostEdited;
import org.polyphony.dialogue.PostLinkCards;
import org.polyphony.dialogue.PostPublished;
import org.polyphony.dialogue.ThreadReferences;
import org.polyphony.dialogue.ThreadReferences.Visibility;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publications cited where people discuss and report. A post cites a publication by linking to its page
 * ({@code /research/library/12}, written as a Markdown link or pasted as the site's own address): the thread shows a
 * card with its title, authors and year under the post, and the publication's page lists the post. A rapporteur
 * cites one in a report through antennas' "cite in my report" ({@link CitationKind#PUBLICATION}). Which posts cite
 * which publication is kept when a post is published or edited, and read back live: a post hidden, deleted or no
 * longer linking is not listed; only published reports are.
 */
@Component
class PublicationCitations implements PostLinkCards, CitedWorks {

    /** A link to a publication's page in a post's sanitised HTML: relative, or an absolute address on any host. */
    static final Pattern LINK = Pattern.compile("href=\"(?:https?://[^/\"]+)?/research/library/(\\d{1,18})\"");

    /** The same in a post's Markdown: a Markdown link's target, or an address the renderer turns into a link. */
    static final Pattern IN_TEXT =
            Pattern.compile("(?:\\]\\(|https?://[^/\\s()<>\\]]+)/research/library/(\\d{1,18})(?![\\d/])");

    private static final int MOST_PER_POST = 10;

    private final JdbcClient jdbc;
    private final Library library;
    private final ThreadReferences dialogue;
    private final ReportCitations reports;
    private final Translations translations;
    private final MessageSource messages;

    PublicationCitations(
            JdbcClient jdbc,
            Library library,
            ThreadReferences dialogue,
            ReportCitations reports,
            Translations translations,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.library = library;
        this.dialogue = dialogue;
        this.reports = reports;
        this.translations = translations;
        this.messages = messages;
    }

    @EventListener
    void on(PostPublished published) {
        record(published.post().value());
    }

    @EventListener
    void on(PostEdited edited) {
        record(edited.post().value());
    }

    /** Keeps which publications this post links to now (none when it is gone). */
    void record(long postId) {
        Set<Long> cited = dialogue.post(postId).map(p -> ids(IN_TEXT, p.body())).orElse(Set.of());
        jdbc.sql("DELETE FROM research_post_citation WHERE post_id = :post")
                .param("post", postId)
                .update();
        for (long publication : cited) {
            jdbc.sql(
                            """
                            INSERT INTO research_post_citation (publication_id, post_id)
                            SELECT id, :post FROM research_publication WHERE id = :publication
                            ON CONFLICT DO NOTHING
                            """)
                    .param("post", postId)
                    .param("publication", publication)
                    .update();
        }
    }

    @Override
    public Map<Long, List<Card>> cards(Map<Long, String> htmlByPost, Locale locale) {
        Map<Long, Set<Long>> linked = new LinkedHashMap<>();
        Set<Long> all = new LinkedHashSet<>();
        htmlByPost.forEach((post, html) -> {
            Set<Long> ids = ids(LINK, html);
            if (!ids.isEmpty()) {
                linked.put(post, ids);
                all.addAll(ids);
            }
        });
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<Long, Publication> publications = new LinkedHashMap<>();
        for (long id : all) {
            library.find(id).ifPresent(p -> publications.put(id, p));
        }
        String kind = messages.getMessage("research.cite.card", null, locale);
        Map<Long, List<Card>> cards = new LinkedHashMap<>();
        linked.forEach((post, ids) -> {
            List<Card> found = new ArrayList<>();
            for (long id : ids) {
                Publication p = publications.get(id);
                if (p != null) {
                    found.add(new Card(
                            kind,
                            p.title(),
                            p.language() == null ? "" : p.language(),
                            details(p),
                            "/research/library/" + id));
                }
            }
            if (!found.isEmpty()) {
                cards.put(post, found);
            }
        });
        return cards;
    }

    @Override
    public Optional<Work> work(long id, List<String> readerLanguages) {
        return library.find(id).map(p -> {
            Shown shown = p.abstractText() == null || p.abstractText().isBlank() || readerLanguages.isEmpty()
                    ? null
                    : translations
                            .shown(Library.ABSTRACT, List.of(id), readerLanguages)
                            .get(new TextRef(Library.ABSTRACT, id));
            boolean translated = shown != null && shown.translated();
            String quote = translated
                    ? shown.text()
                    : p.abstractText() == null || p.abstractText().isBlank() ? p.title() : p.abstractText();
            String language = p.language() == null ? "" : p.language();
            return new Work(
                    "research.cite.report.label",
                    List.of(p.title(), details(p)),
                    quote,
                    translated ? shown.language() : language,
                    language,
                    translated ? shown.providerLabel() : null,
                    "/research/library/" + id);
        });
    }

    @Override
    public String goneLabelKey() {
        return "research.cite.report.gone";
    }

    CitedIn citedIn(long publicationId) {
        List<Long> postIds = jdbc.sql(
                        "SELECT post_id FROM research_post_citation WHERE publication_id = :p ORDER BY post_id LIMIT 50")
                .param("p", publicationId)
                .query(Long.class)
                .list();
        List<CitedIn.CitingPost> posts = dialogue.posts(postIds).stream()
                .filter(p -> p.visibility() == Visibility.VISIBLE)
                .filter(p -> ids(IN_TEXT, p.body()).contains(publicationId))
                .map(p -> new CitedIn.CitingPost(p.threadTitle(), p.position(), p.url()))
                .toList();
        return new CitedIn(posts, reports.publishedCiting(CitationKind.PUBLICATION, publicationId));
    }

    private static String details(Publication p) {
        String authors = p.authors().size() > 3 ? String.join("; ", p.authors().subList(0, 3)) + " …" : p.authorsLine();
        return p.year() == null
                ? authors
                : authors.isEmpty() ? String.valueOf(p.year()) : authors + " (" + p.year() + ")";
    }

    private static Set<Long> ids(Pattern pattern, String text) {
        Set<Long> ids = new LinkedHashSet<>();
        if (text == null) {
            return ids;
        }
        Matcher m = pattern.matcher(text);
        while (m.find() && ids.size() < MOST_PER_POST) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
