package org.polyphony.skills;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The candidates of an opportunity as its organisation sees them: an anonymous number, the score and the
 * explanation of the match, and nothing else until the worker expresses interest; then exactly what the worker
 * chose to share. Also the other side: the opportunities that match a worker's profile.
 */
@Service
public class Candidates {

    static final int LIST_LIMIT = 100;

    /** What a worker chose to share; a field they did not choose is null or empty. */
    public record Shared(
            String displayName,
            List<String> occupations,
            List<String> skills,
            List<LanguageLevel> languages,
            List<SkillsProfile.Qualification> qualifications,
            Integer years,
            String lookingFor) {}

    public record Candidate(String number, Matching.Match match, boolean interested, boolean placed, Shared shared) {}

    public record WorkerMatch(Opportunity opportunity, Matching.Match match, Optional<Interests.Interest> interest) {}

    private final SkillsProfiles profiles;
    private final Interests interests;
    private final CandidateNumbers numbers;
    private final AccountDirectory accounts;
    private final JdbcClient jdbc;
    private final MatchIndex matches;
    private final Opportunities opportunities;

    Candidates(
            MatchIndex matches,
            Opportunities opportunities,
            SkillsProfiles profiles,
            Interests interests,
            CandidateNumbers numbers,
            AccountDirectory accounts,
            JdbcClient jdbc) {
        this.matches = matches;
        this.opportunities = opportunities;
        this.profiles = profiles;
        this.interests = interests;
        this.numbers = numbers;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /**
     * The best candidates of an opportunity, interested ones first, then by score. A worker who expressed interest
     * stays a candidate whatever their score, as long as their profile is not paused.
     */
    List<Candidate> of(Opportunity opportunity) {
        Map<Long, Interests.Interest> interested = interests.inOpportunity(opportunity.id());
        // the index gives the best candidates; only they (and the interested) are read and explained
        Set<Long> ids = new LinkedHashSet<>(interested.keySet());
        ids.addAll(matches.best(opportunity.id(), LIST_LIMIT));
        return profiles.active(ids).stream()
                .flatMap(profile -> Matching.match(profile.worker(), opportunity.offer())
                        .or(() -> Optional.of(new Matching.Match(0, List.of())))
                        .filter(match -> Matching.candidate(match) || interested.containsKey(profile.id()))
                        .map(match -> candidate(opportunity, profile, match, interested.get(profile.id())))
                        .stream())
                .sorted(Comparator.comparing((Candidate c) -> !c.interested())
                        .thenComparing(c -> -c.match().score())
                        .thenComparing(Candidate::number))
                .limit(LIST_LIMIT)
                .toList();
    }

    /** How many workers are candidates of an opportunity, as the index holds them. */
    long count(Opportunity opportunity) {
        return matches.count(opportunity.id());
    }

    /**
     * The profile behind a candidate number the organisation sees in its list now: a candidate of the index or an
     * interested worker. Only for writing to them under that number; nothing of the profile goes back.
     */
    Optional<Long> profileBehind(Opportunity opportunity, String number) {
        return matches.profileOf(opportunity.id(), number).or(() -> interestedProfile(opportunity, number));
    }

    /** The profile behind a candidate number, only when that candidate expressed interest in this opportunity. */
    Optional<Long> interestedProfile(Opportunity opportunity, String number) {
        return interests.inOpportunity(opportunity.id()).keySet().stream()
                .flatMap(id -> profiles.byId(id).stream())
                .filter(profile -> numbers.of(opportunity.id(), profile).equals(number))
                .map(SkillsProfile::id)
                .findFirst();
    }

    /**
     * The open opportunities that match a worker's profile, best first: read from the match index (their
     * candidacies) and their interests, so only those are loaded and explained. A paused profile has no rows in
     * the index; its worker can still read what would match, scored here against the open opportunities given.
     */
    List<WorkerMatch> forWorker(SkillsProfile profile, Supplier<List<Opportunity>> allOpen) {
        Map<Long, Interests.Interest> mine = interests.ofProfile(profile.id());
        List<Opportunity> open;
        if (profile.paused()) {
            open = allOpen.get();
        } else {
            Set<Long> ids = new LinkedHashSet<>();
            matches.ofProfile(profile.id()).forEach(candidacy -> ids.add(candidacy.opportunity()));
            ids.addAll(mine.keySet());
            open = opportunities.openAmong(ids);
        }
        Matching.Worker worker = profile.worker();
        return open.stream()
                .flatMap(opportunity -> Matching.match(worker, opportunity.offer())
                        .filter(match -> Matching.candidate(match) || mine.containsKey(opportunity.id()))
                        .map(match ->
                                new WorkerMatch(opportunity, match, Optional.ofNullable(mine.get(opportunity.id()))))
                        .stream())
                .sorted(Comparator.comparing((WorkerMatch m) -> -m.match().score())
                        .thenComparing(m -> -m.opportunity().id()))
                .toList();
    }

    /** The candidates of each of these opportunities as the index holds them, in one query. */
    Map<Long, Long> counts(List<Opportunity> opportunities) {
        return matches.counts(opportunities.stream().map(Opportunity::id).toList());
    }

    private Candidate candidate(
            Opportunity opportunity, SkillsProfile profile, Matching.Match full, Interests.Interest interest) {
        String number = numbers.of(opportunity.id(), profile);
        Matching.Match match = full.forOrganisation();
        if (interest == null) {
            return new Candidate(number, match, false, false, null);
        }
        return new Candidate(number, match, true, interest.placed(), shared(profile, interest));
    }

    private Shared shared(SkillsProfile summary, Interests.Interest interest) {
        SkillsProfile profile = profiles.byId(summary.id()).orElse(summary);
        var chosen = interest.shared();
        String name = null;
        if (chosen.contains("name")) {
            name = jdbc.sql("SELECT account_id FROM skills_profile WHERE id = :p")
                    .param("p", profile.id())
                    .query(Long.class)
                    .optional()
                    .map(AccountId::new)
                    .map(account -> accounts.displayNames(List.of(account)).get(account))
                    .orElse(null);
        }
        return new Shared(
                name,
                chosen.contains("occupations") ? profile.occupations() : List.of(),
                chosen.contains("skills") ? profile.skills() : List.of(),
                chosen.contains("languages") ? profile.languages() : List.of(),
                chosen.contains("qualifications") ? profile.qualifications() : List.of(),
                chosen.contains("experience") ? profile.years() : null,
                chosen.contains("lookingFor") ? profile.lookingFor() : null);
    }
}
