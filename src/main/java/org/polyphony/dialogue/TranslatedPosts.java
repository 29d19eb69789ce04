package org.polyphony.dialogue;

import java.util.List;
import java.util.Map;
import org.polyphony.dialogue.DialogueViews.PostView;
import org.polyphony.dialogue.DialogueViews.ThreadList;
import org.polyphony.dialogue.DialogueViews.ThreadPage;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.polyphony.web.MarkdownRenderer;
import org.springframework.stereotype.Component;

/** Puts posts in the reader's language: a translation where one is ready, the original with a word why otherwise. */
@Component
class TranslatedPosts {

    // characters of Markdown whose rendering is kept: a few megabytes per node
    private static final long RENDERED_KEPT_CHARS = 4_000_000;

    private final Translations translations;
    private final MarkdownRenderer markdown;
    // translations change only when redone, and many readers read the same ones: rendering each once is enough
    private final Map<String, String> renderedTranslations = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong renderedChars = new java.util.concurrent.atomic.AtomicLong();

    TranslatedPosts(Translations translations, MarkdownRenderer markdown) {
        this.translations = translations;
        this.markdown = markdown;
    }

    /** A thread page with its title and posts in the reader's language. */
    ThreadPage inReadersLanguage(ThreadPage thread, Reading reading) {
        ThreadPage posts = thread.withPosts(inReadersLanguage(thread.posts(), reading));
        Shown title =
                titles(List.of(thread.id().value()), reading).get(thread.id().value());
        return title == null ? posts : posts.titled(title.text(), title.language());
    }

    /** A list of threads with their titles in the reader's language where a translation is ready. */
    ThreadList inReadersLanguage(ThreadList list, Reading reading) {
        Map<Long, Shown> titles =
                titles(list.threads().stream().map(t -> t.id().value()).toList(), reading);
        return new ThreadList(
                list.threads().stream()
                        .map(t -> {
                            Shown title = titles.get(t.id().value());
                            return title == null ? t : t.titled(title.text(), title.language());
                        })
                        .toList(),
                list.nextCursor());
    }

    /** The titles that have a translation to show, by thread id. */
    private Map<Long, Shown> titles(List<Long> threadIds, Reading reading) {
        if (!reading.translate() || reading.languages().isEmpty() || threadIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Shown> ready = new java.util.HashMap<>();
        translations
                .shown(ContributionLanguages.TITLE, threadIds, reading.languages(), reading.askForMissing())
                .forEach((ref, shown) -> {
                    if (shown.translated()) {
                        ready.put(ref.id(), shown);
                    }
                });
        return ready;
    }

    private String rendered(String markdownText) {
        String html = renderedTranslations.get(markdownText);
        if (html == null) {
            html = markdown.render(markdownText);
            if (renderedChars.addAndGet(markdownText.length() + html.length()) > RENDERED_KEPT_CHARS) {
                renderedTranslations.clear();
                renderedChars.set(0);
            }
            renderedTranslations.put(markdownText, html);
        }
        return html;
    }

    List<PostView> inReadersLanguage(List<PostView> posts, Reading reading) {
        if (!reading.translate() || reading.languages().isEmpty()) {
            return posts;
        }
        List<Long> readable = posts.stream()
                .filter(p -> !p.deleted() && !p.html().isEmpty())
                .map(p -> p.id().value())
                .toList();
        Map<TextRef, Shown> shown =
                translations.shown(ContributionLanguages.POST, readable, reading.languages(), reading.askForMissing());
        return posts.stream()
                .map(post -> {
                    Shown one = shown.get(
                            new TextRef(ContributionLanguages.POST, post.id().value()));
                    if (one == null || one.state() == Shown.State.ORIGINAL) {
                        return post;
                    }
                    if (!one.translated() || Long.valueOf(post.id().value()).equals(reading.originalOf())) {
                        // the original, with a word on its translation: on its way, not available, or set aside
                        return post.shown(one, post.originalLang(), post.html(), null);
                    }
                    return post.shown(
                            one, one.language(), rendered(one.text()), reading.sideBySide() ? post.html() : null);
                })
                .toList();
    }
}
