package org.polyphony.translation;

import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Translations by volunteers, kept as corrections by people are ({@code translation_review}, marked as made by a
 * volunteer): shown instead of the machine's, and no longer shown once the author edits the original. Every check is
 * here, so that the form and any other caller refuse the same things.
 */
@Service
public class PersonTranslations {

    /** A translation may be longer than its original (scripts differ), but not more than this many times. */
    static final int MAX_GROWTH = 10;

    static final int MAX_LENGTH = 20_000;

    /** The original of a text and the person's translation of it into a language, if one is current. */
    record Current(
            TextRef ref,
            String language,
            String original,
            String target,
            String personText,
            boolean personTextCurrent,
            Long translatorId,
            boolean byVolunteer,
            int confirmations) {}

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final TranslatableTextOwners owners;
    private final ApplicationEventPublisher events;

    PersonTranslations(
            JdbcClient jdbc, Volunteers volunteers, TranslatableTextOwners owners, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.owners = owners;
        this.events = events;
    }

    Optional<Current> current(TextRef ref, String target) {
        return jdbc.sql(
                        """
                        SELECT s.language, s.text, r.text, r.content_hash = s.content_hash, r.reviewer_id,
                               coalesce(r.by_volunteer, false),
                               (SELECT count(*) FROM translation_confirmation c
                                WHERE c.kind = s.kind AND c.content_id = s.content_id AND c.target = :t
                                  AND c.review_text = r.text)
                        FROM translation_source s
                        LEFT JOIN translation_review r ON r.kind = s.kind AND r.content_id = s.content_id
                                                      AND r.target = :t
                        WHERE s.kind = :k AND s.content_id = :id
                        """)
                .param("t", target)
                .param("k", ref.kind())
                .param("id", ref.id())
                .query((rs, n) -> new Current(
                        ref,
                        rs.getString(1),
                        rs.getString(2),
                        target,
                        rs.getString(3),
                        rs.getBoolean(4),
                        (Long) rs.getObject(5),
                        rs.getBoolean(6),
                        rs.getInt(7)))
                .optional();
    }

    /**
     * Keeps a volunteer's translation of a text, or says why not (a message key of the {@code volunteers} bundle):
     * the text is gone or hidden, the pair is not theirs, the translation is empty, the original itself, unchanged,
     * or far longer than the original.
     */
    @Transactional
    public Optional<String> translate(TextRef ref, String target, String text, AccountId volunteer) {
        Optional<Current> found = current(ref, target);
        if (found.isEmpty() || owners.address(ref).isEmpty()) {
            return Optional.of("volunteers.translate.gone");
        }
        Current current = found.get();
        Optional<String> problem = problem(current, text, volunteer);
        if (problem.isPresent()) {
            return problem;
        }
        boolean improving = current.personText() != null && current.personTextCurrent();
        jdbc.sql(
                        """
                        INSERT INTO translation_review (kind, content_id, target, text, content_hash, reviewer_id,
                                                        search_config, by_volunteer)
                        SELECT kind, content_id, :t, :text, content_hash, :r, CAST(:config AS regconfig), true
                        FROM translation_source WHERE kind = :k AND content_id = :id
                        ON CONFLICT (kind, content_id, target) DO UPDATE
                        SET text = :text, content_hash = EXCLUDED.content_hash, reviewer_id = :r,
                            reviewed_at = now(), by_volunteer = true
                        """)
                .param("t", target)
                .param("text", text.strip())
                .param("r", volunteer.value())
                .param("config", org.polyphony.languages.TextSearchConfigurations.of(target))
                .param("k", ref.kind())
                .param("id", ref.id())
                .update();
        // what was asked for is done; flags of the machine translation are answered by a person's
        jdbc.sql("DELETE FROM translation_request WHERE kind = :k AND content_id = :id AND target = :t")
                .param("k", ref.kind())
                .param("id", ref.id())
                .param("t", target)
                .update();
        volunteers.recordContribution(volunteer, ref, target, improving ? "IMPROVED" : "TRANSLATED");
        // shown instead of the machine's from now on: pages that keep texts ready (a consultation's draft) reload
        events.publishEvent(new TranslationReady(ref, target));
        return Optional.empty();
    }

    private Optional<String> problem(Current current, String text, AccountId volunteer) {
        if (current.target().equals(current.language())) {
            return Optional.of("volunteers.translate.sameLanguage");
        }
        if (!volunteers.choices(volunteer).declared(current.language(), current.target())) {
            return Optional.of("volunteers.translate.notYourPair");
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return Optional.of("volunteers.translate.empty");
        }
        if (stripped.equals(current.original().strip())) {
            return Optional.of("volunteers.translate.sameAsOriginal");
        }
        if (current.personTextCurrent() && stripped.equals(current.personText())) {
            return Optional.of("volunteers.translate.unchanged");
        }
        if (stripped.length() > MAX_LENGTH
                || stripped.length()
                        > MAX_GROWTH * Math.max(current.original().strip().length(), 1)) {
            return Optional.of("volunteers.translate.tooLong");
        }
        return Optional.empty();
    }

    /**
     * A moderator needs a text in a language before deciding on it: it goes first in the queue of that pair's
     * volunteers until a person translates it.
     */
    public void ask(TextRef ref, String target, AccountId moderator) {
        jdbc.sql(
                        """
                        INSERT INTO translation_request (kind, content_id, target, requested_by)
                        SELECT kind, content_id, :t, :m FROM translation_source WHERE kind = :k AND content_id = :id
                        ON CONFLICT DO NOTHING
                        """)
                .param("k", ref.kind())
                .param("id", ref.id())
                .param("t", target)
                .param("m", moderator.value())
                .update();
    }

    /** Of these texts, those a moderator asked people to translate (into any language), still waiting. */
    public java.util.Set<Long> requested(String kind, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql(
                        "SELECT DISTINCT content_id FROM translation_request WHERE kind = :k AND content_id = ANY(:ids)")
                .param("k", kind)
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /** Another volunteer of the pair says the current person's translation is right; or why not. */
    @Transactional
    public Optional<String> confirm(TextRef ref, String target, AccountId volunteer) {
        Optional<Current> found = current(ref, target);
        if (found.isEmpty() || owners.address(ref).isEmpty()) {
            return Optional.of("volunteers.translate.gone");
        }
        Current current = found.get();
        if (!volunteers.choices(volunteer).declared(current.language(), target)) {
            return Optional.of("volunteers.translate.notYourPair");
        }
        if (current.personText() == null || !current.personTextCurrent()) {
            return Optional.of("volunteers.confirm.nothing");
        }
        if (current.translatorId() != null && current.translatorId() == volunteer.value()) {
            return Optional.of("volunteers.confirm.own");
        }
        int added = jdbc.sql(
                        """
                        INSERT INTO translation_confirmation (kind, content_id, target, account_id, review_text)
                        VALUES (:k, :id, :t, :a, :text)
                        ON CONFLICT (kind, content_id, target, account_id) DO UPDATE
                        SET review_text = :text, confirmed_at = now()
                        WHERE translation_confirmation.review_text <> :text
                        """)
                .param("k", ref.kind())
                .param("id", ref.id())
                .param("t", target)
                .param("a", volunteer.value())
                .param("text", current.personText())
                .update();
        if (added == 0) {
            return Optional.of("volunteers.confirm.already");
        }
        volunteers.recordContribution(volunteer, ref, target, "CONFIRMED");
        return Optional.empty();
    }
}
