package org.polyphony.notifications;

import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.web.LocalPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's notifications, what they follow, and their digest choice. */
@Controller
class NotificationsController {

    private final Notifications notifications;
    private final AccountDirectory accounts;
    private final JdbcClient jdbc;

    NotificationsController(Notifications notifications, AccountDirectory accounts, JdbcClient jdbc) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(name = "saved", required = false) String saved, Model model, java.util.Locale locale) {
        AccountId me = signedIn();
        model.addAttribute("notifications", notifications.latest(me));
        model.addAttribute("others", notifications.others(me, locale));
        model.addAttribute("frequency", frequency(me));
        model.addAttribute("frequencies", java.util.List.of(DigestFrequency.values()));
        model.addAttribute(
                "hasEmail", accounts.contact(me).map(c -> c.email() != null).orElse(false));
        model.addAttribute("saved", "digest".equals(saved));
        return "notifications/notifications";
    }

    @PostMapping("/notifications/read")
    String markRead() {
        notifications.markAllRead(signedIn());
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/digest")
    String digest(@RequestParam("frequency") DigestFrequency frequency) {
        jdbc.sql(
                        """
                        INSERT INTO notifications_digest (account_id, frequency) VALUES (:a, :f)
                        ON CONFLICT (account_id) DO UPDATE SET frequency = EXCLUDED.frequency
                        """)
                .param("a", signedIn().value())
                .param("f", frequency.name())
                .update();
        return "redirect:/notifications?saved=digest";
    }

    @PostMapping("/follow")
    String follow(
            @RequestParam("type") String type,
            @RequestParam("id") long id,
            @RequestParam(name = "return", defaultValue = "/") String returnTo) {
        if (!type.equals("THREAD") && !type.equals("SESSION")) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        notifications.toggleFollow(signedIn(), type, id);
        return "redirect:" + LocalPath.orHome(returnTo);
    }

    @GetMapping({"/notifications/read", "/notifications/digest", "/follow"})
    String backToList() {
        return "redirect:/notifications";
    }

    private DigestFrequency frequency(AccountId account) {
        return jdbc.sql("SELECT frequency FROM notifications_digest WHERE account_id = :a")
                .param("a", account.value())
                .query(String.class)
                .optional()
                .map(DigestFrequency::valueOf)
                .orElse(DigestFrequency.NONE);
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in to see notifications"));
    }
}
