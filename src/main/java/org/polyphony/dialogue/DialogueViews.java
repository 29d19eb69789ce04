package org.polyphony.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What pages and the API show of the dialogue. Author names are display names; a deleted account has none. */
public final class DialogueViews {

    private DialogueViews() {}

    /** A thread in a session's list. */
    public record ThreadSummary(
            ThreadId id,
            String title,
            String author,
            Instant createdAt,
            Instant lastActivityAt,
            int replyCount,
            String titleLang) {

        ThreadSummary titled(String shownTitle, String lang) {
            return new ThreadSummary(id, shownTitle, author, createdAt, lastActivityAt, replyCount, lang);
        }
    }

    /** One page of a session's threads, and the cursor of the next page, if any. */
    public record ThreadList(List<ThreadSummary> threads, String nextCursor) {}

    /** A thread with one page of its posts. */
    public record ThreadPage(
            ThreadId id,
            long sessionId,
            String title,
            int replyCount,
            List<PostView> posts,
            int page,
            int pages,
            String titleLang) {

        ThreadPage withPosts(List<PostView> shown) {
            return new ThreadPage(id, sessionId, title, replyCount, shown, page, pages, titleLang);
        }

        ThreadPage titled(String shownTitle, String lang) {
            return new ThreadPage(id, sessionId, shownTitle, replyCount, posts, page, pages, lang);
        }
    }

    /** A post as a reader sees it. */
    public record PostView(
            PostId id,
            int position,
            int depth,
            String author,
            Integer parentPosition,
            String parentAuthor,
            String html,
            Instant createdAt,
            boolean edited,
            boolean deleted,
            boolean hidden,
            boolean awaiting,
            Map<ReactionKind, Integer> reactions,
            Set<ReactionKind> mine,
            boolean byReader,
            String lang,
            String originalLang,
            org.polyphony.translation.Shown translation,
            String originalHtml,
            boolean hiddenByDecision) {

        /** The same post shown in a translation (or with a word on why it is not). */
        PostView shown(
                org.polyphony.translation.Shown shown, String shownLang, String shownHtml, String sideBySideOriginal) {
            return new PostView(
                    id,
                    position,
                    depth,
                    author,
                    parentPosition,
                    parentAuthor,
                    shownHtml,
                    createdAt,
                    edited,
                    deleted,
                    hidden,
                    awaiting,
                    reactions,
                    mine,
                    byReader,
                    shownLang,
                    originalLang,
                    shown,
                    sideBySideOriginal,
                    hiddenByDecision);
        }

        /** The post as one reader sees it: with their own reactions, and whether they wrote it. */
        PostView forReader(Set<ReactionKind> readersReactions, boolean writtenByReader) {
            return new PostView(
                    id,
                    position,
                    depth,
                    author,
                    parentPosition,
                    parentAuthor,
                    html,
                    createdAt,
                    edited,
                    deleted,
                    hidden,
                    awaiting,
                    reactions,
                    readersReactions,
                    writtenByReader && !deleted,
                    lang,
                    originalLang,
                    translation,
                    originalHtml,
                    hiddenByDecision);
        }

        /** The post without its text, for what a page keeps beside its rendered copy. */
        PostView withoutText() {
            return shown(translation, lang, "", null);
        }

        /** True when a translation is shown rather than what the author wrote. */
        public boolean showsTranslation() {
            return translation != null && translation.translated() && lang.equals(translation.language());
        }

        /** The indentation shown: replies nest three levels deep; deeper ones rely on their "in reply to" link. */
        public int indent() {
            return Math.min(depth, 3);
        }

        public int count(ReactionKind kind) {
            return reactions.getOrDefault(kind, 0);
        }

        public boolean reacted(ReactionKind kind) {
            return mine.contains(kind);
        }
    }

    /** An earlier version of an edited post. */
    public record Revision(String html, Instant writtenAt) {}
}
