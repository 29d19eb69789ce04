package org.polyphony.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.languages.Countries;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.languages.Regions;
import org.polyphony.languages.TextSearchConfigurations;
import org.polyphony.languages.Themes;
import org.polyphony.people.Membership.Role;
import org.polyphony.people.Membership.Status;
import org.polyphony.translation.LanguageDetection;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.validation.Errors;

/** Organisations and their members. Only an organisation's active admins change it or its members. */
@Service
class Organisations {

    static final String DESCRIPTION = "organisation-description";

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final LanguageDetection detection;
    private final Translations translations;
    private final Profiles profiles;

    Organisations(
            JdbcClient jdbc,
            AccountDirectory accounts,
            LanguageDetection detection,
            Translations translations,
            Profiles profiles) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.detection = detection;
        this.translations = translations;
        this.profiles = profiles;
    }

    /** A stored organisation, before its description is shown to a reader. */
    record OrganisationRow(
            long id,
            String name,
            OrganisationType type,
            List<String> countries,
            List<String> regions,
            List<String> themes,
            List<String> languages,
            String website,
            String description,
            String descriptionLanguage,
            int members) {

        OrganisationForm form() {
            return new OrganisationForm(
                    name,
                    type.name(),
                    countries,
                    regions,
                    themes,
                    languages,
                    website == null ? "" : website,
                    description);
        }
    }

    static final String SELECT =
            """
            SELECT o.*, (SELECT count(*) FROM people_membership m
                          WHERE m.organisation_id = o.id AND m.status = 'ACTIVE') AS member_count
              FROM people_organisation o
            """;

    Optional<OrganisationRow> row(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id")
                .param("id", id)
                .query(Organisations::row)
                .optional();
    }

    /** Organisations shown to a reader, descriptions in their languages where a translation is ready. */
    List<OrganisationView> views(List<OrganisationRow> rows, List<String> readerLanguages, boolean ask) {
        Map<TextRef, Shown> shown = translations.shown(
                DESCRIPTION,
                rows.stream()
                        .filter(r -> !r.description().isEmpty())
                        .map(OrganisationRow::id)
                        .toList(),
                readerLanguages,
                ask);
        return rows.stream()
                .map(r -> new OrganisationView(
                        new OrganisationId(r.id()),
                        r.name(),
                        r.type(),
                        r.countries(),
                        r.regions(),
                        r.themes(),
                        r.languages(),
                        r.website(),
                        r.description().isEmpty()
                                ? null
                                : shown.getOrDefault(
                                        new TextRef(DESCRIPTION, r.id()),
                                        new Shown(
                                                Shown.State.ORIGINAL,
                                                r.description(),
                                                r.descriptionLanguage(),
                                                r.descriptionLanguage(),
                                                null,
                                                null,
                                                false)),
                        r.members()))
                .toList();
    }

    /** Creates an organisation with its creator as first admin; empty when the form has errors. */
    @Transactional
    Optional<Long> create(AccountId creator, OrganisationForm form, Errors errors) {
        Checked checked = check(form, errors, null);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id;
        try {
            id = jdbc.sql(
                            """
                            INSERT INTO people_organisation (name, type, countries, regions, themes, languages,
                                website, description)
                            VALUES (:name, :type, :countries, :regions, :themes, :languages, :website, :description)
                            RETURNING id
                            """)
                    .param("name", form.name())
                    .param("type", checked.type().name())
                    .param("countries", checked.countries().toArray(String[]::new))
                    .param("regions", form.regions().toArray(String[]::new))
                    .param("themes", form.themes().toArray(String[]::new))
                    .param("languages", form.languages().toArray(String[]::new))
                    .param("website", checked.website())
                    .param("description", form.description())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException taken) {
            // two people creating the same name at once: the index decides, the second hears why
            errors.rejectValue("name", "organisation.name.taken");
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Optional.empty();
        }
        jdbc.sql(
                        """
                        INSERT INTO people_membership (organisation_id, account_id, role, status)
                        VALUES (:o, :a, 'ADMIN', 'ACTIVE')
                        """)
                .param("o", id)
                .param("a", creator.value())
                .update();
        describe(id, form, creator);
        return Optional.of(id);
    }

    @Transactional
    boolean update(long id, AccountId editor, OrganisationForm form, Errors errors) {
        Checked checked = check(form, errors, id);
        if (errors.hasErrors()) {
            return false;
        }
        try {
            jdbc.sql(
                            """
                            UPDATE people_organisation SET name = :name, type = :type, countries = :countries,
                                regions = :regions, themes = :themes, languages = :languages, website = :website,
                                description = :description
                            WHERE id = :id
                            """)
                    .param("name", form.name())
                    .param("type", checked.type().name())
                    .param("countries", checked.countries().toArray(String[]::new))
                    .param("regions", form.regions().toArray(String[]::new))
                    .param("themes", form.themes().toArray(String[]::new))
                    .param("languages", form.languages().toArray(String[]::new))
                    .param("website", checked.website())
                    .param("description", form.description())
                    .param("id", id)
                    .update();
        } catch (DuplicateKeyException taken) {
            errors.rejectValue("name", "organisation.name.taken");
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return false;
        }
        describe(id, form, editor);
        return true;
    }

    private record Checked(OrganisationType type, List<String> countries, String website) {}

    private Checked check(OrganisationForm form, Errors errors, Long self) {
        if (!errors.hasFieldErrors("name") && nameTaken(form.name(), self)) {
            errors.rejectValue("name", "organisation.name.taken");
        }
        Optional<OrganisationType> type = OrganisationType.parse(form.type());
        if (type.isEmpty()) {
            errors.rejectValue("type", "organisation.type.required");
        }
        List<String> countries = new ArrayList<>();
        for (String country : form.countries()) {
            Optional<String> code = Countries.normalise(country);
            if (code.isEmpty()) {
                errors.rejectValue("countries", "people.countries.unknown");
                break;
            }
            countries.add(code.get());
        }
        if (!form.regions().stream().allMatch(Regions::isKnown)) {
            errors.rejectValue("regions", "organisation.regions.unknown");
        }
        if (!form.themes().stream().allMatch(Themes::isKnown)) {
            errors.rejectValue("themes", "people.themes.unknown");
        }
        if (!form.languages().stream().allMatch(ReadingLanguages::isKnown)) {
            errors.rejectValue("languages", "people.languages.unknown");
        }
        String website = null;
        if (!form.website().isEmpty()) {
            Optional<String> link = Links.check(form.website());
            if (link.isEmpty()) {
                errors.rejectValue("website", "people.links.invalid");
            } else {
                website = link.get();
            }
        }
        return new Checked(type.orElse(OrganisationType.OTHER), countries, website);
    }

    Optional<OrganisationRow> named(String name) {
        return jdbc.sql(SELECT + " WHERE lower(o.name) = lower(:name)")
                .param("name", name == null ? "" : name.strip())
                .query(Organisations::row)
                .optional();
    }

    boolean nameTaken(String name, Long except) {
        return jdbc.sql("SELECT count(*) FROM people_organisation WHERE lower(name) = lower(:name) AND id <> :self")
                        .param("name", name)
                        .param("self", except == null ? -1L : except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Finds the description's language, hands it to translation, and indexes name and description for search. */
    private void describe(long id, OrganisationForm form, AccountId author) {
        String language = "und";
        if (!form.description().isEmpty()) {
            List<String> declared = new ArrayList<>(form.languages());
            accounts.readingLanguages(author).stream()
                    .filter(l -> !declared.contains(l))
                    .forEach(declared::add);
            language = detection.detect(form.description(), declared).tag();
            translations.register(new TextRef(DESCRIPTION, id), form.description(), language, null);
        } else {
            translations.forget(new TextRef(DESCRIPTION, id));
        }
        jdbc.sql(
                        """
                        UPDATE people_organisation SET description_language = :l,
                            search_vector = setweight(to_tsvector('simple', name), 'A')
                                || setweight(to_tsvector(CAST(:config AS regconfig), name), 'A')
                                || to_tsvector(CAST(:config AS regconfig), description)
                                || to_tsvector('simple', description)
                        WHERE id = :id
                        """)
                .param("l", language)
                .param("config", TextSearchConfigurations.of(language))
                .param("id", id)
                .update();
    }

    // ----- members

    List<Membership> members(long organisation) {
        List<Membership> rows = jdbc.sql(
                        """
                        SELECT account_id, role, status FROM people_membership WHERE organisation_id = :o
                        ORDER BY role, created_at, account_id
                        """)
                .param("o", organisation)
                .query((rs, n) -> new Membership(
                        rs.getLong(1), null, Role.valueOf(rs.getString(2)), Status.valueOf(rs.getString(3)), false))
                .list();
        Map<AccountId, String> names = accounts.displayNames(
                rows.stream().map(m -> new AccountId(m.accountId())).toList());
        var withProfile =
                profiles.withProfile(rows.stream().map(Membership::accountId).toList());
        return rows.stream()
                .filter(m -> names.containsKey(new AccountId(m.accountId())))
                .map(m -> new Membership(
                        m.accountId(),
                        names.get(new AccountId(m.accountId())),
                        m.role(),
                        m.status(),
                        withProfile.contains(m.accountId())))
                .toList();
    }

    Optional<Membership> membership(long organisation, AccountId account) {
        return jdbc.sql("SELECT role, status FROM people_membership WHERE organisation_id = :o AND account_id = :a")
                .param("o", organisation)
                .param("a", account.value())
                .query((rs, n) -> new Membership(
                        account.value(), null, Role.valueOf(rs.getString(1)), Status.valueOf(rs.getString(2)), false))
                .optional();
    }

    boolean isAdmin(long organisation, Optional<AccountId> account) {
        return account.flatMap(a -> membership(organisation, a))
                .map(Membership::activeAdmin)
                .orElse(false);
    }

    /** The organisations where the person is an active admin, by name. */
    List<OrganisationRow> administeredBy(AccountId account) {
        return jdbc.sql(
                        SELECT
                                + """
                         WHERE o.id IN (SELECT organisation_id FROM people_membership
                                         WHERE account_id = :a AND role = 'ADMIN' AND status = 'ACTIVE')
                         ORDER BY lower(o.name)
                        """)
                .param("a", account.value())
                .query(Organisations::row)
                .list();
    }

    List<OwnMembership> of(AccountId account) {
        return jdbc.sql(
                        """
                        SELECT o.id, o.name, m.role, m.status FROM people_membership m
                          JOIN people_organisation o ON o.id = m.organisation_id
                         WHERE m.account_id = :a ORDER BY lower(o.name)
                        """)
                .param("a", account.value())
                .query((rs, n) -> new OwnMembership(
                        rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)), Status.valueOf(rs.getString(4))))
                .list();
    }

    /** An admin invites someone by display name; the refusal's message key, or empty when done. */
    @Transactional
    Optional<String> invite(long organisation, String displayName) {
        Optional<AccountId> invited = accounts.withDisplayName(displayName == null ? "" : displayName.strip());
        if (invited.isEmpty()) {
            return Optional.of("organisation.invite.unknown");
        }
        Optional<Membership> existing = membership(organisation, invited.get());
        if (existing.isPresent()) {
            if (existing.get().status() == Status.REQUESTED) {
                setStatus(organisation, invited.get(), Status.ACTIVE);
                return Optional.empty();
            }
            return Optional.of("organisation.invite.already");
        }
        insert(organisation, invited.get(), Status.INVITED);
        return Optional.empty();
    }

    /** The person asks to join, or accepts an invitation. */
    @Transactional
    void join(long organisation, AccountId account) {
        Optional<Membership> existing = membership(organisation, account);
        if (existing.isEmpty()) {
            insert(organisation, account, Status.REQUESTED);
        } else if (existing.get().status() == Status.INVITED) {
            setStatus(organisation, account, Status.ACTIVE);
        }
    }

    /** An admin approves a request to join. */
    @Transactional
    void approve(long organisation, AccountId account) {
        membership(organisation, account)
                .filter(m -> m.status() == Status.REQUESTED)
                .ifPresent(m -> setStatus(organisation, account, Status.ACTIVE));
    }

    @Transactional
    void makeAdmin(long organisation, AccountId account) {
        jdbc.sql(
                        """
                        UPDATE people_membership SET role = 'ADMIN'
                        WHERE organisation_id = :o AND account_id = :a AND status = 'ACTIVE'
                        """)
                .param("o", organisation)
                .param("a", account.value())
                .update();
    }

    /**
     * Ends a membership, a request or an invitation (the person leaving, or an admin removing them); refused with a
     * message key when it would leave the organisation without an admin.
     */
    @Transactional
    Optional<String> remove(long organisation, AccountId account) {
        Optional<Membership> existing = membership(organisation, account);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (existing.get().activeAdmin() && activeAdmins(organisation) <= 1) {
            return Optional.of("organisation.lastAdmin");
        }
        jdbc.sql("DELETE FROM people_membership WHERE organisation_id = :o AND account_id = :a")
                .param("o", organisation)
                .param("a", account.value())
                .update();
        return Optional.empty();
    }

    /**
     * A deleted account leaves every organisation; one left without an admin gets its longest-standing member as
     * admin, so that nobody is locked out of it.
     */
    void forget(AccountId account) {
        List<Long> administered = jdbc.sql(
                        """
                        DELETE FROM people_membership WHERE account_id = :a RETURNING organisation_id
                        """)
                .param("a", account.value())
                .query(Long.class)
                .list();
        for (long organisation : administered) {
            if (activeAdmins(organisation) == 0) {
                jdbc.sql(
                                """
                                UPDATE people_membership SET role = 'ADMIN'
                                WHERE (organisation_id, account_id) = (
                                    SELECT organisation_id, account_id FROM people_membership
                                     WHERE organisation_id = :o AND status = 'ACTIVE'
                                     ORDER BY created_at, account_id LIMIT 1)
                                """)
                        .param("o", organisation)
                        .update();
            }
        }
    }

    /** The accounts of the active members of some organisations. */
    List<AccountId> activeMembers(Collection<Long> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql(
                        """
                        SELECT DISTINCT account_id FROM people_membership
                         WHERE organisation_id IN (:o) AND status = 'ACTIVE'
                        """)
                .param("o", List.copyOf(organisations))
                .query(Long.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList();
    }

    private int activeAdmins(long organisation) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM people_membership
                         WHERE organisation_id = :o AND role = 'ADMIN' AND status = 'ACTIVE'
                        """)
                .param("o", organisation)
                .query(Integer.class)
                .single();
    }

    private void insert(long organisation, AccountId account, Status status) {
        jdbc.sql(
                        """
                        INSERT INTO people_membership (organisation_id, account_id, role, status)
                        VALUES (:o, :a, 'MEMBER', :s) ON CONFLICT DO NOTHING
                        """)
                .param("o", organisation)
                .param("a", account.value())
                .param("s", status.name())
                .update();
    }

    private void setStatus(long organisation, AccountId account, Status status) {
        jdbc.sql("UPDATE people_membership SET status = :s WHERE organisation_id = :o AND account_id = :a")
                .param("s", status.name())
                .param("o", organisation)
                .param("a", account.value())
                .update();
    }

    static OrganisationRow row(ResultSet rs, int n) throws SQLException {
        return new OrganisationRow(
                rs.getLong("id"),
                rs.getString("name"),
                OrganisationType.parse(rs.getString("type")).orElse(OrganisationType.OTHER),
                Profiles.strings(rs.getArray("countries")),
                Profiles.strings(rs.getArray("regions")),
                Profiles.strings(rs.getArray("themes")),
                Profiles.strings(rs.getArray("languages")),
                rs.getString("website"),
                rs.getString("description"),
                rs.getString("description_language"),
                rs.getInt("member_count"));
    }
}
