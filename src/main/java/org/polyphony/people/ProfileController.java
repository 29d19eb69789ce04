package org.polyphony.people;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Profile pages, the form to edit one's own profile and photo, and following people. */
@Controller
class ProfileController {

    private final Profiles profiles;
    private final Organisations organisations;
    private final Follows follows;
    private final AccountDirectory accounts;
    private final MessageSource messages;
    private final ActionLimits limits;
    private final StatedGenders genders;

    /** Photo uploads per person per hour: each one is decoded and resized, and stored. */
    static final int PHOTOS_PER_HOUR = 10;

    ProfileController(
            Profiles profiles,
            Organisations organisations,
            Follows follows,
            AccountDirectory accounts,
            MessageSource messages,
            ActionLimits limits,
            StatedGenders genders) {
        this.genders = genders;
        this.profiles = profiles;
        this.organisations = organisations;
        this.follows = follows;
        this.accounts = accounts;
        this.messages = messages;
        this.limits = limits;
    }

    @GetMapping("/people/{id}")
    String profile(@PathVariable long id, Model model) {
        AccountId person = new AccountId(id);
        Optional<AccountId> viewer = accounts.signedIn();
        ProfileView profile = profiles.view(person, viewer).orElseThrow(ProfileController::notFound);
        model.addAttribute("profile", profile);
        model.addAttribute(
                "organisations",
                organisations.of(person).stream()
                        .filter(m -> m.status() == Membership.Status.ACTIVE)
                        .toList());
        model.addAttribute("signedIn", viewer.isPresent());
        model.addAttribute(
                "following", viewer.map(v -> follows.followsPerson(v, person)).orElse(false));
        return "people/profile";
    }

    @GetMapping("/people/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        AccountId person = new AccountId(id);
        byte[] photo = profiles.photo(person, accounts.signedIn()).orElseThrow(ProfileController::notFound);
        // private even when public: a shared cache would go on showing a photo its owner has since hidden
        CacheControl cache = profiles.photoIsPublic(person)
                ? CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate()
                : CacheControl.noStore();
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .body(photo);
    }

    @PostMapping("/people/{id}/follow")
    String follow(@PathVariable long id, @RequestParam(name = "follow", defaultValue = "true") boolean follow) {
        AccountId viewer = signedIn();
        AccountId person = new AccountId(id);
        profiles.row(person).orElseThrow(ProfileController::notFound);
        if (follow) {
            follows.followPerson(viewer, person);
        } else {
            follows.unfollowPerson(viewer, person);
        }
        return "redirect:/people/" + id;
    }

    @GetMapping("/people/me/edit")
    String edit(@RequestParam(name = "notice", required = false) String notice, Model model) {
        AccountId me = signedIn();
        model.addAttribute(
                "notice",
                switch (notice == null ? "" : notice) {
                    case "saved" -> "people.profile.saved";
                    case "photo" -> "people.photo.saved";
                    case "photoRemoved" -> "people.photo.removed";
                    case "gender" -> "people.gender.saved";
                    case "genderRemoved" -> "people.gender.removed";
                    default -> null;
                });
        return editPage(model, me, profiles.form(me), FormErrors.none(), FormErrors.none());
    }

    @PostMapping("/people/me/edit")
    String save(
            @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        if (!profiles.save(me, form, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return editPage(model, me, form, FormErrors.of(result, messages, locale), FormErrors.none());
        }
        return "redirect:/people/me/edit?notice=saved";
    }

    @PostMapping("/people/me/photo")
    String photo(
            @RequestParam(name = "photo", required = false) MultipartFile file,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        AccountId me = signedIn();
        try {
            if (file == null || file.isEmpty()) {
                throw new Photos.Refused("people.photo.missing");
            }
            if (file.getSize() > Photos.MAX_BYTES) {
                throw new Photos.Refused("people.photo.tooLarge");
            }
            if (!limits.by("people-photo", String.valueOf(me.value()), PHOTOS_PER_HOUR, Duration.ofHours(1))) {
                throw new Photos.Refused("people.photo.tooOften");
            }
            profiles.setPhoto(me, Photos.resize(file.getBytes()));
        } catch (Photos.Refused refused) {
            response.setStatus(
                    refused.messageKey().equals("people.photo.tooOften")
                            ? HttpStatus.TOO_MANY_REQUESTS.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return editPage(
                    model,
                    me,
                    profiles.form(me),
                    FormErrors.none(),
                    FormErrors.field(
                            "photo",
                            messages.getMessage(
                                    refused.messageKey(),
                                    new Object[] {Photos.MAX_BYTES / (1024 * 1024), Photos.MAX_PIXELS / 1_000_000},
                                    locale)));
        }
        return "redirect:/people/me/edit?notice=photo";
    }

    @PostMapping("/people/me/photo/delete")
    String removePhoto() {
        profiles.removePhoto(signedIn());
        return "redirect:/people/me/edit?notice=photoRemoved";
    }

    /**
     * The gender a person chooses to state, in their own words, for the participation figures only: optional,
     * never shown, deleted with {@code remove}. Refused (422, what was typed kept) when too long or not plain text.
     */
    @PostMapping("/people/me/gender")
    String gender(
            @RequestParam(name = "gender", defaultValue = "") String words,
            @RequestParam(name = "remove", defaultValue = "false") boolean remove,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        if (remove || words.isBlank()) {
            genders.forget(me);
            return "redirect:/people/me/edit?notice=genderRemoved";
        }
        Optional<String> cleaned = StatedGenders.cleaned(words);
        if (cleaned.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            model.addAttribute("genderTyped", words.length() > 200 ? words.substring(0, 200) : words);
            model.addAttribute(
                    "genderError",
                    messages.getMessage("people.gender.invalid", new Object[] {StatedGenders.MAX_LENGTH}, locale));
            return editPage(model, me, profiles.form(me), FormErrors.none(), FormErrors.none());
        }
        genders.state(me, cleaned.get());
        return "redirect:/people/me/edit?notice=gender";
    }

    private String editPage(Model model, AccountId me, ProfileForm form, FormErrors errors, FormErrors photoErrors) {
        Optional<String> stated = genders.of(me);
        model.addAttribute("genderStated", stated.isPresent());
        if (!model.containsAttribute("genderTyped")) {
            model.addAttribute("genderTyped", stated.orElse(""));
            model.addAttribute("genderError", null);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("photoErrors", photoErrors);
        model.addAttribute("me", me.value());
        model.addAttribute(
                "hasPhoto", profiles.saved(me).map(r -> r.photoKey() != null).orElse(false));
        model.addAttribute("memberships", organisations.of(me));
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "people/profile-edit";
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in first"));
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
