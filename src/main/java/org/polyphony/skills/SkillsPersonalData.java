package org.polyphony.skills;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.springframework.stereotype.Component;

/** The worker's skills profile and interests, in their data download and as the profile's own export. */
@Component
class SkillsPersonalData implements PersonalDataSource {

    private final SkillsProfiles profiles;
    private final Interests interests;
    private final RecruitmentReports reports;
    private final Conversations conversations;

    SkillsPersonalData(
            SkillsProfiles profiles, Interests interests, RecruitmentReports reports, Conversations conversations) {
        this.conversations = conversations;
        this.profiles = profiles;
        this.interests = interests;
        this.reports = reports;
    }

    @Override
    public String section() {
        return "skills";
    }

    @Override
    public Object dataOf(AccountId account) {
        List<Map<String, Object>> reported = reports.by(account);
        Object profileData = profileOf(account);
        if (profileData == null && reported.isEmpty()) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", profileData);
        data.put("reports", reported);
        return data;
    }

    private Object profileOf(AccountId account) {
        return profiles.of(account)
                .map(profile -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("paused", profile.paused());
                    data.put("occupations", profile.occupations());
                    data.put("skills", profile.skills());
                    data.put(
                            "languages",
                            profile.languages().stream()
                                    .map(LanguageLevel::code)
                                    .toList());
                    data.put(
                            "qualifications",
                            profile.qualifications().stream()
                                    .map(q -> Map.of(
                                            "title", q.title(), "country", q.country(), "recognised", q.recognised()))
                                    .toList());
                    data.put("yearsOfExperience", profile.years());
                    data.put("workCountries", profile.workCountries());
                    data.put("workRegions", profile.workRegions());
                    data.put(
                            "availableFrom",
                            profile.availableFrom() == null
                                    ? null
                                    : profile.availableFrom().toString());
                    data.put("lookingFor", profile.lookingFor());
                    List<Map<String, Object>> interested = interests.ofProfile(profile.id()).values().stream()
                            .map(interest -> Map.<String, Object>of(
                                    "opportunity", interest.opportunity(),
                                    "shared",
                                            interest.shared().stream().sorted().toList(),
                                    "placed", interest.placed()))
                            .toList();
                    data.put("interests", interested);
                    data.put("conversations", conversations.exportOf(profile.id()));
                    return (Object) data;
                })
                .orElse(null);
    }
}
