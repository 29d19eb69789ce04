package org.polyphony.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.polyphony.languages.UiLanguage;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing up and signing in. Spring Security checks the password; this controller shows the forms. */
@Controller
class SignUpController {

    private final AccountManagement management;
    private final AccountRepository accounts;
    private final SecurityContextRepository contexts;
    private final MessageSource messages;
    private final AccountSessions sessions;
    private final CostlyActionThrottle throttle;

    SignUpController(
            AccountManagement management,
            AccountRepository accounts,
            SecurityContextRepository contexts,
            MessageSource messages,
            AccountSessions sessions,
            CostlyActionThrottle throttle) {
        this.throttle = throttle;
        this.sessions = sessions;
        this.management = management;
        this.accounts = accounts;
        this.contexts = contexts;
        this.messages = messages;
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        model.addAttribute("form", SignupForm.empty());
        model.addAttribute("errors", FormErrors.none());
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(
            @Valid @ModelAttribute("form") SignupForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!throttle.signUpAllowed(request)) {
            result.reject("signup.throttled");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("errors", FormErrors.of(result, messages, locale));
            return "accounts/signup";
        }
        var created = management.signUp(form, UiLanguage.of(locale), result);
        if (created.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", FormErrors.of(result, messages, locale));
            return "accounts/signup";
        }
        signIn(accounts.findById(created.get()).orElseThrow(), request, response);
        return "redirect:/?welcome";
    }

    @GetMapping("/login")
    String loginForm(Model model) {
        return login(model, "", null);
    }

    @PostMapping("/login/failed")
    String loginFailed(
            @RequestParam(name = "name", defaultValue = "") String name, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        return login(model, name, "login.failed");
    }

    @GetMapping({"/login/failed", LoginThrottle.THROTTLED_PATH})
    String backToLogin() {
        return "redirect:/login";
    }

    @PostMapping(LoginThrottle.THROTTLED_PATH)
    String loginThrottled(
            @RequestParam(name = "name", defaultValue = "") String name, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return login(model, name, "login.throttled");
    }

    private static String login(Model model, String name, String problem) {
        model.addAttribute("name", name.length() > 200 ? name.substring(0, 200) : name);
        model.addAttribute("problem", problem);
        return "accounts/login";
    }

    private void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        AccountUser user = new AccountUser(account);
        user.eraseCredentials();
        // a new session id on sign-in, as the login form does, so a planted session id is worthless
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        sessions.bind(request, account.id());
    }
}
