package org.polyphony.translation;

import org.polyphony.accounts.AccountDirectory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators see the providers, which language pairs they offer and whether they send text off the server,
 * switch them on and off, and see and retry the jobs that failed, with their errors.
 */
@Controller
class TranslationAdminController {

    private final TranslationRoutes routes;
    private final ProviderSwitches switches;
    private final TranslationJobs jobs;
    private final TranslationWorker worker;
    private final AccountDirectory accounts;
    private final LanguageGaps gaps;
    private final TranslationFlags flags;

    TranslationAdminController(
            LanguageGaps gaps,
            TranslationFlags flags,
            TranslationRoutes routes,
            ProviderSwitches switches,
            TranslationJobs jobs,
            TranslationWorker worker,
            AccountDirectory accounts) {
        this.routes = routes;
        this.switches = switches;
        this.jobs = jobs;
        this.worker = worker;
        this.accounts = accounts;
        this.gaps = gaps;
        this.flags = flags;
    }

    @GetMapping("/admin/translation")
    String page(Model model) {
        model.addAttribute(
                "providers",
                routes.providers().stream()
                        .map(p -> new TranslationViews.ProviderRow(
                                p.name(),
                                p.keepsTextOnServer(),
                                switches.enabled(p),
                                p.pairs().stream()
                                        .map(LanguagePair::toString)
                                        .sorted()
                                        .toList()))
                        .toList());
        model.addAttribute("counts", jobs.countsByStatus());
        model.addAttribute(
                "failed",
                jobs.failedJobs(100).stream()
                        .map(f -> new TranslationViews.FailedRow(
                                f.id(), f.ref().kind(), f.ref().id(), f.target(), f.attempts(), f.error()))
                        .toList());
        model.addAttribute("gaps", gaps.gaps());
        model.addAttribute("flagCounts", flags.byProviderAndPair());
        return "translation/admin";
    }

    @PostMapping("/admin/translation/providers/{name}")
    String switchProvider(@PathVariable String name, @RequestParam("enabled") boolean enabled) {
        routes.providers().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("no such provider"));
        long administrator = accounts.signedIn().orElseThrow().value();
        switches.set(name, enabled, administrator);
        return "redirect:/admin/translation";
    }

    @PostMapping("/admin/translation/jobs/{id}/retry")
    String retry(@PathVariable long id) {
        jobs.retry(id);
        worker.wake();
        return "redirect:/admin/translation#failed";
    }

    @PostMapping("/admin/translation/jobs/retry-all")
    String retryAll() {
        jobs.failedJobs(10_000).forEach(f -> jobs.retry(f.id()));
        worker.wake();
        return "redirect:/admin/translation#failed";
    }
}
