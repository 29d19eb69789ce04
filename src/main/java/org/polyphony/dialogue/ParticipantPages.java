package org.polyphony.dialogue;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.DialogueViews.PostView;
import org.polyphony.dialogue.DialogueViews.ThreadPage;
import org.polyphony.web.CompressedPages;
import org.polyphony.web.Page;
import org.polyphony.web.PageSlots;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Thread pages and session thread lists for signed-in participants, composed from a copy shared by every
 * participant who reads them in the same language with the same reading choices, and a small part of each
 * reader's own: their site header, CSRF token, follow button, reactions and the actions on posts they wrote. The
 * copy is rendered once, for a participant without roles who wrote nothing there, with {@link PageSlots slots}
 * where those parts go, and is kept beside the signed-out readers' copies ({@link AnonymousThreadPages}), so it is
 * dropped on every node at the same change notices. Staff, and a reader with something of theirs awaiting approval
 * there (which the copy cannot show), get the page rendered whole.
 */
@Component
class ParticipantPages {

    private final AnonymousThreadPages copies;
    private final TemplateEngine templates;
    private final DialogueManagement dialogue;

    ParticipantPages(AnonymousThreadPages copies, TemplateEngine templates, DialogueManagement dialogue) {
        this.copies = copies;
        this.templates = templates;
        this.dialogue = dialogue;
    }

    /** A page rendered for every participant, cut at its slots, with what its per-reader parts need. */
    record SharedCopy(byte[] packed, int page, boolean canWrite, Map<Long, PostView> posts, int size) {

        /** Bytes it keeps: its packed text and an allowance for each post's view without its text. */
        static int sizeOf(byte[] packed, Map<Long, PostView> posts) {
            return packed.length + 512 * posts.size();
        }
    }

    /**
     * Sends the reader's thread page composed from the shared copy; false, having sent nothing, when this reader
     * needs the page rendered whole. {@code copyModel} gives the model of the shared copy, rendered with
     * {@link Page#forSharedCopy()}.
     */
    boolean sendThread(
            ThreadId thread,
            AccountId reader,
            Reading reading,
            Page readersPage,
            Supplier<List<PostActions.Action>> readersActions,
            Supplier<Map<String, Object>> copyModel,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!SharedThreadPages.shareable(request, SharedThreadPages.THREAD_PARAMETERS)) {
            return false;
        }
        SharedCopy copy =
                copies.get(thread.value(), key(request, reading), () -> threadCopy(copyModel.get()), SharedCopy::size);
        var marks = dialogue.readerMarks(thread, copy.page(), reader);
        if (marks.awaitingOwnPost()) {
            return false;
        }
        List<PostActions.Action> actions = readersActions.get();
        PackedCopy.Parts parts = PackedCopy.unpack(copy.packed());
        CompressedPages.write(
                compose(parts.page(), readersPage, slot -> switch (slot) {
                    case "follow" ->
                        render("dialogue/followButton", Map.of("page", readersPage, "threadId", thread.value()));
                    default -> postActions(slot, thread, copy, parts, marks, readersPage, reading, actions);
                }),
                request,
                response);
        return true;
    }

    /** The same for a session's list of threads; false when the reader has a thread awaiting approval there. */
    boolean sendList(
            long sessionId,
            String sessionPath,
            AccountId reader,
            Reading reading,
            Page readersPage,
            Supplier<Map<String, Object>> copyModel,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!SharedThreadPages.shareable(request, SharedThreadPages.LIST_PARAMETERS)
                || dialogue.hasUnpublishedThread(sessionId, reader)) {
            return false;
        }
        SharedCopy copy = copies.list(
                sessionId,
                key(request, reading),
                () -> {
                    Map<String, Object> model = copyModel.get();
                    byte[] packed = PackedCopy.pack(PageSlots.split(render("dialogue/threads", model)), Map.of());
                    return new SharedCopy(
                            packed, 1, (Boolean) model.get("canWrite"), Map.of(), SharedCopy.sizeOf(packed, Map.of()));
                },
                SharedCopy::size);
        CompressedPages.write(
                compose(
                        PackedCopy.unpack(copy.packed()).page(),
                        readersPage,
                        followSession -> render(
                                "dialogue/followSessionButton",
                                Map.of("page", readersPage, "sessionId", sessionId, "base", sessionPath))),
                request,
                response);
        return true;
    }

    private static List<Object> key(HttpServletRequest request, Reading reading) {
        return List.of(
                "participant",
                SharedThreadPages.address(request),
                LocaleContextHolder.getLocale().toLanguageTag(),
                reading);
    }

    /** The copy with its slots filled for one reader; slots other than the common ones are {@code own}'s. */
    private String compose(List<String> parts, Page page, Function<String, String> own) {
        int literal = 0;
        for (int i = 0; i < parts.size(); i += 2) {
            literal += parts.get(i).length();
        }
        StringBuilder html = new StringBuilder(literal + 4096);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                html.append(part);
                continue;
            }
            html.append(
                    switch (part) {
                        case "csrf" -> page.csrfToken();
                        case "key" -> UUID.randomUUID().toString();
                        case "header" -> render("web/siteHeader", Map.of("page", page));
                        default -> own.apply(part);
                    });
        }
        return html.toString();
    }

    private String postActions(
            String slot,
            ThreadId thread,
            SharedCopy copy,
            PackedCopy.Parts parts,
            DialogueRepository.ReaderMarks marks,
            Page page,
            Reading reading,
            List<PostActions.Action> actions) {
        long postId = Long.parseLong(slot.substring("actions:".length()));
        boolean stranger = actions.isEmpty()
                && !marks.ownPosts().contains(postId)
                && !marks.reactions().containsKey(postId);
        if (stranger) {
            // what most readers see of most posts: rendered with the copy, only the CSRF token is the reader's
            return String.join(page.csrfToken(), parts.strangersActions().get(postId));
        }
        PostView post = copy.posts()
                .get(postId)
                .forReader(
                        marks.reactions().getOrDefault(postId, Set.of()),
                        marks.ownPosts().contains(postId));
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("post", post);
        model.put("threadId", thread.value());
        model.put("canWrite", copy.canWrite());
        model.put("reactionKinds", List.of(ReactionKind.values()));
        model.put("reading", reading);
        model.put("postActions", actions);
        return render("dialogue/postActions", model);
    }

    private SharedCopy threadCopy(Map<String, Object> model) {
        String html = render("dialogue/thread", model);
        ThreadPage shown = (ThreadPage) model.get("thread");
        boolean canWrite = (Boolean) model.get("canWrite");
        Map<Long, PostView> posts = new HashMap<>();
        Map<Long, List<String>> strangersActions = new HashMap<>();
        for (PostView post : shown.posts()) {
            posts.put(post.id().value(), post.withoutText());
            Map<String, Object> actions = new HashMap<>();
            actions.put("page", model.get("page"));
            actions.put("post", post);
            actions.put("threadId", shown.id().value());
            actions.put("canWrite", canWrite);
            actions.put("reactionKinds", List.of(ReactionKind.values()));
            actions.put("reading", model.get("reading"));
            actions.put("postActions", List.of());
            String rendered = render("dialogue/postActions", actions);
            // the only slot in a stranger's actions is the CSRF token of the reaction forms
            strangersActions.put(
                    post.id().value(),
                    PageSlots.split(rendered).stream()
                            .filter(part -> !part.equals("csrf"))
                            .toList());
        }
        byte[] packed = PackedCopy.pack(PageSlots.split(html), strangersActions);
        return new SharedCopy(packed, shown.page(), canWrite, Map.copyOf(posts), SharedCopy.sizeOf(packed, posts));
    }

    private String render(String template, Map<String, Object> model) {
        StringOutput output = new StringOutput();
        templates.render(template + ".jte", model, output);
        return output.toString();
    }
}
