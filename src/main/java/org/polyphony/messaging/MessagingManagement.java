package org.polyphony.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.messaging.MessagingStore.MessageRow;
import org.polyphony.messaging.MessagingViews.ConversationRow;
import org.polyphony.messaging.MessagingViews.ConversationView;
import org.polyphony.messaging.MessagingViews.MessageView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Direct messages: who may write to whom, sending, reading, blocking and reporting. A message goes through only
 * when both people accept messages and neither blocked the other; a refusal says no more than needed (a blocked
 * sender hears the same as when the other person does not accept messages).
 */
@Service
public class MessagingManagement {

    static final int MAX_LENGTH = 2000;
    static final int NOTE_LENGTH = 500;
    static final int PAGE_SIZE = 50;
    private static final String BODY = "body";

    /** Why a message was refused, when the answer is "too many": the page answers 429 rather than 422. */
    static final Set<String> RATE_LIMITED = Set.of(
            "messages.error.tooFast",
            "messages.error.tooManyToday",
            PostingAllowance.Verdict.TOO_FAST.messageKey(),
            PostingAllowance.Verdict.TOO_MANY_TODAY.messageKey());

    private final MessagingStore store;
    private final AccountDirectory accounts;
    private final PostingAllowance allowance;
    private final ActionLimits limits;
    private final int perMinute;
    private final int perDay;

    MessagingManagement(
            MessagingStore store,
            AccountDirectory accounts,
            PostingAllowance allowance,
            ActionLimits limits,
            @Value("${polyphony.messaging.per-minute:20}") int perMinute,
            @Value("${polyphony.messaging.per-day:200}") int perDay) {
        this.store = store;
        this.accounts = accounts;
        this.allowance = allowance;
        this.limits = limits;
        this.perMinute = perMinute;
        this.perDay = perDay;
    }

    /** Sends a first (or further) message to the person named in the form; empty when refused, with the reason. */
    @Transactional
    Optional<Long> send(AccountId me, MessageForm form, Errors errors) {
        String name = form.toOrEmpty();
        Optional<AccountId> recipient = Optional.empty();
        if (name.isEmpty()) {
            errors.rejectValue("to", "messages.error.noRecipient");
        } else {
            recipient = accounts.withDisplayName(name);
            if (recipient.isEmpty()) {
                errors.rejectValue("to", "messages.error.unknown");
            } else {
                refuseRecipient(me, recipient.get().value(), "to", errors);
            }
        }
        String body = checkBody(form.bodyOrEmpty(), errors);
        if (errors.hasErrors() || !withinLimits(me, errors)) {
            return Optional.empty();
        }
        long conversation = store.conversationOf(me.value(), recipient.get().value());
        store.add(conversation, me.value(), body);
        unreadCounts.forget(recipient.get());
        return Optional.of(conversation);
    }

    /** Replies in a conversation the sender takes part in; false when refused, with the reason. */
    @Transactional
    boolean reply(AccountId me, long conversation, MessageForm form, Errors errors) {
        Optional<Long> other = otherParticipant(me, conversation);
        if (other.isEmpty()) {
            errors.rejectValue("body", "messages.error.ended");
        } else {
            refuseRecipient(me, other.get(), "body", errors);
        }
        String body = checkBody(form.bodyOrEmpty(), errors);
        if (errors.hasErrors() || !withinLimits(me, errors)) {
            return false;
        }
        store.add(conversation, me.value(), body);
        unreadCounts.forget(new AccountId(other.get()));
        return true;
    }

    /**
     * Refuses a recipient the sender may not write to. A block by the recipient and a recipient who does not accept
     * messages get the same words, so that nobody learns that they were blocked.
     */
    private void refuseRecipient(AccountId me, long recipient, String field, Errors errors) {
        if (recipient == me.value()) {
            errors.rejectValue(field, "messages.error.self");
        } else if (!store.accepts(me.value())) {
            errors.rejectValue(field, "messages.error.youDoNotAccept");
        } else if (store.blocks(me.value(), recipient)) {
            errors.rejectValue(field, "messages.error.youBlocked");
        } else if (store.blocks(recipient, me.value()) || !store.accepts(recipient)) {
            errors.rejectValue(field, "messages.error.notAccepting");
        }
    }

    /** Why the reader cannot reply in a conversation now, as a message key; null when they can. */
    private String replyRefusal(AccountId me, Optional<Long> other) {
        if (other.isEmpty()) {
            return "messages.error.ended";
        }
        if (!store.accepts(me.value())) {
            return "messages.error.youDoNotAccept";
        }
        if (store.blocks(me.value(), other.get())) {
            return "messages.error.youBlocked";
        }
        if (store.blocks(other.get(), me.value()) || !store.accepts(other.get())) {
            return "messages.error.notAccepting";
        }
        return null;
    }

    private static String checkBody(String typed, Errors errors) {
        String body = typed.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (body.isEmpty()) {
            errors.rejectValue("body", "messages.error.empty");
        } else if (body.codePointCount(0, body.length()) > MAX_LENGTH) {
            errors.rejectValue("body", "messages.error.tooLong", new Object[] {MAX_LENGTH}, null);
        }
        return body;
    }

    /** Counts the message against the sender's allowances; false, with the reason, when one is used up. */
    private boolean withinLimits(AccountId me, Errors errors) {
        PostingAllowance.Verdict verdict = allowance.mayWrite(me);
        String refusal = verdict != PostingAllowance.Verdict.ALLOWED
                ? verdict.messageKey()
                : !limits.by("messages-minute", String.valueOf(me.value()), perMinute, Duration.ofMinutes(1))
                        ? "messages.error.tooFast"
                        : !limits.by("messages-day", String.valueOf(me.value()), perDay, Duration.ofDays(1))
                                ? "messages.error.tooManyToday"
                                : null;
        if (refusal != null) {
            errors.rejectValue(BODY, refusal);
        }
        return refusal == null;
    }

    /** The other person in a conversation the reader takes part in; empty when they deleted their account. */
    private Optional<Long> otherParticipant(AccountId me, long conversation) {
        List<Long> participants = store.participants(conversation);
        if (!participants.contains(me.value())) {
            throw new NotFound();
        }
        return participants.stream().filter(p -> p != me.value()).findFirst();
    }

    /** Throws NotFound unless the reader takes part in the conversation. */
    void requireParticipant(AccountId me, long conversation) {
        otherParticipant(me, conversation);
    }

    /** A conversation as the reader sees it; marks it read. Throws NotFound unless the reader takes part. */
    @Transactional
    ConversationView read(AccountId me, long conversation, Long before) {
        Optional<Long> other = otherParticipant(me, conversation);
        List<MessageRow> rows = store.messages(conversation, before, PAGE_SIZE + 1);
        Long earlier = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(1, rows.size());
            earlier = rows.getFirst().id();
        }
        if (before == null && !rows.isEmpty()) {
            // read up to the newest message shown: one that arrived meanwhile stays unread
            store.markRead(conversation, me.value(), rows.getLast().id());
            unreadCounts.forget(me);
        }
        Map<AccountId, String> names = accounts.displayNames(
                other.map(o -> List.of(new AccountId(o), me)).orElse(List.of(me)));
        return new ConversationView(
                conversation,
                other.orElse(null),
                other.map(o -> names.get(new AccountId(o))).orElse(null),
                views(rows, names, me.value()),
                earlier,
                other.map(o -> store.blocks(me.value(), o)).orElse(false),
                replyRefusal(me, other));
    }

    static List<MessageView> views(List<MessageRow> rows, Map<AccountId, String> names, long reader) {
        return rows.stream()
                .map(row -> new MessageView(
                        row.id(),
                        row.senderId() == reader,
                        names.get(new AccountId(row.senderId())),
                        row.body(),
                        row.sentAt()))
                .toList();
    }

    List<ConversationRow> conversations(AccountId me) {
        return conversations(me, store.conversationsOf(me.value(), 200));
    }

    private List<ConversationRow> conversations(AccountId me, List<MessagingStore.ConversationListRow> rows) {
        Set<AccountId> others = new HashSet<>();
        rows.forEach(r -> {
            if (r.otherId() != null) {
                others.add(new AccountId(r.otherId()));
            }
        });
        Map<AccountId, String> names = accounts.displayNames(others);
        Set<Long> blocked = new HashSet<>(store.blockedBy(me.value()));
        return rows.stream()
                .map(r -> new ConversationRow(
                        r.id(),
                        r.otherId() == null ? null : names.get(new AccountId(r.otherId())),
                        r.lastMessageAt(),
                        r.unread(),
                        r.otherId() != null && blocked.contains(r.otherId())))
                .toList();
    }

    int unread(AccountId me) {
        // counted for every page a participant opens: a new message shows in the count within ten seconds
        return unreadCounts.get(me, () -> store.unread(me.value()));
    }

    private final org.polyphony.web.ShortLivedCache unreadCounts =
            new org.polyphony.web.ShortLivedCache(java.time.Duration.ofSeconds(10));

    boolean accepts(AccountId me) {
        return store.accepts(me.value());
    }

    @Transactional
    void setAccepts(AccountId me, boolean accepts) {
        store.setAccepts(me.value(), accepts);
    }

    /** Blocks the person with this display name; false, with the reason, when there is none or it is oneself. */
    @Transactional
    boolean block(AccountId me, String name, Errors errors) {
        Optional<AccountId> other =
                name == null || name.isBlank() ? Optional.empty() : accounts.withDisplayName(name.strip());
        if (other.isEmpty()) {
            errors.rejectValue("name", "messages.error.unknown");
            return false;
        }
        if (other.get().equals(me)) {
            errors.rejectValue("name", "messages.block.self");
            return false;
        }
        store.block(me.value(), other.get().value());
        return true;
    }

    /** Blocks, or unblocks, the other person of a conversation the reader takes part in. */
    @Transactional
    void blockInConversation(AccountId me, long conversation, boolean block) {
        Optional<Long> other = otherParticipant(me, conversation);
        other.ifPresent(o -> {
            if (block) {
                store.block(me.value(), o);
            } else {
                store.unblock(me.value(), o);
            }
        });
    }

    @Transactional
    void unblock(AccountId me, long account) {
        store.unblock(me.value(), account);
    }

    List<MessagingViews.Blocked> blocked(AccountId me) {
        List<Long> ids = store.blockedBy(me.value());
        Map<AccountId, String> names =
                accounts.displayNames(ids.stream().map(AccountId::new).toList());
        List<MessagingViews.Blocked> blocked = new ArrayList<>();
        for (long id : ids) {
            String name = names.get(new AccountId(id));
            if (name != null) {
                blocked.add(new MessagingViews.Blocked(id, name));
            }
        }
        return blocked;
    }

    /** Reports a conversation the reader takes part in; moderators may then read it up to now. */
    @Transactional
    boolean report(AccountId me, long conversation, ReportForm form, Errors errors) {
        Optional<Long> other = otherParticipant(me, conversation);
        if (form.chosenReason().isEmpty()) {
            errors.rejectValue("reason", "messages.report.reasonRequired");
        }
        if (form.noteOrEmpty().codePointCount(0, form.noteOrEmpty().length()) > NOTE_LENGTH) {
            errors.rejectValue("note", "messages.report.noteTooLong", new Object[] {NOTE_LENGTH}, null);
        }
        if (errors.hasErrors()) {
            return false;
        }
        store.report(
                conversation,
                me.value(),
                other.orElse(null),
                form.chosenReason().get(),
                form.noteOrEmpty(),
                store.newestMessage(conversation));
        return true;
    }

    /**
     * The person's own conversations with every message in them, for their download: the other person is named as
     * they are now (or null after they deleted their account); the person's own account is not named.
     */
    List<Map<String, Object>> export(AccountId me) {
        List<Map<String, Object>> conversations = new ArrayList<>();
        for (ConversationRow row : conversations(me, store.allConversationsOf(me.value()))) {
            List<Map<String, Object>> messages = new ArrayList<>();
            Long before = null;
            List<MessageRow> page;
            do {
                page = store.messages(row.id(), before, 1000);
                List<Map<String, Object>> older = new ArrayList<>();
                for (MessageRow message : page) {
                    Map<String, Object> item = new java.util.LinkedHashMap<>();
                    item.put("fromMe", message.senderId() == me.value());
                    item.put("sentAt", message.sentAt().toString());
                    item.put("text", message.body());
                    older.add(item);
                }
                messages.addAll(0, older);
                before = page.isEmpty() ? null : page.getFirst().id();
            } while (page.size() == 1000);
            Map<String, Object> conversation = new java.util.LinkedHashMap<>();
            conversation.put("with", row.otherName());
            conversation.put("messages", messages);
            conversations.add(conversation);
        }
        return conversations;
    }

    Map<AccountId, String> names(Collection<AccountId> ids) {
        return accounts.displayNames(ids);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        store.forget(deleted.account().value());
    }

    /** A conversation that does not exist, or that the reader does not take part in: the same answer for both. */
    static class NotFound extends org.springframework.web.server.ResponseStatusException {
        NotFound() {
            super(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }
}
