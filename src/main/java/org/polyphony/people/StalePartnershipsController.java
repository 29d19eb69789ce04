package org.polyphony.people;

import java.time.Duration;
import java.time.Instant;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Partnership requests nobody has answered for a while, for the site's administrators (under {@code /admin/},
 * which only they reach): a request to an organisation whose own admins are gone would otherwise wait forever.
 * They can accept or decline in the organisation's place; both sides are told, as for any decision.
 */
@Controller
class StalePartnershipsController {

    private final Partnerships partnerships;
    private final AccountDirectory accounts;
    private final Duration staleAfter;

    StalePartnershipsController(
            Partnerships partnerships,
            AccountDirectory accounts,
            @Value("${polyphony.people.partnership-stale-after:P14D}") Duration staleAfter) {
        this.partnerships = partnerships;
        this.accounts = accounts;
        this.staleAfter = staleAfter;
    }

    @GetMapping("/admin/partnerships")
    String stale(@RequestParam(name = "done", required = false) String done, Model model) {
        model.addAttribute("requests", partnerships.pendingSince(Instant.now().minus(staleAfter)));
        model.addAttribute("days", staleAfter.toDays());
        model.addAttribute(
                "notice",
                "accepted".equals(done) || "declined".equals(done) ? "safety.partnerships.done." + done : null);
        return "people/stale-partnerships";
    }

    @PostMapping("/admin/partnerships/{id}/{decision}")
    String decide(@PathVariable long id, @PathVariable String decision) {
        AccountId me = accounts.signedIn().orElseThrow(ProfileController::notFound);
        if (!decision.equals("accept") && !decision.equals("decline")) {
            throw ProfileController.notFound();
        }
        Partnership partnership = partnerships
                .find(id)
                .filter(p -> p.status() == Partnership.Status.PENDING)
                .orElseThrow(ProfileController::notFound);
        partnerships.decide(partnership.id(), decision.equals("accept"), me);
        return "redirect:/admin/partnerships?done=" + (decision.equals("accept") ? "accepted" : "declined");
    }
}
