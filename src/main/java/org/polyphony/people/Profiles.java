package org.polyphony.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.languages.Countries;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.languages.Themes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.Errors;

/** Profiles: kept, checked, and shown to each viewer with only the fields they may see. */
@Service
class Profiles {

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final UploadStore uploads;
    // looked up when needed: the feed's sources depend, through other modules and beans, on profiles
    private final ObjectProvider<Feed> feed;

    Profiles(JdbcClient jdbc, AccountDirectory accounts, UploadStore uploads, ObjectProvider<Feed> feed) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.uploads = uploads;
        this.feed = feed;
    }

    /** A profile's row as stored, for its owner and for filtering. */
    record ProfileRow(
            long accountId,
            String displayName,
            String bio,
            Visibility bioVisibility,
            List<String> languages,
            Visibility languagesVisibility,
            List<String> countries,
            Visibility countriesVisibility,
            List<String> themes,
            Visibility themesVisibility,
            List<String> links,
            Visibility linksVisibility,
            String photoKey,
            Visibility photoVisibility,
            boolean listed) {

        ProfileForm form() {
            return new ProfileForm(
                    bio == null ? "" : bio,
                    bioVisibility.name(),
                    languages,
                    languagesVisibility.name(),
                    countries,
                    countriesVisibility.name(),
                    themes,
                    themesVisibility.name(),
                    String.join("\n", links),
                    linksVisibility.name(),
                    photoVisibility.name(),
                    listed);
        }

        ProfileView viewedBy(Optional<AccountId> viewer) {
            AccountId owner = new AccountId(accountId);
            return new ProfileView(
                    accountId,
                    displayName,
                    bioVisibility.shows(owner, viewer) && bio != null && !bio.isBlank() ? bio : null,
                    languagesVisibility.shows(owner, viewer) ? languages : List.of(),
                    countriesVisibility.shows(owner, viewer) ? countries : List.of(),
                    themesVisibility.shows(owner, viewer) ? themes : List.of(),
                    linksVisibility.shows(owner, viewer) ? links : List.of(),
                    photoKey != null && photoVisibility.shows(owner, viewer),
                    viewer.filter(owner::equals).isPresent());
        }
    }

    /** The profile as its owner saved it; empty when they never did. */
    Optional<ProfileRow> saved(AccountId account) {
        return jdbc.sql("SELECT * FROM people_profile WHERE account_id = :id")
                .param("id", account.value())
                .query(Profiles::row)
                .optional();
    }

    /**
     * The profile as saved or, for someone who has published something anyone may read but saved no profile, one
     * with their name only, so that authors can be followed. Empty for everyone else: walking through account
     * numbers must not list the names of people who never showed themselves.
     */
    Optional<ProfileRow> row(AccountId account) {
        Optional<ProfileRow> saved = saved(account);
        if (saved.isPresent() || !feed.getObject().hasPublished(account)) {
            return saved;
        }
        return nameOnly(account);
    }

    private Optional<ProfileRow> nameOnly(AccountId account) {
        String name = accounts.displayNames(List.of(account)).get(account);
        return Optional.ofNullable(name)
                .map(n -> new ProfileRow(
                        account.value(),
                        n,
                        null,
                        Visibility.PUBLIC,
                        List.of(),
                        Visibility.PUBLIC,
                        List.of(),
                        Visibility.MEMBERS,
                        List.of(),
                        Visibility.PUBLIC,
                        List.of(),
                        Visibility.PUBLIC,
                        null,
                        Visibility.MEMBERS,
                        false));
    }

    /**
     * The profile as {@code viewer} may see it; empty when the person has none (or no longer exists). People always
     * see their own, if only with their name.
     */
    Optional<ProfileView> view(AccountId account, Optional<AccountId> viewer) {
        Optional<ProfileRow> row =
                viewer.filter(account::equals).isPresent() ? saved(account).or(() -> nameOnly(account)) : row(account);
        return row.map(r -> r.viewedBy(viewer));
    }

    /** The form for the person's own profile: what they saved, or the defaults. */
    ProfileForm form(AccountId account) {
        return saved(account)
                .map(ProfileRow::form)
                .orElseGet(() -> new ProfileForm(
                        "",
                        null,
                        accounts.readingLanguages(account),
                        null,
                        List.of(),
                        null,
                        List.of(),
                        null,
                        "",
                        null,
                        null,
                        false));
    }

    /** Checks and saves the person's profile; saves nothing when {@code errors} has any. */
    @Transactional
    boolean save(AccountId account, ProfileForm form, Errors errors) {
        for (String language : form.languages()) {
            if (!ReadingLanguages.isKnown(language)) {
                errors.rejectValue("languages", "people.languages.unknown");
                break;
            }
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
        for (String theme : form.themes()) {
            if (!Themes.isKnown(theme)) {
                errors.rejectValue("themes", "people.themes.unknown");
                break;
            }
        }
        List<String> links = new ArrayList<>();
        if (form.linkList().size() > ProfileForm.MAX_LINKS) {
            errors.rejectValue("links", "people.links.tooMany");
        } else {
            for (String typed : form.linkList()) {
                Optional<String> link = Links.check(typed);
                if (link.isEmpty()) {
                    errors.rejectValue("links", "people.links.invalid");
                    break;
                }
                links.add(link.get());
            }
        }
        if (errors.hasErrors()) {
            return false;
        }
        String name = accounts.displayNames(List.of(account)).get(account);
        jdbc.sql(
                        """
                        INSERT INTO people_profile (account_id, display_name, bio, bio_visibility, languages,
                            languages_visibility, countries, countries_visibility, themes, themes_visibility, links,
                            links_visibility, photo_visibility, listed)
                        VALUES (:id, :name, :bio, :bioV, :languages, :languagesV, :countries, :countriesV, :themes,
                            :themesV, :links, :linksV, :photoV, :listed)
                        ON CONFLICT (account_id) DO UPDATE SET display_name = :name, bio = :bio,
                            bio_visibility = :bioV, languages = :languages, languages_visibility = :languagesV,
                            countries = :countries, countries_visibility = :countriesV, themes = :themes,
                            themes_visibility = :themesV, links = :links, links_visibility = :linksV,
                            photo_visibility = :photoV, listed = :listed, updated_at = now()
                        """)
                .param("id", account.value())
                .param("name", name)
                .param("bio", form.bio().strip().isEmpty() ? null : form.bio().strip())
                .param("bioV", form.visibility("bio").name())
                .param("languages", form.languages().toArray(String[]::new))
                .param("languagesV", form.visibility("languages").name())
                .param("countries", countries.toArray(String[]::new))
                .param("countriesV", form.visibility("countries").name())
                .param("themes", form.themes().toArray(String[]::new))
                .param("themesV", form.visibility("themes").name())
                .param("links", links.toArray(String[]::new))
                .param("linksV", form.visibility("links").name())
                .param("photoV", form.visibility("photo").name())
                .param("listed", form.isListed())
                .update();
        return true;
    }

    /** Keeps a new photo (already resized), replacing and deleting the old one. */
    @Transactional
    void setPhoto(AccountId account, byte[] jpeg) {
        ensureProfile(account);
        String key = uploads.put(jpeg, ".jpg");
        // registered at once: should anything below fail, the new file goes with the transaction
        rollbackDeletes(key);
        String old = jdbc.sql("SELECT photo_key FROM people_profile WHERE account_id = :id FOR UPDATE")
                .param("id", account.value())
                .query(String.class)
                .optional()
                .orElse(null);
        jdbc.sql("UPDATE people_profile SET photo_key = :key, updated_at = now() WHERE account_id = :id")
                .param("key", key)
                .param("id", account.value())
                .update();
        deleteAfterCommit(old);
    }

    @Transactional
    void removePhoto(AccountId account) {
        String old = jdbc.sql("SELECT photo_key FROM people_profile WHERE account_id = :id FOR UPDATE")
                .param("id", account.value())
                .query(String.class)
                .optional()
                .orElse(null);
        jdbc.sql("UPDATE people_profile SET photo_key = NULL WHERE account_id = :id")
                .param("id", account.value())
                .update();
        deleteAfterCommit(old);
    }

    /** The photo's bytes if {@code viewer} may see it. */
    Optional<byte[]> photo(AccountId account, Optional<AccountId> viewer) {
        return saved(account)
                .filter(r -> r.photoKey() != null && r.photoVisibility().shows(account, viewer))
                .flatMap(r -> uploads.get(r.photoKey()));
    }

    /** Whether the photo is public: then browsers may keep it for a few minutes. */
    boolean photoIsPublic(AccountId account) {
        return saved(account).map(r -> r.photoVisibility() == Visibility.PUBLIC).orElse(false);
    }

    /** Forgets a deleted account's profile; its photo file goes once the deletion is committed. */
    void forget(AccountId account) {
        String key = jdbc.sql("DELETE FROM people_profile WHERE account_id = :id RETURNING photo_key")
                .param("id", account.value())
                .query(String.class)
                .optional()
                .orElse(null);
        deleteAfterCommit(key);
    }

    void renamed(AccountId account) {
        String name = accounts.displayNames(List.of(account)).get(account);
        if (name != null) {
            jdbc.sql("UPDATE people_profile SET display_name = :name WHERE account_id = :id")
                    .param("name", name)
                    .param("id", account.value())
                    .update();
        }
    }

    /** Which of these accounts have a profile page. */
    java.util.Set<Long> withProfile(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT account_id FROM people_profile WHERE account_id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(Long.class)
                .list());
    }

    private void ensureProfile(AccountId account) {
        Map<AccountId, String> names = accounts.displayNames(List.of(account));
        jdbc.sql(
                        """
                        INSERT INTO people_profile (account_id, display_name) VALUES (:id, :name)
                        ON CONFLICT (account_id) DO NOTHING
                        """)
                .param("id", account.value())
                .param("name", names.getOrDefault(account, ""))
                .update();
    }

    private void deleteAfterCommit(String key) {
        if (key == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    uploads.delete(key);
                }
            });
        } else {
            uploads.delete(key);
        }
    }

    private void rollbackDeletes(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        uploads.delete(key);
                    }
                }
            });
        }
    }

    static ProfileRow row(ResultSet rs, int n) throws SQLException {
        return new ProfileRow(
                rs.getLong("account_id"),
                rs.getString("display_name"),
                rs.getString("bio"),
                Visibility.parse(rs.getString("bio_visibility"), Visibility.ME),
                strings(rs.getArray("languages")),
                Visibility.parse(rs.getString("languages_visibility"), Visibility.ME),
                strings(rs.getArray("countries")),
                Visibility.parse(rs.getString("countries_visibility"), Visibility.ME),
                strings(rs.getArray("themes")),
                Visibility.parse(rs.getString("themes_visibility"), Visibility.ME),
                strings(rs.getArray("links")),
                Visibility.parse(rs.getString("links_visibility"), Visibility.ME),
                rs.getString("photo_key"),
                Visibility.parse(rs.getString("photo_visibility"), Visibility.ME),
                rs.getBoolean("listed"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
