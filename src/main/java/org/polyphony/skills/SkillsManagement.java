package org.polyphony.skills;

import org.polyphony.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Keeps the pilot in step with accounts: a deleted account's skills profile and interests go with it. */
@Service
public class SkillsManagement {

    private final SkillsProfiles profiles;
    private final RecruitmentReports reports;

    SkillsManagement(SkillsProfiles profiles, RecruitmentReports reports) {
        this.profiles = profiles;
        this.reports = reports;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        profiles.delete(deleted.account());
        reports.forget(deleted.account());
    }
}
