package org.polyphony.antennas;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.Role;
import org.polyphony.dialogue.PostingRule;
import org.polyphony.dialogue.ThreadForm;
import org.polyphony.dialogue.ThreadId;
import org.polyphony.dialogue.ThreadReferences;
import org.polyphony.dialogue.ThreadReferences.ReferencedThread;
import org.polyphony.forums.Edition;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.languages.Regions;
import org.polyphony.opinions.ConversationForm;
import org.polyphony.opinions.ConversationId;
import org.polyphony.opinions.OpinionsManagement;
import org.polyphony.people.OrganisationRoles;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;

/**
 * The antennas module's entry point for hubs: creating them, appointing their coordinators and rapporteurs,
 * membership, and the threads of their regional tracks. Every change is checked here against the caller's access.
 */
@Service
public class HubManagement implements PostingRule {

    private final HubStore hubs;
    private final AccountDirectory accounts;
    private final ThreadReferences threads;
    private final HubOrganisationStore hubOrganisations;
    private final OrganisationRoles organisations;
    private final OpinionsManagement opinions;
    private final Translations translations;

    /** The translation kind of a hub's description, translated like posts into each reader's language. */
    static final String DESCRIPTION = "antennas-hub";

    HubManagement(
            HubStore hubs,
            AccountDirectory accounts,
            ThreadReferences threads,
            HubOrganisationStore hubOrganisations,
            OrganisationRoles organisations,
            OpinionsManagement opinions,
            Translations translations) {
        this.opinions = opinions;
        this.translations = translations;
        this.hubs = hubs;
        this.accounts = accounts;
        this.threads = threads;
        this.hubOrganisations = hubOrganisations;
        this.organisations = organisations;
    }

    Optional<Hub> find(long id) {
        return hubs.find(id);
    }

    List<Hub> ofEdition(Edition edition) {
        return hubs.ofEdition(edition.id().value());
    }

    HubAccess access(Hub hub) {
        Optional<AccountId> me = accounts.signedIn();
        if (me.isEmpty()) {
            return HubAccess.nobody();
        }
        Optional<String> membership = hubs.membership(hub.id(), me.get().value());
        return new HubAccess(
                true,
                accounts.signedInAs(Role.ORGANISER),
                hubs.rolesOf(hub.id(), me.get().value()),
                membership.filter("MEMBER"::equals).isPresent() || throughOrganisation(hub, me.get()),
                membership.filter("REQUESTED"::equals).isPresent());
    }

    /** The people of a member organisation (active members and admins) are members of the hub. */
    private boolean throughOrganisation(Hub hub, AccountId account) {
        return organisations.isActiveMemberOfAny(account, hubOrganisations.memberIds(hub.id()));
    }

    @Transactional
    Optional<Long> create(Edition edition, HubForm form, Errors errors) {
        requireOrganiser();
        check(edition.id().value(), form, 0, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        try {
            long id = hubs.insert(edition.id().value(), form);
            describe(id, edition.id().value(), form);
            return Optional.of(id);
        } catch (DuplicateKeyException createdMeanwhile) {
            errors.rejectValue("name", "antennas.hub.name.taken");
            return Optional.empty();
        }
    }

    @Transactional
    void update(Hub hub, HubForm form, Errors errors) {
        requireManager(hub);
        check(hub.editionId(), form, hub.id(), errors);
        if (!errors.hasErrors()) {
            hubs.update(hub.id(), form);
            describe(hub.id(), hub.editionId(), form);
        }
    }

    /** Registers the description for translation into readers' languages (the edition's glossary applies). */
    void describe(long hubId, long editionId, HubForm form) {
        String description =
                form.description() == null ? "" : form.description().strip();
        TextRef ref = new TextRef(DESCRIPTION, hubId);
        if (description.isEmpty()) {
            translations.forget(ref);
        } else {
            translations.register(ref, description, form.language(), editionId);
        }
    }

    /** The description in the reader's language, or empty when the hub has none. */
    Optional<Shown> description(Hub hub, List<String> readerLanguages) {
        if (hub.description() == null || hub.description().isBlank() || readerLanguages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(translations
                .shown(DESCRIPTION, List.of(hub.id()), readerLanguages)
                .get(new TextRef(DESCRIPTION, hub.id())));
    }

    /** Gives a person of the directory, named as they appear, a role in the hub; organisers and coordinators only. */
    @Transactional
    void appoint(Hub hub, String displayName, String role, Errors errors) {
        requireManager(hub);
        HubRole chosen = role(role);
        if (chosen == null) {
            errors.rejectValue("role", "antennas.role.unknown");
        }
        Optional<AccountId> person = displayName == null || displayName.isBlank()
                ? Optional.empty()
                : accounts.withDisplayName(displayName.strip());
        if (person.isEmpty()) {
            errors.rejectValue("person", "antennas.person.unknown");
        }
        if (!errors.hasErrors()) {
            hubs.grant(hub.id(), person.get().value(), chosen);
        }
    }

    @Transactional
    void dismiss(Hub hub, long accountId, String role) {
        requireManager(hub);
        HubRole chosen = role(role);
        if (chosen != null) {
            hubs.revoke(hub.id(), accountId, chosen);
        }
    }

    /** A person asks to join; coordinators accept. */
    @Transactional
    void requestMembership(Hub hub) {
        AccountId me = signedIn();
        hubs.requestMembership(hub.id(), me.value(), false);
    }

    @Transactional
    void leave(Hub hub) {
        hubs.leave(hub.id(), signedIn().value());
    }

    @Transactional
    void accept(Hub hub, long accountId) {
        requireManager(hub);
        hubs.accept(hub.id(), accountId);
    }

    @Transactional
    void removeMember(Hub hub, long accountId) {
        requireManager(hub);
        hubs.leave(hub.id(), accountId);
    }

    List<HubStore.Holder> holders(Hub hub) {
        return hubs.holders(hub.id());
    }

    List<HubStore.Member> members(Hub hub) {
        return hubs.members(hub.id());
    }

    /**
     * Starts a thread of the hub's regional track of a session: a dialogue thread of that session, which the hub
     * lists as its own. Where the hub asks for membership, only its people may start one.
     */
    @Transactional
    Optional<ReferencedThread> startThread(
            Hub hub, Edition.ForumSession session, ThreadForm form, Errors errors, boolean awaiting) {
        AccountId me = signedIn();
        if (hub.membersOnlyPosting() && !access(hub).belongs()) {
            errors.reject("antennas.posting.membersOnly");
        }
        Optional<ReferencedThread> started = threads.startThread(session.id().value(), me, form, errors, awaiting);
        started.ifPresent(t -> hubs.addThread(hub.id(), t.id(), session.id().value()));
        return started;
    }

    /**
     * Opens an opinion conversation of the hub's regional track of a session: a conversation of that session (the
     * opinions module's, with its moderation, analysis and results), which the hub lists as its own. Coordinators and
     * organisers only.
     */
    @Transactional
    Optional<ConversationId> openConversation(
            Hub hub, Edition.ForumSession session, ConversationForm form, BindingResult result) {
        requireManager(hub);
        if (result.hasErrors()) {
            return Optional.empty();
        }
        Optional<ConversationId> opened = opinions.start(session.id().value(), form, result);
        opened.ifPresent(
                c -> hubs.addConversation(hub.id(), c.value(), session.id().value()));
        return opened;
    }

    List<HubStore.HubConversation> conversations(Hub hub) {
        return hubs.conversations(hub.id());
    }

    List<Long> threadIds(Hub hub) {
        return hubs.threads(hub.id());
    }

    List<Long> threadIds(Hub hub, long sessionId) {
        return hubs.threads(hub.id(), sessionId);
    }

    Optional<Long> hubOfThread(long threadId) {
        return hubs.hubOfThread(threadId);
    }

    /** Replies in a hub's thread: only its people, when the hub asks for membership. */
    @Override
    public Optional<String> refusal(ThreadId thread, AccountId author) {
        return hubs.hubOfThread(thread.value())
                .flatMap(hubs::find)
                .filter(Hub::membersOnlyPosting)
                .filter(hub -> hubs.membership(hub.id(), author.value())
                                .filter("MEMBER"::equals)
                                .isEmpty()
                        && hubs.rolesOf(hub.id(), author.value()).isEmpty()
                        && !throughOrganisation(hub, author))
                .map(hub -> "antennas.posting.membersOnly");
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        hubs.forget(deleted.account().value());
    }

    void requireManager(Hub hub) {
        if (!access(hub).manages()) {
            throw new org.springframework.security.access.AccessDeniedException("only the hub's coordinators");
        }
    }

    private void requireOrganiser() {
        if (!accounts.signedInAs(Role.ORGANISER)) {
            throw new org.springframework.security.access.AccessDeniedException("only organisers create hubs");
        }
    }

    private AccountId signedIn() {
        return accounts.signedIn()
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("sign in"));
    }

    private void check(long editionId, HubForm form, long exceptHub, Errors errors) {
        if (form.regionCode() != null && !form.regionCode().isBlank() && !Regions.isKnown(form.regionCode())) {
            errors.rejectValue("regionCode", "antennas.hub.region.unknown");
        }
        if (form.language() == null || !ReadingLanguages.isKnown(form.language())) {
            errors.rejectValue("language", "antennas.language.unknown");
        }
        if (form.languagesChosen().stream().anyMatch(l -> !ReadingLanguages.isKnown(l))) {
            errors.rejectValue("workingLanguages", "antennas.language.unknown");
        }
        if (!errors.hasFieldErrors("name") && hubs.nameTaken(editionId, form.name(), exceptHub)) {
            errors.rejectValue("name", "antennas.hub.name.taken");
        }
    }

    private static HubRole role(String role) {
        try {
            return role == null ? null : HubRole.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static final Set<String> ROLE_NAMES = Set.of("COORDINATOR", "RAPPORTEUR");
}
