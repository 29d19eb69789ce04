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

    static final int PAGE_SIZE = 25;

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

    /** A page of candidates, its number (from 1) and how many pages there are. */
    public record CandidatePage(List<Candidate> candidates, int number, int pages, long total) {}

    /**
     * A page of an opportunity's candidates: interested ones first (by score, then number), then the index's best
     * rows in its order (score, then number). A worker who expressed interest stays a candidate whatever their score,
     * as long as their profile is not paused. {@value #PAGE_SIZE} a page: a phone on a slow link gets a page it can
     * load, and only those candidates are read and explained.
     */
    CandidatePage page(Opportunity opportunity, int requested) {
        Map<Long, Interests.Interest> interested = interests.inOpportunity(opportunity.id());
        List<Candidate> first = explained(opportunity, interested.keySet(), interested).stream()
                .sorted(Comparator.comparing((Candidate c) -> -c.match().score())
                        .thenComparing(Candidate::number))
                .toList();
        long total = first.size() + matches.countExcept(opportunity.id(), interested.keySet());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.max(1, Math.min(requested, pages));
        int offset = (number - 1) * PAGE_SIZE;
        List<Candidate> shown = new java.util.ArrayList<>(
                first.subList(Math.min(offset, first.size()), Math.min(offset + PAGE_SIZE, first.size())));
        if (shown.size() < PAGE_SIZE) {
            // the index's rows after the interested ones, in the index's order
            List<Long> best = matches.bestExcept(
                    opportunity.id(),
                    interested.keySet(),
                    PAGE_SIZE - shown.size(),
                    Math.max(0, offset - first.size()));
            Map<Long, Candidate> byProfile = new java.util.HashMap<>();
            List<SkillsProfile> active = profiles.active(new LinkedHashSet<>(best));
            for (SkillsProfile profile : active) {
                Matching.match(profile.worker(), opportunity.offer())
                        .filter(Matching::candidate)
                        .ifPresent(match -> byProfile.put(profile.id(), candidate(opportunity, profile, match, null)));
            }
            best.stream().map(byProfile::get).filter(java.util.Objects::nonNull).forEach(shown::add);
        }
        return new CandidatePage(shown, number, pages, total);
    }

    /** The page asked for in an address: anything that is not a page number is the first page. */
    static int pageNumber(String typed) {
        return typed != null && typed.matches("[1-9]\\d{0,5}") ? Integer.parseInt(typed) : 1;
    }

    private List<Candidate> explained(
            Opportunity opportunity, Set<Long> ids, Map<Long, Interests.Interest> interested) {
        return profiles.active(ids).stream()
                .map(profile -> candidate(
                        opportunity,
                        profile,
                        Matching.match(profile.worker(), opportunity.offer()).orElse(new Matching.Match(0, List.of())),
                        interested.get(profile.id())))
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
