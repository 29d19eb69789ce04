package org.polyphony.dialogue;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.accounts.Role;
import org.polyphony.dialogue.DialogueManagement.NotFound;
import org.polyphony.dialogue.DialogueManagement.PostRef;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dialogue's pages: a session's threads, a thread, and the forms to start, reply, quote, edit, delete and react.
 * Every action is a plain form post followed by a redirect, so the back button and reloads never post twice.
 */
@Controller
class DialogueController {

    private final DialogueManagement dialogue;
    private final ForumManagement forums;
    private final AccountDirectory accounts;
    private final MessageSource messages;
    private final LiveThreads live;
    private final AtomFeeds feeds;
    private final DialogueStats stats;
    private final PostingAllowance allowance;
    private final SharedThreadPages sharedPages;
    private final ParticipantPages participantPages;
    private final TranslatedPosts translatedPosts;
    private final ReadingPreferences reading;
    private final org.springframework.beans.factory.ObjectProvider<PostingRule> postingRules;
    private final org.springframework.beans.factory.ObjectProvider<PostActions> postActions;
    private final org.springframework.beans.factory.ObjectProvider<PostLinkCards> linkCards;

    DialogueController(
            DialogueManagement dialogue,
            ForumManagement forums,
            AccountDirectory accounts,
            MessageSource messages,
            LiveThreads live,
            AtomFeeds feeds,
            DialogueStats stats,
            PostingAllowance allowance,
            TranslatedPosts translatedPosts,
            ReadingPreferences reading,
            SharedThreadPages sharedPages,
            ParticipantPages participantPages,
            org.springframework.beans.factory.ObjectProvider<PostingRule> postingRules,
            org.springframework.beans.factory.ObjectProvider<PostActions> postActions,
            org.springframework.beans.factory.ObjectProvider<PostLinkCards> linkCards) {
        this.postingRules = postingRules;
        this.postActions = postActions;
        this.linkCards = linkCards;
        this.sharedPages = sharedPages;
        this.participantPages = participantPages;
        this.translatedPosts = translatedPosts;
        this.reading = reading;
        this.allowance = allowance;
        this.stats = stats;
        this.feeds = feeds;
        this.live = live;
        this.dialogue = dialogue;
        this.forums = forums;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/editions/{slug}/sessions/{code}/threads")
    String threads(
            @PathVariable String slug,
            @PathVariable String code,
            @RequestParam(name = "sort", defaultValue = "latest") String sort,
            @RequestParam(name = "after", required = false) String after,
            Model model,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response) {
        ThreadSort order = ThreadSort.of(sort);
        Optional<AccountId> reader = accounts.signedIn();
        if (reader.isEmpty()) {
            // the same list for every reader signed out: sent from a shared copy
            long sessionId = session(slug, code).session().id().value();
            sharedPages.sendList(
                    sessionId,
                    () -> {
                        threadsPage(model, slug, code, order, after, ThreadForm.blank(), FormErrors.none());
                        return model.asMap();
                    },
                    request,
                    response);
            return null;
        }
        if (!accounts.signedInAs(Role.ORGANISER)
                && sentComposedList(slug, code, order, after, reader.get(), model, request, response)) {
            return null;
        }
        return threadsPage(model, slug, code, order, after, ThreadForm.blank(), FormErrors.none());
    }

    /** Sends a participant's list of a session's threads composed from the copy all participants share. */
    private boolean sentComposedList(
            String slug,
            String code,
            ThreadSort order,
            String after,
            AccountId reader,
            Model model,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response) {
        SessionInEdition place = session(slug, code);
        Reading reading = currentReading();
        org.polyphony.web.Page readersPage = (org.polyphony.web.Page) model.getAttribute("page");
        return participantPages.sendList(
                place.session().id().value(),
                "/editions/" + slug + "/sessions/" + code,
                reader,
                reading,
                readersPage,
                () -> {
                    Model copy = new org.springframework.ui.ExtendedModelMap();
                    copy.addAttribute("page", readersPage.forSharedCopy());
                    threadsPage(
                            copy,
                            place,
                            order,
                            after,
                            ThreadForm.blank(),
                            FormErrors.none(),
                            Optional.empty(),
                            true,
                            reading);
                    return copy.asMap();
                },
                request,
                response);
    }

    /** The organisers' view of how much dialogue a session has, and what waits for an answer. */
    @GetMapping("/editions/{slug}/sessions/{code}/dashboard")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ORGANISER')")
    String dashboard(@PathVariable String slug, @PathVariable String code, Model model) {
        SessionInEdition place = session(slug, code);
        long sessionId = place.session().id().value();
        model.addAttribute("edition", place.edition());
        model.addAttribute("session", place.session());
        model.addAttribute("stats", stats.dashboardOf(sessionId));
        model.addAttribute("waiting", stats.waitingForAnswer(sessionId));
        return "dialogue/dashboard";
    }

    @PostMapping("/editions/{slug}/sessions/{code}/threads")
    String startThread(
            @PathVariable String slug,
            @PathVariable String code,
            @Valid @ModelAttribute("form") ThreadForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId author = signedIn();
        SessionInEdition place = session(slug, code);
        place.requireOpen();
        Optional<PostRef> repeated = dialogue.alreadyPosted(author, form.idempotencyKey());
        if (repeated.isPresent()) {
            return "redirect:/threads/" + repeated.get().threadId();
        }
        refuseIfNotAllowed(author, result);
        Optional<PostRef> started;
        try {
            started = dialogue.startThread(place.session().id().value(), author, form, result, awaitsApproval(place));
        } catch (DuplicateKeyException sameFormSubmittedTwiceAtOnce) {
            started = dialogue.alreadyPosted(author, form.idempotencyKey());
        }
        if (started.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return threadsPage(
                    model, slug, code, ThreadSort.LATEST, null, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/threads/" + started.get().threadId() + (awaitsApproval(place) ? "?awaiting" : "");
    }

    @GetMapping("/threads/{id}")
    String thread(
            @PathVariable long id,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "replyTo", required = false) Long replyTo,
            @RequestParam(name = "quote", required = false) Long quote,
            @RequestParam(name = "flagged", required = false) String flagged,
            @RequestParam(name = "awaiting", required = false) String awaiting,
            Model model,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response) {
        PostForm form = PostForm.blank(replyTo != null ? replyTo : quote, quotation(quote));
        model.addAttribute(
                "notice", flagged != null ? "flag.thanks" : awaiting != null ? "dialogue.awaiting.notice" : null);
        if (accounts.signedIn().isEmpty() && replyTo == null && quote == null && flagged == null && awaiting == null) {
            // the same page for every reader signed out: sent from a shared copy; null means the response is written
            sharedPages.send(
                    id,
                    "dialogue/thread",
                    () -> {
                        threadPage(model, new ThreadId(id), page, form, FormErrors.none());
                        return model.asMap();
                    },
                    request,
                    response);
            return null;
        }
        Optional<AccountId> reader = accounts.signedIn();
        if (reader.isPresent()
                && !accounts.signedInAs(Role.MODERATOR)
                && replyTo == null
                && quote == null
                && flagged == null
                && awaiting == null
                && sentComposed(new ThreadId(id), page, reader.get(), model, request, response)) {
            return null;
        }
        return threadPage(model, new ThreadId(id), page, form, FormErrors.none());
    }

    /**
     * Sends a participant's thread page composed from the copy all participants share; false when it must be
     * rendered whole for them (a thread only its author may see yet, a post of theirs awaiting approval).
     */
    private boolean sentComposed(
            ThreadId id,
            int page,
            AccountId reader,
            Model model,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response) {
        Reading reading = currentReading();
        org.polyphony.web.Page readersPage = (org.polyphony.web.Page) model.getAttribute("page");
        try {
            return participantPages.sendThread(
                    id,
                    reader,
                    reading,
                    readersPage,
                    () -> postActions(id),
                    () -> {
                        Model copy = new org.springframework.ui.ExtendedModelMap();
                        copy.addAttribute("page", readersPage.forSharedCopy());
                        copy.addAttribute("notice", null);
                        threadPage(
                                copy,
                                id,
                                page,
                                PostForm.blank(null, ""),
                                FormErrors.none(),
                                Optional.empty(),
                                false,
                                true,
                                reading);
                        return copy.asMap();
                    },
                    request,
                    response);
        } catch (NotFound seenOnlyByItsAuthorYet) {
            return false;
        }
    }

    @PostMapping("/threads/{id}/posts")
    String reply(
            @PathVariable long id,
            @Valid @ModelAttribute("form") PostForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId author = signedIn();
        ThreadId thread = new ThreadId(id);
        SessionInEdition place = editionOf(thread);
        place.requireOpen();
        boolean awaiting = awaitsApproval(place);
        Optional<PostRef> repeated = dialogue.alreadyPosted(author, form.idempotencyKey());
        if (repeated.isPresent()) {
            return "redirect:" + repeated.get().url();
        }
        refuseIfNotAllowed(author, result);
        if (!result.hasErrors()) {
            // other modules' rules on these threads (a hub that asks for membership): the first refusal is shown
            postingRules
                    .orderedStream()
                    .flatMap(rule -> rule.refusal(thread, author).stream())
                    .findFirst()
                    .ifPresent(result::reject);
        }
        Optional<PostRef> posted;
        try {
            posted = dialogue.reply(thread, author, form, result, awaiting);
        } catch (DuplicateKeyException sameFormSubmittedTwiceAtOnce) {
            posted = dialogue.alreadyPosted(author, form.idempotencyKey());
        }
        if (posted.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return threadPage(model, thread, Integer.MAX_VALUE, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:" + posted.get().url(awaiting ? "awaiting" : null);
    }

    @GetMapping(value = "/editions/{slug}/sessions/{code}/feed.atom", produces = "application/atom+xml")
    @org.springframework.web.bind.annotation.ResponseBody
    String sessionFeed(
            @PathVariable String slug,
            @PathVariable String code,
            jakarta.servlet.http.HttpServletRequest request,
            Locale locale) {
        SessionInEdition place = session(slug, code);
        String base = baseUrl(request);
        String page = base + "/editions/" + slug + "/sessions/" + code + "/threads";
        String title = place.session().code() + " "
                + place.session().title().in(locale).text();
        return feeds.session(place.session().id().value(), title, page.replace("/threads", "/feed.atom"), page);
    }

    @GetMapping(value = "/threads/{id}/feed.atom", produces = "application/atom+xml")
    @org.springframework.web.bind.annotation.ResponseBody
    String threadFeed(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        ThreadId thread = new ThreadId(id);
        editionOf(thread);
        var page = dialogue.page(thread, 1, Optional.empty()).orElseThrow(NotFound::new);
        String base = baseUrl(request);
        return feeds.thread(thread, page.title(), base + "/threads/" + id + "/feed.atom", base + "/threads/" + id);
    }

    private static String baseUrl(jakarta.servlet.http.HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .build()
                .toUriString();
    }

    /** Server-sent events announcing new posts; a reconnecting reader first gets what it missed. */
    @GetMapping(value = "/threads/{id}/live", produces = "text/event-stream")
    SseEmitter live(
            @PathVariable long id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "after", required = false) String afterPostId)
            throws java.io.IOException {
        // the page says which post it ended with, so a post written while the page loaded is not missed
        if (lastEventId == null) {
            lastEventId = afterPostId;
        }
        ThreadId thread = new ThreadId(id);
        editionOf(thread);
        dialogue.page(thread, 1, accounts.signedIn(), accounts.signedInAs(Role.MODERATOR))
                .orElseThrow(NotFound::new);
        SseEmitter emitter = live.follow(thread);
        if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
            for (long missed : dialogue.postsAfter(thread, Long.parseLong(lastEventId))) {
                emitter.send(SseEmitter.event()
                        .name("post")
                        .id(String.valueOf(missed))
                        .data(missed));
            }
        }
        return emitter;
    }

    /** One post's HTML, as it appears in its thread, for the live-update script to insert. */
    @GetMapping("/posts/{id}/fragment")
    String fragment(@PathVariable long id, Model model) {
        PostId post = new PostId(id);
        PostRef ref = dialogue.find(post).orElseThrow(NotFound::new);
        SessionInEdition place = editionOf(new ThreadId(ref.threadId()));
        boolean moderator = accounts.signedInAs(Role.MODERATOR);
        var shown = dialogue.view(post, accounts.signedIn(), moderator).orElseThrow(NotFound::new);
        model.addAttribute(
                "post",
                translatedPosts
                        .inReadersLanguage(List.of(shown), currentReading())
                        .getFirst());
        model.addAttribute("reading", currentReading());
        model.addAttribute("threadId", ref.threadId());
        model.addAttribute(
                "canWrite", accounts.signedIn().isPresent() && !place.edition().archived());
        model.addAttribute("moderator", moderator);
        model.addAttribute("reactionKinds", java.util.List.of(ReactionKind.values()));
        model.addAttribute("postActions", postActions(new ThreadId(ref.threadId())));
        model.addAttribute("linkCards", linkCards(List.of(shown)).getOrDefault(post.value(), List.of()));
        return "dialogue/post";
    }

    @GetMapping("/posts/{id}")
    String post(@PathVariable long id) {
        return "redirect:"
                + dialogue.find(new PostId(id)).orElseThrow(NotFound::new).url();
    }

    @GetMapping("/posts/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        PostId post = new PostId(id);
        String body = dialogue.editableBody(post, signedIn());
        return editPage(model, post, new EditForm(body), FormErrors.none());
    }

    @PostMapping("/posts/{id}/edit")
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute("form") EditForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        PostId post = new PostId(id);
        PostRef ref = dialogue.find(post).orElseThrow(NotFound::new);
        editionOf(new ThreadId(ref.threadId())).requireOpen();
        AccountId editor = signedIn();
        if (allowance.mayWrite(editor) == PostingAllowance.Verdict.SUSPENDED && !result.hasErrors()) {
            result.reject(PostingAllowance.Verdict.SUSPENDED.messageKey());
        }
        SessionInEdition place = editionOf(new ThreadId(ref.threadId()));
        Optional<PostRef> edited = dialogue.edit(post, editor, form, result, awaitsApproval(place));
        if (edited.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editPage(model, post, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:" + edited.get().url();
    }

    @PostMapping("/posts/{id}/delete")
    String delete(@PathVariable long id) {
        PostId post = new PostId(id);
        PostRef ref = dialogue.find(post).orElseThrow(NotFound::new);
        editionOf(new ThreadId(ref.threadId())).requireOpen();
        return "redirect:" + dialogue.delete(post, signedIn()).url();
    }

    @PostMapping("/posts/{id}/reactions")
    String react(@PathVariable long id, @RequestParam("kind") ReactionKind kind) {
        PostId post = new PostId(id);
        PostRef ref = dialogue.find(post).orElseThrow(NotFound::new);
        editionOf(new ThreadId(ref.threadId())).requireOpen();
        return "redirect:" + dialogue.react(post, signedIn(), kind).url();
    }

    @GetMapping("/posts/{id}/history")
    String history(@PathVariable long id, Model model) {
        PostId post = new PostId(id);
        PostRef ref = dialogue.find(post).orElseThrow(NotFound::new);
        editionOf(new ThreadId(ref.threadId()));
        model.addAttribute(
                "revisions", dialogue.revisions(post, accounts.signedIn(), accounts.signedInAs(Role.MODERATOR)));
        model.addAttribute("postUrl", ref.url());
        model.addAttribute("position", ref.position());
        return "dialogue/history";
    }

    private String threadsPage(
            Model model, String slug, String code, ThreadSort sort, String after, ThreadForm form, FormErrors errors) {
        Optional<AccountId> reader = accounts.signedIn();
        return threadsPage(
                model, session(slug, code), sort, after, form, errors, reader, reader.isPresent(), currentReading());
    }

    private String threadsPage(
            Model model,
            SessionInEdition place,
            ThreadSort sort,
            String after,
            ThreadForm form,
            FormErrors errors,
            Optional<AccountId> reader,
            boolean signedIn,
            Reading reading) {
        model.addAttribute("edition", place.edition());
        model.addAttribute("session", place.session());
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", java.util.List.of(ThreadSort.values()));
        model.addAttribute(
                "list",
                translatedPosts.inReadersLanguage(
                        dialogue.threads(place.session().id().value(), sort, after, reader), reading));
        model.addAttribute("stats", stats.ofSession(place.session().id().value()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canWrite", signedIn && !place.edition().archived());
        return "dialogue/threads";
    }

    private String threadPage(Model model, ThreadId id, int page, PostForm form, FormErrors errors) {
        Optional<AccountId> reader = accounts.signedIn();
        return threadPage(
                model,
                id,
                page,
                form,
                errors,
                reader,
                accounts.signedInAs(Role.MODERATOR),
                reader.isPresent(),
                currentReading());
    }

    private String threadPage(
            Model model,
            ThreadId id,
            int page,
            PostForm form,
            FormErrors errors,
            Optional<AccountId> reader,
            boolean moderator,
            boolean signedIn,
            Reading reading) {
        ReaderView view = readerView(id, page, reader, moderator, reading);
        var thread = view.thread();
        model.addAttribute("reading", reading);
        model.addAttribute("moderator", moderator);
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        SessionInEdition place = view.place();
        model.addAttribute("edition", place.edition());
        model.addAttribute("session", place.session());
        model.addAttribute("thread", thread);
        model.addAttribute("stats", view.stats());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("signedIn", signedIn);
        model.addAttribute("canWrite", signedIn && !place.edition().archived());
        model.addAttribute("reactionKinds", java.util.List.of(ReactionKind.values()));
        // in a shared copy the actions are each reader's own, filled in per request
        model.addAttribute("postActions", reader.isEmpty() ? List.of() : postActions(id));
        model.addAttribute("linkCards", linkCards(thread.posts()));
        return "dialogue/thread";
    }

    /** Other modules' cards for the links in these posts (a cited publication, say); the same for every reader. */
    private java.util.Map<Long, List<PostLinkCards.Card>> linkCards(List<DialogueViews.PostView> posts) {
        java.util.Map<Long, String> html = new java.util.HashMap<>();
        for (DialogueViews.PostView post : posts) {
            if (!post.deleted() && post.html() != null) {
                html.put(post.id().value(), post.originalHtml() == null ? post.html() : post.originalHtml());
            }
        }
        if (html.isEmpty()) {
            return java.util.Map.of();
        }
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.util.Map<Long, List<PostLinkCards.Card>> cards = new java.util.HashMap<>();
        linkCards.orderedStream().forEach(source -> source.cards(html, locale)
                .forEach((post, found) -> cards.computeIfAbsent(post, p -> new java.util.ArrayList<>())
                        .addAll(found)));
        return cards;
    }

    /** Other modules' actions on this thread's posts for the signed-in reader (none for a reader signed out). */
    private List<PostActions.Action> postActions(ThreadId thread) {
        Optional<AccountId> reader = accounts.signedIn();
        if (reader.isEmpty() || postActions.stream().findAny().isEmpty()) {
            return List.of();
        }
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return reader.isEmpty()
                ? List.of()
                : postActions
                        .orderedStream()
                        .flatMap(a -> a.forThread(thread, reader.get(), locale).stream())
                        .toList();
    }

    /** What a thread page shows a reader, gathered from the database. */
    private record ReaderView(
            DialogueViews.ThreadPage thread, SessionInEdition place, DialogueStats.Interactivity stats) {}

    private ReaderView readerView(
            ThreadId id, int page, Optional<AccountId> reader, boolean moderator, Reading reading) {
        var original = dialogue.page(id, page, reader, moderator).orElseThrow(NotFound::new);
        var thread = translatedPosts.inReadersLanguage(original, reading);
        return new ReaderView(thread, placeOf(thread.sessionId()), stats.ofThread(id));
    }

    private String editPage(Model model, PostId post, EditForm form, FormErrors errors) {
        model.addAttribute("postId", post.value());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "dialogue/edit";
    }

    /** The quoted post's text as a Markdown quote, to start a reply with. */
    private String quotation(Long postId) {
        if (postId == null) {
            return "";
        }
        return dialogue.find(new PostId(postId))
                .filter(ref -> visible(new ThreadId(ref.threadId())))
                .flatMap(ref -> Optional.ofNullable(dialogue.quotableBody(new PostId(ref.postId()))))
                .map(body -> body.lines().map(line -> "> " + line).collect(java.util.stream.Collectors.joining("\n"))
                        + "\n\n")
                .orElse("");
    }

    /** In a pre-moderated session, posts by anyone but moderators wait for approval. */
    private boolean awaitsApproval(SessionInEdition place) {
        return place.session().premoderated() && !accounts.signedInAs(Role.MODERATOR);
    }

    /** Suspended accounts may not write, and new accounts only so often: the form says why, and keeps the text. */
    private void refuseIfNotAllowed(AccountId author, BindingResult result) {
        if (result.hasErrors()) {
            return;
        }
        PostingAllowance.Verdict verdict = allowance.mayWrite(author);
        if (verdict != PostingAllowance.Verdict.ALLOWED) {
            result.reject(verdict.messageKey());
        }
    }

    /** The reader's languages and choices, from the request being answered. */
    private Reading currentReading() {
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                        org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String original = request.getParameter("original");
        return reading.of(
                request,
                org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                request.getParameter("view"),
                original != null && original.matches("\\d{1,18}") ? Long.valueOf(original) : null);
    }

    private AccountId signedIn() {
        // anonymous visitors are sent to the sign-in page by Spring Security's entry point
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in to take part"));
    }

    private SessionInEdition session(String slug, String code) {
        Edition edition = forums.edition(slug, false).orElseThrow(NotFound::new);
        return new SessionInEdition(edition, edition.session(code).orElseThrow(NotFound::new));
    }

    /** Whether the thread belongs to an edition the public may read. */
    private boolean visible(ThreadId thread) {
        return dialogue.sessionOf(thread)
                .flatMap(session -> forums.editionOfSession(new ForumSessionId(session), false))
                .isPresent();
    }

    private SessionInEdition editionOf(ThreadId thread) {
        return placeOf(dialogue.sessionOf(thread).orElseThrow(NotFound::new));
    }

    private SessionInEdition placeOf(long sessionId) {
        Edition edition =
                forums.editionOfSession(new ForumSessionId(sessionId), false).orElseThrow(NotFound::new);
        return new SessionInEdition(
                edition, edition.sessionById(new ForumSessionId(sessionId)).orElseThrow(NotFound::new));
    }

    /** A session with the edition it belongs to. */
    record SessionInEdition(Edition edition, Edition.ForumSession session) {

        /** Archived editions are read-only: refuse any change, even from a forged form. */
        void requireOpen() {
            if (edition.archived()) {
                throw new AccessDeniedException("the edition is archived");
            }
        }
    }
}
