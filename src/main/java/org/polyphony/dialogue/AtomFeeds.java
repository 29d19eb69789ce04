package org.polyphony.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Atom feeds (RFC 4287) of the latest visible posts of a session or a thread, so that people can follow a
 * discussion in any feed reader, without an account and without giving anyone their address.
 */
@Component
class AtomFeeds {

    static final int ENTRIES = 50;

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    AtomFeeds(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    String session(long sessionId, String title, String selfUrl, String pageUrl) {
        return feed(title, selfUrl, pageUrl, entries("t.session_id = :id", sessionId));
    }

    String thread(ThreadId thread, String title, String selfUrl, String pageUrl) {
        return feed(title, selfUrl, pageUrl, entries("t.id = :id", thread.value()));
    }

    private List<Entry> entries(String where, long id) {
        var rows = jdbc.sql(
                        """
                        SELECT p.id, p.thread_id, p.position, p.author_id, p.body_html, p.created_at,
                               coalesce(p.edited_at, p.created_at) AS updated, t.title
                          FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                         WHERE %s AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND NOT t.hidden
                         ORDER BY p.created_at DESC, p.id DESC
                         LIMIT :limit
                        """
                                .formatted(where))
                .param("id", id)
                .param("limit", ENTRIES)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getLong("thread_id"),
                        rs.getInt("position"),
                        (Long) rs.getObject("author_id"),
                        rs.getString("body_html"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated").toInstant(),
                        rs.getString("title"),
                        null))
                .list();
        Map<AccountId, String> names = accounts.displayNames(rows.stream()
                .map(Entry::authorId)
                .filter(a -> a != null)
                .map(AccountId::new)
                .collect(Collectors.toSet()));
        return rows.stream()
                .map(e -> e.named(e.authorId() == null ? null : names.get(new AccountId(e.authorId()))))
                .toList();
    }

    private static String feed(String title, String selfUrl, String pageUrl, List<Entry> entries) {
        Instant updated =
                entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>")
                .append(escape(title))
                .append("</title>\n")
                .append("  <id>")
                .append(escape(selfUrl))
                .append("</id>\n")
                .append("  <link rel=\"self\" href=\"")
                .append(escape(selfUrl))
                .append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(escape(pageUrl))
                .append("\"/>\n")
                .append("  <updated>")
                .append(updated)
                .append("</updated>\n")
                .append("  <generator>Polyphony</generator>\n");
        String base = pageUrl.replaceFirst("^(https?://[^/]+).*$", "$1");
        for (Entry entry : entries) {
            String link = base + "/posts/" + entry.id();
            xml.append("  <entry>\n")
                    .append("    <title>")
                    .append(escape(entry.threadTitle() + " #" + entry.position()))
                    .append("</title>\n")
                    .append("    <id>")
                    .append(escape(link))
                    .append("</id>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(escape(link))
                    .append("\"/>\n")
                    .append("    <published>")
                    .append(entry.created())
                    .append("</published>\n")
                    .append("    <updated>")
                    .append(entry.updated())
                    .append("</updated>\n")
                    .append("    <author><name>")
                    .append(escape(entry.author() == null ? "—" : entry.author()))
                    .append("</name></author>\n")
                    .append("    <content type=\"html\">")
                    .append(escape(entry.html()))
                    .append("</content>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }

    private record Entry(
            long id,
            long threadId,
            int position,
            Long authorId,
            String html,
            Instant created,
            Instant updated,
            String threadTitle,
            String author) {

        Entry named(String name) {
            return new Entry(id, threadId, position, authorId, html, created, updated, threadTitle, name);
        }
    }
}
