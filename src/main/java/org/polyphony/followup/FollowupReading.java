package org.polyphony.followup;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.polyphony.languages.Countries;
import org.polyphony.people.PeopleManagement;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.stereotype.Component;

/** Puts together what pages, the API and exports show of commitments: who committed, the claim and its standing. */
@Component
public class FollowupReading {

    /** A commitment with its committer's name, latest claimed level (null before any update) and standing. */
    public record CommitmentSummary(
            Commitment commitment,
            String committer,
            CompletionLevel claimed,
            Standing standing,
            boolean overdue,
            int updates) {}

    public record ReactionView(Reaction reaction, String organisation, List<Evidence> evidence) {}

    public record UpdateView(
            ProgressUpdate update,
            Shown text,
            String organisation,
            List<Evidence> evidence,
            List<ReactionView> reactions,
            Standing standing) {}

    private final CommitmentStore store;
    private final PeopleManagement people;
    private final Translations translations;

    FollowupReading(CommitmentStore store, PeopleManagement people, Translations translations) {
        this.store = store;
        this.people = people;
        this.translations = translations;
    }

    List<CommitmentSummary> summaries(Collection<Long> recommendations, Locale locale) {
        List<Commitment> commitments = store.commitmentsOf(recommendations);
        List<ProgressUpdate> updates =
                store.updatesOf(commitments.stream().map(Commitment::id).toList());
        Map<Long, List<ProgressUpdate>> byCommitment =
                updates.stream().collect(Collectors.groupingBy(ProgressUpdate::commitmentId));
        List<Reaction> reactions =
                store.reactionsTo(updates.stream().map(ProgressUpdate::id).toList());
        Map<Long, String> names = people.organisationNames(commitments.stream()
                .map(Commitment::organisationId)
                .filter(id -> id != null)
                .toList());
        return commitments.stream()
                .map(c -> {
                    List<ProgressUpdate> own = byCommitment.getOrDefault(c.id(), List.of());
                    ProgressUpdate latest = own.isEmpty() ? null : own.getLast();
                    return new CommitmentSummary(
                            c,
                            committer(c, names, locale),
                            latest == null ? null : latest.level(),
                            latest == null ? null : standing(latest, reactions),
                            overdue(c, latest),
                            own.size());
                })
                .toList();
    }

    List<UpdateView> updates(Commitment commitment, List<String> readerLanguages) {
        List<ProgressUpdate> updates = store.updatesOf(List.of(commitment.id()));
        List<Reaction> reactions =
                store.reactionsTo(updates.stream().map(ProgressUpdate::id).toList());
        List<Evidence> evidence = store.evidenceOf(
                updates.stream().map(ProgressUpdate::id).toList(),
                reactions.stream().map(Reaction::id).toList());
        Map<Long, String> names = people.organisationNames(Stream.concat(
                        Stream.ofNullable(commitment.organisationId()),
                        reactions.stream().map(Reaction::organisationId))
                .toList());
        Map<TextRef, Shown> shown = translations.shown(
                Progress.UPDATE_TEXT, updates.stream().map(ProgressUpdate::id).toList(), readerLanguages);
        return updates.stream()
                .map(u -> new UpdateView(
                        u,
                        shown.getOrDefault(
                                new TextRef(Progress.UPDATE_TEXT, u.id()),
                                new Shown(
                                        Shown.State.ORIGINAL, u.body(), u.language(), u.language(), null, null, false)),
                        commitment.organisationId() == null ? null : names.get(commitment.organisationId()),
                        evidence.stream()
                                .filter(e -> Long.valueOf(u.id()).equals(e.updateId()))
                                .toList(),
                        reactions.stream()
                                .filter(r -> r.updateId() == u.id())
                                .map(r -> new ReactionView(
                                        r,
                                        names.getOrDefault(r.organisationId(), "—"),
                                        evidence.stream()
                                                .filter(e ->
                                                        Long.valueOf(r.id()).equals(e.reactionId()))
                                                .toList()))
                                .toList(),
                        standing(u, reactions)))
                .toList();
    }

    static Standing standing(ProgressUpdate update, List<Reaction> reactions) {
        long contests = reactions.stream()
                .filter(r -> r.updateId() == update.id() && r.stance() == Reaction.Stance.CONTEST)
                .count();
        long confirmations = reactions.stream()
                .filter(r -> r.updateId() == update.id() && r.stance() == Reaction.Stance.CONFIRM)
                .count();
        return Standing.of(update.verified(), contests, confirmations);
    }

    /** Overdue: the due date passed and the commitment is neither complete nor withdrawn. */
    static boolean overdue(Commitment commitment, ProgressUpdate latest) {
        return commitment.dueOn().isBefore(LocalDate.now())
                && (latest == null
                        || (latest.level() != CompletionLevel.COMPLETE && latest.level() != CompletionLevel.WITHDRAWN));
    }

    private static String committer(Commitment c, Map<Long, String> names, Locale locale) {
        return c.organisationId() == null
                ? Countries.name(c.stateCountry(), locale)
                : names.getOrDefault(c.organisationId(), "—");
    }
}
