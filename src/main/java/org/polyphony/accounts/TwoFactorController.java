package org.polyphony.accounts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two-factor sign-in in the account settings: set up with a QR code drawn on the server and the secret as text,
 * confirmed with a first code, then ten recovery codes shown once; turned off with a code. The secret being set up
 * stays in the session until it is confirmed.
 */
@Controller
class TwoFactorController {

    static final String PATH = "/account/two-factor";
    private static final String SETUP_SECRET = "polyphony.two-factor.setup-secret";
    private static final String ISSUER = "Polyphony";

    private final TwoFactor twoFactor;
    private final SignedInAccount signedIn;
    private final RateLimiter limiter;

    TwoFactorController(TwoFactor twoFactor, SignedInAccount signedIn, RateLimiter limiter) {
        this.twoFactor = twoFactor;
        this.signedIn = signedIn;
        this.limiter = limiter;
    }

    @GetMapping(PATH)
    String page(HttpSession session, Model model) {
        AccountUser user = signedIn.current().orElseThrow();
        return show(user, session, model, null, null);
    }

    @PostMapping(PATH)
    String enable(
            @RequestParam(name = "code", defaultValue = "") String code,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        AccountUser user = signedIn.current().orElseThrow();
        if (!allowed(user, response)) {
            return show(user, session, model, "reliability.twofactor.tooMany", null);
        }
        String secret = (String) session.getAttribute(SETUP_SECRET);
        if (secret == null) {
            return "redirect:" + PATH;
        }
        var codes = twoFactor.enable(user.accountId(), Base32.decode(secret), code);
        if (codes.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(user, session, model, "reliability.twofactor.wrongCode", null);
        }
        session.removeAttribute(SETUP_SECRET);
        session.removeAttribute(SignInSuccess.SETUP_REQUIRED);
        return show(user, session, model, null, codes.get());
    }

    @PostMapping(PATH + "/off")
    String disable(
            @RequestParam(name = "code", defaultValue = "") String code,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        AccountUser user = signedIn.current().orElseThrow();
        if (!allowed(user, response)) {
            return show(user, session, model, "reliability.twofactor.tooMany", null);
        }
        var authorities =
                user.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        if (TwoFactor.isStaff(authorities) && twoFactor.requiredForStaff()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(user, session, model, "reliability.twofactor.requiredForYou", null);
        }
        if (!twoFactor.verify(user.accountId(), code)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(user, session, model, "reliability.twofactor.wrongCode", null);
        }
        twoFactor.disable(user.accountId());
        return "redirect:" + PATH;
    }

    private boolean allowed(AccountUser user, HttpServletResponse response) {
        boolean allowed =
                limiter.tryHit("two-factor-settings:" + user.accountId().value(), 10, Duration.ofMinutes(15));
        if (!allowed) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        return allowed;
    }

    private String show(AccountUser user, HttpSession session, Model model, String problem, List<String> newCodes) {
        boolean enabled = twoFactor.isEnabled(user.accountId());
        model.addAttribute("enabled", enabled);
        model.addAttribute("problem", problem);
        model.addAttribute("recoveryCodes", newCodes);
        model.addAttribute("codesLeft", enabled ? twoFactor.recoveryCodesLeft(user.accountId()) : 0);
        model.addAttribute("setupRequired", session.getAttribute(SignInSuccess.SETUP_REQUIRED) != null);
        String secret = null;
        String qr = null;
        if (!enabled) {
            secret = (String) session.getAttribute(SETUP_SECRET);
            if (secret == null) {
                secret = Base32.encode(TwoFactor.newSecret());
                session.setAttribute(SETUP_SECRET, secret);
            }
            qr = QrCodeSvg.of(otpauthUri(user.getUsername(), secret), "QR");
        }
        model.addAttribute("secret", secret == null ? null : grouped(secret));
        model.addAttribute("qrSvg", qr);
        return "accounts/two-factor";
    }

    /** The Key Uri Format that authenticator apps read from the QR code. */
    static String otpauthUri(String accountName, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + accountName, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER + "&algorithm=SHA1&digits="
                + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
