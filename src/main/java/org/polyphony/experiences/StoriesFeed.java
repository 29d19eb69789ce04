package org.polyphony.experiences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.people.FeedItem;
import org.polyphony.people.FeedSource;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stories in the personal feed of those who follow their authors: only stories published with a name (an
 * anonymous story is linked to nobody, so it can follow nobody), dated by the day they were published.
 */
@Component
class StoriesFeed implements FeedSource {

    private static final int EXCERPT = 200;

    private final JdbcClient jdbc;
    private final Translations translations;
    private final org.polyphony.forums.ForumManagement forums;

    StoriesFeed(JdbcClient jdbc, Translations translations, org.polyphony.forums.ForumManagement forums) {
        this.jdbc = jdbc;
        this.translations = translations;
        this.forums = forums;
    }

    private record Named(long id, long author, String title, String body, String language, LocalDate publishedOn) {}

    @Override
    public List<FeedItem> recentBy(
            Collection<AccountId> authors, Instant before, int limit, List<String> readerLanguages) {
        // only editions anyone may read: a draft edition's stories stay with its organisers
        List<Long> editions =
                forums.editions(false).stream().map(e -> e.id().value()).toList();
        if (authors.isEmpty() || editions.isEmpty()) {
            return List.of();
        }
        List<Named> stories = jdbc.sql(
                        """
                        SELECT id, author_account_id, title, body, language, published_on FROM experiences_story
                        WHERE author_account_id IN (:authors) AND NOT anonymous AND status = 'PUBLISHED'
                          AND edition_id IN (:editions)
                          AND published_on < CAST(:before AS timestamptz)
                        ORDER BY published_on DESC, id DESC LIMIT :limit
                        """)
                .param("authors", authors.stream().map(AccountId::value).toList())
                .param("editions", editions)
                .param("before", java.sql.Timestamp.from(before))
                .param("limit", limit)
                .query((rs, n) -> new Named(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class)))
                .list();
        List<Long> ids = stories.stream().map(Named::id).toList();
        Map<TextRef, Shown> bodies = readerLanguages.isEmpty()
                ? Map.of()
                : translations.shown(ExperiencesManagement.BODY, ids, readerLanguages, false);
        return stories.stream()
                .map(s -> {
                    Shown body = bodies.get(new TextRef(ExperiencesManagement.BODY, s.id()));
                    boolean translated = body != null && body.translated();
                    return new FeedItem(
                            "people.feed.kind.story",
                            new AccountId(s.author()),
                            s.title(),
                            excerpt(translated ? body.text() : s.body()),
                            "/stories/" + s.id(),
                            s.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                            translated ? s.language() : null);
                })
                .toList();
    }

    /** The first words of a story, its Markdown marks left out. */
    private static String excerpt(String markdown) {
        String plain =
                markdown.replaceAll("[*_`#>\\[\\]]", "").replaceAll("\\s+", " ").strip();
        return plain.length() <= EXCERPT
                ? plain
                : plain.substring(0, EXCERPT - 1).strip() + "…";
    }
}
