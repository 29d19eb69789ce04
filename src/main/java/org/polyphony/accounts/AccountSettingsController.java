package org.polyphony.accounts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's own account: profile and languages, password, data download, deletion. */
@Controller
class AccountSettingsController {

    private static final java.util.Set<String> SAVED_NOTICES = java.util.Set.of("profile", "password");

    private final AccountManagement management;
    private final SignedInAccount signedIn;
    private final MessageSource messages;
    private final CostlyActionThrottle throttle;

    AccountSettingsController(
            AccountManagement management,
            SignedInAccount signedIn,
            MessageSource messages,
            CostlyActionThrottle throttle) {
        this.throttle = throttle;
        this.management = management;
        this.signedIn = signedIn;
        this.messages = messages;
    }

    @GetMapping("/account")
    String settings(@RequestParam(name = "saved", required = false) String saved, Model model, Locale locale) {
        Account account = management.find(signedIn.id()).orElseThrow();
        saved = saved != null && SAVED_NOTICES.contains(saved) ? saved : null;
        return render(
                model, locale, profileOf(account), FormErrors.none(), FormErrors.none(), FormErrors.none(), saved);
    }

    /** The forms post to these addresses; a reload or a language switch there comes back to the settings. */
    @GetMapping({"/account/profile", "/account/password", "/account/delete"})
    String backToSettings() {
        return "redirect:/account";
    }

    @PostMapping("/account/profile")
    String updateProfile(
            @Valid @ModelAttribute("profile") ProfileForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        management.updateProfile(signedIn.id(), form, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(
                    model,
                    locale,
                    form,
                    FormErrors.of(result, messages, locale),
                    FormErrors.none(),
                    FormErrors.none(),
                    null);
        }
        signedIn.refresh(request, response);
        return "redirect:/account?saved=profile";
    }

    @PostMapping("/account/password")
    String changePassword(
            @Valid @ModelAttribute("password") PasswordForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        refuseIfThrottled(result);
        management.changePassword(
                signedIn.id(), form, result, request.getSession().getId());
        if (!result.hasErrors()) {
            request.changeSessionId();
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Account account = management.find(signedIn.id()).orElseThrow();
            return render(
                    model,
                    locale,
                    profileOf(account),
                    FormErrors.none(),
                    FormErrors.of(result, messages, locale),
                    FormErrors.none(),
                    null);
        }
        return "redirect:/account?saved=password";
    }

    @GetMapping(value = "/account/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> download() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"polyphony-my-data.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("account", management.personalData(signedIn.id())));
    }

    @PostMapping("/account/delete")
    String delete(
            @Valid @ModelAttribute("deletion") DeletionForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException {
        AccountId id = signedIn.id();
        refuseIfThrottled(result);
        if (management.delete(id, form, result)) {
            request.logout();
            return "redirect:/?accountDeleted";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Account account = management.find(id).orElseThrow();
        return render(
                model,
                locale,
                profileOf(account),
                FormErrors.none(),
                FormErrors.none(),
                FormErrors.of(result, messages, locale),
                null);
    }

    /** Counts a check of the current password; over the limit, the check is not made. */
    private void refuseIfThrottled(BindingResult result) {
        if (!result.hasFieldErrors("currentPassword") && !throttle.passwordCheckAllowed(signedIn.id())) {
            result.rejectValue("currentPassword", "account.password.throttled");
        }
    }

    private static ProfileForm profileOf(Account account) {
        return new ProfileForm(
                account.displayName(),
                account.email() == null ? "" : account.email(),
                account.uiLanguage(),
                account.readLanguages());
    }

    private static String render(
            Model model,
            Locale locale,
            ProfileForm profile,
            FormErrors profileErrors,
            FormErrors passwordErrors,
            FormErrors deletionErrors,
            String saved) {
        model.addAttribute("profile", profile);
        model.addAttribute("profileErrors", profileErrors);
        model.addAttribute("passwordErrors", passwordErrors);
        model.addAttribute("deletionErrors", deletionErrors);
        model.addAttribute("readingLanguages", ReadingLanguages.named(locale));
        model.addAttribute("saved", saved);
        return "accounts/settings";
    }
}
