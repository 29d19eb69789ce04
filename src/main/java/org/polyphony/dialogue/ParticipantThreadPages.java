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
import java.util.function.Supplier;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.DialogueViews.PostView;
import org.polyphony.dialogue.DialogueViews.ThreadPage;
import org.polyphony.web.Page;
import org.polyphony.web.PageSlots;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Thread pages for signed-in participants, composed from a copy shared by every participant who reads the thread
 * in the same language with the same reading choices, and a small part of each reader's own: their site header,
 * CSRF token, follow button, reactions and the actions on posts they wrote. The copy is rendered once, for a
 * participant without roles who wrote nothing there, with {@link PageSlots slots} where those parts go, and is kept
 * beside the signed-out readers' copies ({@link AnonymousThreadPages}), so it is dropped on every node at the same
 * change notices. Moderators, and a reader whose post on the page waits for approval (which the copy cannot show),
 * get the page rendered whole.
 */
@Component
class ParticipantThreadPages {

    private final AnonymousThreadPages copies;
    private final TemplateEngine templates;
    private final DialogueManagement dialogue;

    ParticipantThreadPages(AnonymousThreadPages copies, TemplateEngine templates, DialogueManagement dialogue) {
        this.copies = copies;
        this.templates = templates;
        this.dialogue = dialogue;
    }

    /** A thread page rendered for every participant, cut at its slots, with the posts it shows. */
    record SharedCopy(
            ThreadId thread, int page, boolean canWrite, List<String> parts, Map<Long, PostView> posts, int size) {}

    /**
     * Sends the reader's page composed from the shared copy; false, having sent nothing, when this reader needs the
     * page rendered whole. {@code copyModel} gives the model of the shared copy, rendered with
     * {@link Page#forSharedCopy()}.
     */
    boolean send(
            ThreadId thread,
            AccountId reader,
            Reading reading,
            Page readersPage,
            Supplier<Map<String, Object>> copyModel,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!SharedThreadPages.shareable(request)) {
            return false;
        }
        List<Object> key = List.of(
                "participant",
                SharedThreadPages.address(request),
                LocaleContextHolder.getLocale().toLanguageTag(),
                reading);
        SharedCopy copy = copies.get(thread.value(), key, () -> render(thread, copyModel.get()), SharedCopy::size);
        var marks = dialogue.readerMarks(thread, copy.page(), reader);
        if (marks.awaitingOwnPost()) {
            return false;
        }
        StringBuilder html = new StringBuilder(copy.size() + 4096);
        List<String> parts = copy.parts();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                html.append(part);
            } else {
                html.append(fill(part, copy, marks, readersPage, reading));
            }
        }
        SharedThreadPages.write(html.toString(), request, response);
        return true;
    }

    private String fill(
            String slot, SharedCopy copy, DialogueRepository.ReaderMarks marks, Page page, Reading reading) {
        return switch (slot) {
            case "csrf" -> page.csrfToken();
            case "key" -> UUID.randomUUID().toString();
            case "header" -> render("web/siteHeader", Map.of("page", page));
            case "follow" ->
                render(
                        "dialogue/followButton",
                        Map.of("page", page, "threadId", copy.thread().value()));
            default -> {
                long postId = Long.parseLong(slot.substring("actions:".length()));
                PostView post = copy.posts()
                        .get(postId)
                        .forReader(
                                marks.reactions().getOrDefault(postId, Set.of()),
                                marks.ownPosts().contains(postId));
                Map<String, Object> model = new HashMap<>();
                model.put("page", page);
                model.put("post", post);
                model.put("threadId", copy.thread().value());
                model.put("canWrite", copy.canWrite());
                model.put("reactionKinds", List.of(ReactionKind.values()));
                model.put("reading", reading);
                yield render("dialogue/postActions", model);
            }
        };
    }

    private SharedCopy render(ThreadId thread, Map<String, Object> model) {
        String html = render("dialogue/thread", model);
        ThreadPage shown = (ThreadPage) model.get("thread");
        Map<Long, PostView> posts = new HashMap<>();
        shown.posts().forEach(post -> posts.put(post.id().value(), post.withoutText()));
        boolean canWrite = (Boolean) model.get("canWrite");
        return new SharedCopy(thread, shown.page(), canWrite, PageSlots.split(html), Map.copyOf(posts), html.length());
    }

    private String render(String template, Map<String, Object> model) {
        StringOutput output = new StringOutput();
        templates.render(template + ".jte", model, output);
        return output.toString();
    }
}
