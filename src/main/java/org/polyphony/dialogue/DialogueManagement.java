package org.polyphony.dialogue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.DialogueRepository.Cursor;
import org.polyphony.dialogue.DialogueRepository.PostRow;
import org.polyphony.dialogue.DialogueRepository.ThreadRow;
import org.polyphony.dialogue.DialogueViews.PostView;
import org.polyphony.dialogue.DialogueViews.Revision;
import org.polyphony.dialogue.DialogueViews.ThreadList;
import org.polyphony.dialogue.DialogueViews.ThreadPage;
import org.polyphony.dialogue.DialogueViews.ThreadSummary;
import org.polyphony.web.MarkdownRenderer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The dialogue module's entry point: threads and posts, replies, edits with history, soft deletion, reactions.
 * Only authors change their posts. A repeated submission of the same form (same key) returns the post it made.
 */
@Service
public class DialogueManagement {

    static final int POSTS_PER_PAGE = 20;
    static final int THREADS_PER_PAGE = 20;

    private final DialogueRepository dialogue;
    private final MarkdownRenderer markdown;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final org.polyphony.forums.ForumManagement forums;
    private final ContributionLanguages languages;
    private final org.polyphony.translation.Translations translations;

    DialogueManagement(
            DialogueRepository dialogue,
            MarkdownRenderer markdown,
            AccountDirectory accounts,
            ApplicationEventPublisher events,
            org.polyphony.forums.ForumManagement forums,
            ContributionLanguages languages,
            org.polyphony.translation.Translations translations) {
        this.translations = translations;
        this.languages = languages;
        this.forums = forums;
        this.dialogue = dialogue;
        this.markdown = markdown;
        this.accounts = accounts;
        this.events = events;
    }

    public ThreadList threads(long sessionId, ThreadSort sort, String after) {
        return threads(sessionId, sort, after, Optional.empty());
    }

    public ThreadList threads(long sessionId, ThreadSort sort, String after, Optional<AccountId> reader) {
        List<ThreadRow> rows = dialogue.threads(
                sessionId,
                sort,
                Cursor.parse(after),
                THREADS_PER_PAGE + 1,
                reader.map(AccountId::value).orElse(-1L));
        boolean more = rows.size() > THREADS_PER_PAGE;
        List<ThreadRow> shown = more ? rows.subList(0, THREADS_PER_PAGE) : rows;
        Map<AccountId, String> names = names(shown.stream().map(ThreadRow::authorId));
        List<ThreadSummary> threads = shown.stream()
                .map(t -> new ThreadSummary(
                        new ThreadId(t.id()),
                        t.title(),
                        nameOf(names, t.authorId()),
                        t.createdAt(),
                        t.lastActivityAt(),
                        t.replyCount(),
                        t.language()))
                .toList();
        return new ThreadList(threads, more ? shown.getLast().cursor(sort).toString() : null);
    }

    /** A just-published post, as the notifications module needs it. */
    public record PublishedPost(
            PostId post,
            ThreadId thread,
            long sessionId,
            String threadTitle,
            int position,
            Long authorId,
            Long parentAuthorId,
            boolean answersAPost,
            String body) {

        /** A reply to a post that quotes it (a quotation line); a quote of outside text in a reply to the thread is not. */
        public boolean quotes() {
            return answersAPost && parentAuthorId != null && body.lines().anyMatch(line -> line.startsWith(">"));
        }
    }

    /** Read by the notifications while the thread is still locked by the reply: one query. */
    public Optional<PublishedPost> published(PostId post) {
        return dialogue.published(post).map(row -> {
            // a reply to a post answers its author (nobody, if that account is gone); a reply to the
            // thread answers the thread's author
            Long answered =
                    row.parentId() != null ? row.parentAuthorId() : row.position() == 1 ? null : row.threadAuthorId();
            return new PublishedPost(
                    post,
                    new ThreadId(row.threadId()),
                    row.sessionId(),
                    row.threadTitle(),
                    row.position(),
                    row.authorId(),
                    answered,
                    row.parentId() != null,
                    row.body());
        });
    }

    /** A visible post written since some moment, for digests. */
    public record RecentPost(
            ThreadId thread,
            String threadTitle,
            int position,
            String author,
            String excerpt,
            java.time.Instant publishedAt,
            String translatedFrom) {}

    /** The most posts one digest lists; a digest that is full continues, from its last post, in the next one. */
    public static final int DIGEST_LIMIT = 50;

    /** Visible posts since {@code since} in the given threads or sessions, oldest first, at most 50. */
    public List<RecentPost> since(
            java.util.Collection<Long> threads,
            java.util.Collection<Long> sessions,
            java.time.Instant since,
            AccountId reader,
            String readerLanguage) {
        // only what the public may read: editions set back to preparation drop out of digests too
        java.util.Set<Long> visibleSessions = forums.editions(false).stream()
                .flatMap(e -> e.roundtables().stream())
                .flatMap(r -> r.sessions().stream())
                .map(s -> s.id().value())
                .collect(java.util.stream.Collectors.toSet());
        var rows = dialogue.recent(threads, sessions, since, reader.value(), DIGEST_LIMIT).stream()
                .filter(r -> visibleSessions.contains(r.sessionId()))
                .toList();
        Map<AccountId, String> names = names(rows.stream().map(DialogueRepository.RecentRow::authorId));
        // excerpts in the reader's language where a translation is ready, saying from which language
        List<String> reads = accounts.readingLanguages(reader);
        var shown = translations.shown(
                ContributionLanguages.POST,
                rows.stream().map(DialogueRepository.RecentRow::postId).toList(),
                reads.isEmpty() ? List.of(readerLanguage) : reads);
        return rows.stream()
                .map(r -> {
                    var translated =
                            shown.get(new org.polyphony.translation.TextRef(ContributionLanguages.POST, r.postId()));
                    boolean useTranslation = translated != null && translated.translated();
                    return new RecentPost(
                            new ThreadId(r.threadId()),
                            r.title(),
                            r.position(),
                            nameOf(names, r.authorId()),
                            excerpt(useTranslation ? translated.text() : r.body()),
                            r.publishedAt(),
                            useTranslation ? translated.originalLanguage() : null);
                })
                .toList();
    }

    /** A visible post by one of the accounts asked about, for other modules' feeds. */
    public record AuthoredPost(
            PostId post,
            AccountId author,
            String threadTitle,
            String excerpt,
            String url,
            java.time.Instant publishedAt,
            String translatedFrom) {}

    /**
     * The most recent posts of these authors published before {@code before}, newest first, at most {@code limit}:
     * only what anyone may read (never hidden, deleted or waiting posts, nor posts of editions not public); excerpts
     * in the first of the reader's languages that has a translation ready.
     */
    public List<AuthoredPost> recentBy(
            java.util.Collection<AccountId> authors,
            java.time.Instant before,
            int limit,
            List<String> readerLanguages) {
        if (authors.isEmpty() || limit <= 0) {
            return List.of();
        }
        java.util.Set<Long> visibleSessions = forums.editions(false).stream()
                .flatMap(e -> e.roundtables().stream())
                .flatMap(r -> r.sessions().stream())
                .map(s -> s.id().value())
                .collect(java.util.stream.Collectors.toSet());
        var rows = dialogue.recentBy(authors.stream().map(AccountId::value).toList(), visibleSessions, before, limit);
        var shown = translations.shown(
                ContributionLanguages.POST,
                rows.stream().map(DialogueRepository.RecentRow::postId).toList(),
                readerLanguages,
                false);
        return rows.stream()
                .map(r -> {
                    var translated =
                            shown.get(new org.polyphony.translation.TextRef(ContributionLanguages.POST, r.postId()));
                    boolean useTranslation = translated != null && translated.translated();
                    return new AuthoredPost(
                            new PostId(r.postId()),
                            new AccountId(r.authorId()),
                            r.title(),
                            excerpt(useTranslation ? translated.text() : r.body()),
                            new PostRef(r.postId(), r.threadId(), r.position()).url(),
                            r.publishedAt(),
                            useTranslation ? translated.originalLanguage() : null);
                })
                .toList();
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("(?m)^>.*$", "").replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }

    public Optional<Long> sessionOf(ThreadId thread) {
        return dialogue.thread(thread).map(ThreadRow::sessionId);
    }

    /** Starts a thread; empty when the form has errors. */
    @Transactional
    Optional<PostRef> startThread(long sessionId, AccountId author, ThreadForm form, Errors errors) {
        return startThread(sessionId, author, form, errors, false);
    }

    /**
     * Starts a thread; empty when the form has errors. With {@code awaiting}, the thread and its opening post wait
     * for a moderator's approval (pre-moderated session) and nobody else sees them until then.
     */
    @Transactional
    Optional<PostRef> startThread(long sessionId, AccountId author, ThreadForm form, Errors errors, boolean awaiting) {
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Optional<PostRef> repeated = alreadyPosted(author, form.idempotencyKey());
        if (repeated.isPresent()) {
            return repeated;
        }
        String title = form.title().strip();
        ContributionLanguages.Written titleWritten = languages.writtenTitle(sessionId, title, form.body(), author);
        ThreadId thread = dialogue.insertThread(
                sessionId,
                title,
                author.value(),
                awaiting,
                titleWritten.language().tag(),
                titleWritten.language().confidence());
        languages.newTitle(thread.value(), titleWritten, !awaiting);
        return Optional.of(
                publish(thread, sessionId, null, author, form.body(), form.idempotencyKey(), awaiting, false));
    }

    /** Replies in a thread, to the thread or to one of its posts; empty when the form has errors. */
    @Transactional
    Optional<PostRef> reply(ThreadId thread, AccountId author, PostForm form, Errors errors) {
        return reply(thread, author, form, errors, false);
    }

    /** Replies in a thread; with {@code awaiting}, the reply waits for a moderator's approval. */
    @Transactional
    Optional<PostRef> reply(ThreadId thread, AccountId author, PostForm form, Errors errors, boolean awaiting) {
        ThreadRow row = dialogue.thread(thread).orElseThrow();
        if (form.parentId() != null
                && dialogue.post(new PostId(form.parentId()))
                        .filter(p -> p.threadId() == thread.value())
                        .isEmpty()) {
            errors.reject("post.parent.invalid");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Optional<PostRef> repeated = alreadyPosted(author, form.idempotencyKey());
        if (repeated.isPresent()) {
            return repeated;
        }
        return Optional.of(publish(
                thread, row.sessionId(), form.parentId(), author, form.body(), form.idempotencyKey(), awaiting, true));
    }

    /** The post a form with this key already made, if any: for a double click or a retried request. */
    Optional<PostRef> alreadyPosted(AccountId author, UUID key) {
        return key == null
                ? Optional.empty()
                : dialogue.postByKey(author.value(), key).map(PostRef::of);
    }

    /**
     * Stores a post and announces it. Replies to one thread wait for each other on the thread's row lock (it gives
     * positions) until the transaction commits, so all that does not need the lock comes before it: the Markdown,
     * the language, the glossary, the post's id and its translation source and jobs. Under the lock: the position
     * (a visible reply counted in the same write), one insert of the post, the notifications. All in one
     * transaction: an acknowledged post is stored with everything that refers to it.
     */
    private PostRef publish(
            ThreadId thread,
            long sessionId,
            Long parent,
            AccountId author,
            String body,
            UUID key,
            boolean awaiting,
            boolean reply) {
        String html = markdown.render(body);
        ContributionLanguages.Written written = languages.writtenPost(sessionId, thread.value(), body, author);
        PostId post = dialogue.newPostId();
        languages.newPost(post.value(), written, !awaiting);
        int position = dialogue.nextPosition(thread, reply && !awaiting);
        dialogue.insertPost(
                post,
                thread,
                position,
                parent,
                author.value(),
                body,
                html,
                key,
                awaiting,
                written.language().tag(),
                written.language().confidence());
        if (!awaiting) {
            // a waiting post is announced (notifications, live readers) only once approved
            events.publishEvent(new PostPublished(post, thread, sessionId));
        }
        return new PostRef(post.value(), thread.value(), position);
    }

    /** A moderator approves a waiting post: it (and its thread) becomes visible and is announced. */
    @Transactional
    void approve(PostId post) {
        PostRow row = dialogue.post(post)
                .filter(p -> p.awaiting() && p.deletedAt() == null)
                .orElseThrow(NotFound::new);
        ThreadRow thread = dialogue.thread(new ThreadId(row.threadId())).orElseThrow();
        dialogue.approve(post, row.position() == 1);
        // what waited for approval was not handed to translation: nobody was to read it yet
        languages.postApproved(row.id(), thread.sessionId(), row.body(), row.language());
        if (row.position() == 1) {
            languages.titleApproved(thread.id(), thread.sessionId(), thread.title(), thread.language());
        }
        dialogue.recountReplies(new ThreadId(row.threadId()));
        events.publishEvent(new PostPublished(post, new ThreadId(row.threadId()), thread.sessionId()));
    }

    public Optional<ThreadPage> page(ThreadId id, int page, Optional<AccountId> reader) {
        return page(id, page, reader, false);
    }

    /** A page of a thread; moderators also see the text of hidden posts, marked as hidden. */
    public Optional<ThreadPage> page(ThreadId id, int page, Optional<AccountId> reader, boolean moderator) {
        return dialogue.thread(id)
                .filter(thread -> !(thread.awaiting() || thread.hidden())
                        || moderator
                        || reader.map(r -> thread.authorId() != null && r.value() == thread.authorId())
                                .orElse(false))
                .map(thread -> {
                    int pages = Math.max(1, (thread.postsWritten() + POSTS_PER_PAGE - 1) / POSTS_PER_PAGE);
                    int shown = Math.min(Math.max(page, 1), pages);
                    List<PostRow> rows = dialogue.posts(id, (shown - 1) * POSTS_PER_PAGE + 1, shown * POSTS_PER_PAGE);
                    return new ThreadPage(
                            id,
                            thread.sessionId(),
                            thread.title(),
                            thread.replyCount(),
                            views(rows, reader, moderator),
                            shown,
                            pages,
                            thread.language());
                });
    }

    /** Whether the reader started a thread in the session that others cannot see yet (awaiting approval, hidden). */
    boolean hasUnpublishedThread(long sessionId, AccountId reader) {
        return dialogue.hasUnpublishedThread(sessionId, reader.value());
    }

    /** The reader's own posts and reactions on a page of a thread (a page as {@link #page} numbers them). */
    DialogueRepository.ReaderMarks readerMarks(ThreadId thread, int page, AccountId reader) {
        return dialogue.readerMarks(
                thread.value(), (page - 1) * POSTS_PER_PAGE + 1, page * POSTS_PER_PAGE, reader.value());
    }

    /** One post as a reader sees it in its thread (for live updates). */
    Optional<PostView> view(PostId post, Optional<AccountId> reader, boolean moderator) {
        return dialogue.post(post)
                .map(row -> views(List.of(row), reader, moderator).getFirst());
    }

    /** Ids of a thread's posts written after {@code afterPostId}, for a reader who reconnects. */
    List<Long> postsAfter(ThreadId thread, long afterPostId) {
        return dialogue.postIdsAfter(thread, afterPostId);
    }

    Optional<PostRef> find(PostId post) {
        return dialogue.post(post).map(PostRef::of);
    }

    /** A visible post's Markdown, for quoting in a reply; null for a deleted post. */
    String quotableBody(PostId post) {
        return dialogue.post(post)
                .filter(p -> p.deletedAt() == null && p.hiddenAt() == null)
                .map(PostRow::body)
                .orElse(null);
    }

    /** The post's text as its author wrote it, for editing; only for the author. */
    String editableBody(PostId post, AccountId editor) {
        return ownLivePost(post, editor).body();
    }

    @Transactional
    Optional<PostRef> edit(PostId post, AccountId editor, EditForm form, Errors errors) {
        return edit(post, editor, form, errors, false);
    }

    /** Edits a post; with {@code awaiting} (pre-moderated session) the new text waits for approval again. */
    @Transactional
    Optional<PostRef> edit(PostId post, AccountId editor, EditForm form, Errors errors, boolean awaiting) {
        PostRow row = ownLivePost(post, editor);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        if (!row.body().equals(form.body())) {
            dialogue.replaceBody(row, form.body(), markdown.render(form.body()));
            long sessionId =
                    dialogue.thread(new ThreadId(row.threadId())).orElseThrow().sessionId();
            languages.postWritten(
                    row.id(), row.threadId(), sessionId, form.body(), editor, !(awaiting || row.awaiting()));
            if (awaiting && !row.awaiting()) {
                dialogue.awaitApprovalAgain(post);
                dialogue.recountReplies(new ThreadId(row.threadId()));
            }
            events.publishEvent(new PostEdited(post, new ThreadId(row.threadId())));
        }
        return Optional.of(PostRef.of(row));
    }

    /** The language the author says their post is in; translations are made again from it. */
    @Transactional
    PostRef chooseLanguage(PostId post, AccountId author, String language) {
        PostRow row = ownLivePost(post, author);
        if (!writableEdition(row.threadId())) {
            throw new AccessDeniedException("the edition is archived or not public");
        }
        long sessionId =
                dialogue.thread(new ThreadId(row.threadId())).orElseThrow().sessionId();
        languages.postLanguageChosen(row.id(), sessionId, row.body(), language);
        return PostRef.of(row);
    }

    String languageOf(PostId post, AccountId author) {
        return ownLivePost(post, author).language();
    }

    /** A post everyone may read: its Markdown and language, for people who correct its translation. */
    Optional<PostRow> readable(PostId post) {
        return dialogue.post(post)
                .filter(p -> p.deletedAt() == null && p.hiddenAt() == null && !p.awaiting())
                .filter(p -> writableEdition(p.threadId()));
    }

    /** A thread everyone may read whose title may be translated by people: as {@link #readable(PostId)}. */
    Optional<DialogueRepository.ThreadRow> readableThread(ThreadId thread) {
        return dialogue.thread(thread).filter(t -> !t.awaiting() && !t.hidden()).filter(t -> writableEdition(t.id()));
    }

    /** Corrections and language choices are changes: only in editions the public reads that are not archived. */
    private boolean writableEdition(long threadId) {
        return dialogue.thread(new ThreadId(threadId))
                .flatMap(thread ->
                        forums.editionOfSession(new org.polyphony.forums.ForumSessionId(thread.sessionId()), false))
                .filter(edition -> !edition.archived())
                .isPresent();
    }

    @Transactional
    PostRef delete(PostId post, AccountId author) {
        PostRow row = ownLivePost(post, author);
        dialogue.softDelete(post);
        dialogue.recountReplies(new ThreadId(row.threadId()));
        languages.postGone(row.id());
        return PostRef.of(row);
    }

    @Transactional
    PostRef react(PostId post, AccountId reader, ReactionKind kind) {
        PostRow row = dialogue.post(post).filter(p -> p.deletedAt() == null).orElseThrow(NotFound::new);
        dialogue.toggleReaction(post, reader.value(), kind);
        return PostRef.of(row);
    }

    /** A post's earlier versions: public for visible posts; a hidden one's only for moderators and its author. */
    List<Revision> revisions(PostId post, Optional<AccountId> reader, boolean moderator) {
        PostRow row = dialogue.post(post).filter(p -> p.deletedAt() == null).orElseThrow(NotFound::new);
        boolean own = reader.map(r -> row.authorId() != null && r.value() == row.authorId())
                .orElse(false);
        if (row.hiddenAt() != null && !moderator && !own) {
            throw new NotFound();
        }
        return dialogue.revisions(post);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        dialogue.forgetAuthor(deleted.account().value());
    }

    private PostRow ownLivePost(PostId post, AccountId person) {
        PostRow row = dialogue.post(post).filter(p -> p.deletedAt() == null).orElseThrow(NotFound::new);
        if (row.authorId() == null || row.authorId() != person.value()) {
            throw new AccessDeniedException("only the author changes a post");
        }
        return row;
    }

    private List<PostView> views(List<PostRow> rows, Optional<AccountId> reader, boolean moderator) {
        Set<Long> ids = rows.stream().map(PostRow::id).collect(Collectors.toSet());
        Set<Long> parentIds =
                rows.stream().map(PostRow::parentId).filter(p -> p != null).collect(Collectors.toSet());
        Map<Long, PostRow> parents = dialogue.postsById(parentIds);
        Set<Long> authorIds = new HashSet<>();
        rows.forEach(r -> authorIds.add(r.authorId()));
        parents.values().forEach(p -> authorIds.add(p.authorId()));
        Map<AccountId, String> names = names(authorIds.stream());
        var counts = dialogue.reactionCounts(ids);
        var mine = reader.map(r -> dialogue.reactionsBy(r.value(), ids)).orElse(Map.of());
        Set<Long> underReview = dialogue.underReview(
                rows.stream().filter(r -> r.hiddenAt() != null).map(PostRow::id).toList());
        return rows.stream()
                .filter(r -> !r.awaiting()
                        || moderator
                        || reader.map(a -> r.authorId() != null && a.value() == r.authorId())
                                .orElse(false))
                .map(r -> {
                    PostRow parent = r.parentId() == null ? null : parents.get(r.parentId());
                    boolean deleted = r.deletedAt() != null;
                    boolean hidden = !deleted && r.hiddenAt() != null;
                    boolean own = reader.map(a -> r.authorId() != null && a.value() == r.authorId())
                            .orElse(false);
                    return new PostView(
                            new PostId(r.id()),
                            r.position(),
                            r.depth(),
                            deleted ? null : nameOf(names, r.authorId()),
                            parent == null ? null : parent.position(),
                            parent == null || parent.deletedAt() != null ? null : nameOf(names, parent.authorId()),
                            deleted || (hidden && !moderator && !(r.awaiting() && own)) ? "" : r.html(),
                            r.createdAt(),
                            r.editedAt() != null,
                            deleted,
                            hidden,
                            r.awaiting(),
                            counts.getOrDefault(r.id(), Map.of()),
                            mine.getOrDefault(r.id(), Set.of()),
                            !deleted
                                    && reader.map(a -> r.authorId() != null && a.value() == r.authorId())
                                            .orElse(false),
                            r.language(),
                            r.language(),
                            null,
                            null,
                            hidden && !underReview.contains(r.id()));
                })
                .toList();
    }

    private Map<AccountId, String> names(java.util.stream.Stream<Long> ids) {
        return accounts.displayNames(
                ids.filter(id -> id != null).map(AccountId::new).collect(Collectors.toSet()));
    }

    private static String nameOf(Map<AccountId, String> names, Long id) {
        return id == null ? null : names.get(new AccountId(id));
    }

    /** Where a post is: its thread and its position, hence its page. */
    record PostRef(long postId, long threadId, int position) {

        static PostRef of(PostRow row) {
            return new PostRef(row.id(), row.threadId(), row.position());
        }

        String url() {
            return url(null);
        }

        /** The post's address, with a flag parameter (e.g. "flagged") that the page turns into a notice. */
        String url(String notice) {
            int page = (position - 1) / POSTS_PER_PAGE + 1;
            String query =
                    (notice == null ? "" : notice) + (page > 1 ? (notice == null ? "" : "&") + "page=" + page : "");
            return "/threads/" + threadId + (query.isEmpty() ? "" : "?" + query) + "#post-" + position;
        }
    }

    /** A post or thread that does not exist (or no longer does). */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
