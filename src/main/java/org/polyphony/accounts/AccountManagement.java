package org.polyphony.accounts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.languages.UiLanguage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The accounts module's entry point: creating accounts and changing them. Checks that need the database (a name
 * already taken, a wrong current password) are reported into the caller's {@link Errors} like any other field error.
 */
@Service
public class AccountManagement {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final AccountSessions sessions;

    private final java.util.List<PersonalDataSource> otherModulesData;

    AccountManagement(
            AccountRepository accounts,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            AccountSessions sessions,
            java.util.List<PersonalDataSource> otherModulesData) {
        this.otherModulesData = otherModulesData;
        this.sessions = sessions;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
    }

    @Transactional
    Optional<AccountId> signUp(SignupForm form, UiLanguage language, Errors errors) {
        String name = DisplayNames.clean(form.displayName());
        checkName(name, null, errors);
        checkNewPassword(form.password(), form.passwordRepeat(), name, "password", "passwordRepeat", errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(accounts.insert(
                    name,
                    passwords.encode(form.password()),
                    blankToNull(form.email()),
                    language.tag(),
                    EnumSet.of(Role.PARTICIPANT)));
        } catch (DuplicateKeyException raceWithAnotherSignUp) {
            errors.rejectValue("displayName", "account.name.taken");
            return Optional.empty();
        }
    }

    /**
     * An account for the demo content's authors: nobody knows its password (a random one, thrown away), so nobody
     * signs in with it. Returns the existing account when the name is taken.
     */
    @Transactional
    public AccountId demoAuthor(String name, UiLanguage language, List<String> reads) {
        return accounts.findByName(name).map(Account::id).orElseGet(() -> {
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            AccountId id = accounts.insert(
                    name,
                    passwords.encode(java.util.HexFormat.of().formatHex(secret)),
                    null,
                    language.tag(),
                    EnumSet.of(Role.PARTICIPANT));
            accounts.updateProfile(id, name, null, language.tag(), reads);
            events.publishEvent(new ProfileUpdated(id));
            return id;
        });
    }

    @Transactional
    void updateProfile(AccountId id, ProfileForm form, Errors errors) {
        String name = DisplayNames.clean(form.displayName());
        checkName(name, id, errors);
        String uiLanguage =
                UiLanguage.fromTag(form.uiLanguage()).map(UiLanguage::tag).orElse(null);
        List<String> read = new ArrayList<>();
        for (String tag : form.readLanguages()) {
            if (tag == null || tag.isBlank() || read.contains(tag)) {
                continue;
            }
            if (!ReadingLanguages.isKnown(tag)) {
                errors.rejectValue("readLanguages", "account.languages.unknown");
                break;
            }
            read.add(tag);
        }
        if (errors.hasErrors()) {
            return;
        }
        try {
            boolean renamed = accounts.findById(id)
                    .map(account -> !account.displayName().equals(name))
                    .orElse(false);
            accounts.updateProfile(id, name, blankToNull(form.email()), uiLanguage, read);
            events.publishEvent(new ProfileUpdated(id));
            if (renamed) {
                events.publishEvent(new AccountRenamed(id));
            }
        } catch (DuplicateKeyException raceWithAnotherRename) {
            errors.rejectValue("displayName", "account.name.taken");
        }
    }

    @Transactional
    void changePassword(AccountId id, PasswordForm form, Errors errors, String currentSessionId) {
        Account account = accounts.findById(id).orElseThrow();
        if (!errors.hasFieldErrors("currentPassword")
                && !passwords.matches(form.currentPassword(), account.passwordHash())) {
            errors.rejectValue("currentPassword", "account.password.current.wrong");
        }
        checkNewPassword(
                form.newPassword(),
                form.newPasswordRepeat(),
                account.displayName(),
                "newPassword",
                "newPasswordRepeat",
                errors);
        if (!errors.hasErrors()) {
            accounts.updatePassword(id, passwords.encode(form.newPassword()));
            sessions.endOthers(id, currentSessionId);
        }
    }

    @Transactional
    boolean delete(AccountId id, DeletionForm form, Errors errors) {
        if (errors.hasErrors()) {
            return false;
        }
        Account account = accounts.findById(id).orElseThrow();
        if (!passwords.matches(form.currentPassword(), account.passwordHash())) {
            errors.rejectValue("currentPassword", "account.password.current.wrong");
            return false;
        }
        accounts.delete(id);
        events.publishEvent(new AccountDeleted(id));
        sessions.endAll(id);
        return true;
    }

    /** Sets an account's roles; false, and nothing done, when there is no such account. */
    @Transactional
    boolean setRoles(AccountId id, Set<Role> roles) {
        if (accounts.findById(id).isEmpty()) {
            return false;
        }
        EnumSet<Role> withParticipant = EnumSet.of(Role.PARTICIPANT);
        withParticipant.addAll(roles);
        accounts.updateRoles(id, withParticipant);
        // sessions carry the roles they were signed in with: end them, so a removed role is gone at once
        sessions.endAll(id);
        return true;
    }

    void rememberUiLanguage(AccountId id, UiLanguage language) {
        accounts.updateUiLanguage(id, language.tag());
    }

    Optional<Account> find(AccountId id) {
        return accounts.findById(id);
    }

    /** Everything the platform keeps about this account, for the person's own download. */
    Map<String, Object> personalData(AccountId id) {
        Account account = accounts.findById(id).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("displayName", account.displayName());
        data.put("email", account.email());
        data.put("interfaceLanguage", account.uiLanguage());
        data.put("readLanguages", account.readLanguages());
        data.put("roles", account.roles());
        data.put("createdAt", account.createdAt().toString());
        for (PersonalDataSource source : otherModulesData) {
            Object section = source.dataOf(id);
            if (section != null) {
                data.put(source.section(), section);
            }
        }
        return data;
    }

    private void checkName(String name, AccountId self, Errors errors) {
        if (errors.hasFieldErrors("displayName")) {
            return;
        }
        if (!DisplayNames.isWellFormed(name)) {
            errors.rejectValue("displayName", "account.name.invalid");
        } else if (accounts.nameTaken(name, self)) {
            errors.rejectValue("displayName", "account.name.taken");
        }
    }

    private static void checkNewPassword(
            String password, String repeat, String name, String field, String repeatField, Errors errors) {
        if (errors.hasFieldErrors(field)) {
            return;
        }
        if (!password.equals(repeat == null ? "" : repeat)) {
            errors.rejectValue(repeatField, "account.password.mismatch");
        } else if (!name.isBlank() && DisplayNames.key(password).contains(DisplayNames.key(name))) {
            errors.rejectValue(field, "account.password.containsName");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
