package org.polyphony.people;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.people.Organisations.OrganisationRow;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organisation pages: creating and editing one, joining, following, its admins' management of members, and
 * partnerships between organisations. Plain forms and redirects; every admin action checks the admin's role.
 */
@Controller
class OrganisationController {

    private final Organisations organisations;
    private final Partnerships partnerships;
    private final Follows follows;
    private final AccountDirectory accounts;
    private final MessageSource messages;

    OrganisationController(
            Organisations organisations,
            Partnerships partnerships,
            Follows follows,
            AccountDirectory accounts,
            MessageSource messages) {
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.follows = follows;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/organisations")
    String list() {
        return "redirect:/people/directory";
    }

    @GetMapping("/organisations/new")
    String newForm(Model model) {
        signedIn();
        return formPage(model, null, OrganisationForm.blank(), FormErrors.none());
    }

    @PostMapping("/organisations")
    String create(
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        Optional<Long> created = organisations.create(me, form, result);
        if (created.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(model, null, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/organisations/" + created.get() + "?notice=created";
    }

    @GetMapping("/organisations/{id}")
    String organisation(
            @PathVariable long id,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale) {
        model.addAttribute("notice", noticeKey(notice));
        return page(model, id, "", FormErrors.none(), locale);
    }

    @GetMapping("/organisations/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        OrganisationRow row = adminOf(id);
        return formPage(model, id, row.form(), FormErrors.none());
    }

    @PostMapping("/organisations/{id}/edit")
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        adminOf(id);
        if (!organisations.update(id, signedIn(), form, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(model, id, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/organisations/" + id + "?notice=saved";
    }

    @PostMapping("/organisations/{id}/follow")
    String follow(@PathVariable long id, @RequestParam(name = "follow", defaultValue = "true") boolean follow) {
        AccountId me = signedIn();
        existing(id);
        if (follow) {
            follows.followOrganisation(me, id);
        } else {
            follows.unfollowOrganisation(me, id);
        }
        return "redirect:/organisations/" + id;
    }

    /** Asks to join, or accepts an invitation. */
    @PostMapping("/organisations/{id}/join")
    String join(@PathVariable long id, @RequestParam(name = "return", required = false) String returnTo) {
        AccountId me = signedIn();
        existing(id);
        organisations.join(id, me);
        return "profile".equals(returnTo) ? "redirect:/people/me/edit" : "redirect:/organisations/" + id;
    }

    /** Leaves, withdraws a request, or declines an invitation. */
    @PostMapping("/organisations/{id}/leave")
    String leave(
            @PathVariable long id,
            @RequestParam(name = "return", required = false) String returnTo,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        existing(id);
        Optional<String> refused = organisations.remove(id, me);
        if (refused.isPresent()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return page(
                    model, id, "", FormErrors.field("leave", messages.getMessage(refused.get(), null, locale)), locale);
        }
        return "profile".equals(returnTo) ? "redirect:/people/me/edit" : "redirect:/organisations/" + id;
    }

    @GetMapping("/organisations/{id}/manage")
    String manage(@PathVariable long id, @RequestParam(name = "notice", required = false) String notice, Model model) {
        adminOf(id);
        model.addAttribute("notice", noticeKey(notice));
        return managePage(model, id, "", FormErrors.none());
    }

    @PostMapping("/organisations/{id}/members/invite")
    String invite(
            @PathVariable long id,
            @RequestParam(name = "name", defaultValue = "") String name,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        adminOf(id);
        Optional<String> refused = organisations.invite(id, name);
        if (refused.isPresent()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return managePage(
                    model, id, name, FormErrors.field("name", messages.getMessage(refused.get(), null, locale)));
        }
        return "redirect:/organisations/" + id + "/manage?notice=invited";
    }

    @PostMapping("/organisations/{id}/members/{account}/{action}")
    String member(
            @PathVariable long id,
            @PathVariable long account,
            @PathVariable String action,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        adminOf(id);
        AccountId person = new AccountId(account);
        switch (action) {
            case "approve" -> organisations.approve(id, person);
            case "admin" -> organisations.makeAdmin(id, person);
            case "remove" -> {
                Optional<String> refused = organisations.remove(id, person);
                if (refused.isPresent()) {
                    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                    model.addAttribute("notice", null);
                    return managePage(
                            model,
                            id,
                            "",
                            FormErrors.field("members", messages.getMessage(refused.get(), null, locale)));
                }
            }
            default -> throw ProfileController.notFound();
        }
        return "redirect:/organisations/" + id + "/manage";
    }

    /** An admin of {@code from} asks this organisation for a partnership. */
    @PostMapping("/organisations/{id}/partnerships")
    String requestPartnership(
            @PathVariable long id,
            @RequestParam(name = "from", required = false) Long from,
            @RequestParam(name = "message", defaultValue = "") String message,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        existing(id);
        if (from == null || !organisations.isAdmin(from, Optional.of(me))) {
            throw new AccessDeniedException("only an admin of the asking organisation asks");
        }
        Optional<Partnerships.Refusal> refusal = partnerships.request(from, id, message, me);
        if (refusal.isPresent()) {
            response.setStatus(
                    refusal.get().tooMany()
                            ? HttpStatus.TOO_MANY_REQUESTS.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return page(
                    model,
                    id,
                    message,
                    FormErrors.field(
                            refusal.get().field(),
                            messages.getMessage(refusal.get().messageKey(), null, locale)),
                    locale);
        }
        return "redirect:/organisations/" + id + "?notice=partnershipAsked";
    }

    @PostMapping("/partnerships/{id}/{decision}")
    String decide(@PathVariable long id, @PathVariable String decision) {
        AccountId me = signedIn();
        Partnership partnership = partnerships.find(id).orElseThrow(ProfileController::notFound);
        switch (decision) {
            case "accept", "decline" -> {
                if (!organisations.isAdmin(partnership.toId(), Optional.of(me))
                        || partnership.status() != Partnership.Status.PENDING) {
                    throw new AccessDeniedException("only the asked organisation decides");
                }
                partnerships.decide(id, decision.equals("accept"), me);
                return "redirect:/organisations/" + partnership.toId() + "/manage?notice=" + decision + "ed";
            }
            case "end" -> {
                boolean fromAdmin = organisations.isAdmin(partnership.fromId(), Optional.of(me));
                boolean toAdmin = organisations.isAdmin(partnership.toId(), Optional.of(me));
                if (!fromAdmin && !toAdmin) {
                    throw new AccessDeniedException("only the partners end a partnership");
                }
                partnerships.end(id);
                return "redirect:/organisations/" + (fromAdmin ? partnership.fromId() : partnership.toId()) + "/manage";
            }
            default -> throw ProfileController.notFound();
        }
    }

    private String page(Model model, long id, String partnershipMessage, FormErrors errors, Locale locale) {
        OrganisationRow row = existing(id);
        Optional<AccountId> viewer = accounts.signedIn();
        OrganisationView view = organisations
                .views(List.of(row), accounts.readerLanguages(locale), true)
                .getFirst();
        boolean admin = organisations.isAdmin(id, viewer);
        model.addAttribute("organisation", view);
        model.addAttribute(
                "members",
                organisations.members(id).stream()
                        .filter(m -> m.status() == Membership.Status.ACTIVE)
                        .toList());
        model.addAttribute("partners", partnerships.accepted(id));
        model.addAttribute("signedIn", viewer.isPresent());
        model.addAttribute("admin", admin);
        model.addAttribute(
                "membership",
                viewer.flatMap(v -> organisations.membership(id, v)).orElse(null));
        model.addAttribute(
                "following", viewer.map(v -> follows.followsOrganisation(v, id)).orElse(false));
        // the organisations the viewer may ask a partnership for: those they administer, not this one
        model.addAttribute(
                "askingFor",
                viewer.map(v -> organisations.administeredBy(v).stream()
                                .filter(o -> o.id() != id)
                                .map(o -> new OrganisationChoice(o.id(), o.name()))
                                .toList())
                        .orElse(List.of()));
        model.addAttribute("partnershipMessage", partnershipMessage);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "people/organisation";
    }

    private String managePage(Model model, long id, String inviteName, FormErrors errors) {
        OrganisationRow row = existing(id);
        model.addAttribute("id", id);
        model.addAttribute("name", row.name());
        model.addAttribute("members", organisations.members(id));
        model.addAttribute("pending", partnerships.pending(id));
        model.addAttribute("inviteName", inviteName);
        model.addAttribute("errors", errors);
        model.addAttribute("me", accounts.signedIn().map(AccountId::value).orElse(-1L));
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "people/organisation-manage";
    }

    private String formPage(Model model, Long id, OrganisationForm form, FormErrors errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "people/organisation-form";
    }

    private static String noticeKey(String notice) {
        return switch (notice == null ? "" : notice) {
            case "created" -> "organisation.notice.created";
            case "saved" -> "organisation.notice.saved";
            case "partnershipAsked" -> "organisation.notice.partnershipAsked";
            case "invited" -> "organisation.notice.invited";
            case "accepted" -> "organisation.notice.accepted";
            case "declined" -> "organisation.notice.declined";
            default -> null;
        };
    }

    private OrganisationRow existing(long id) {
        return organisations.row(id).orElseThrow(ProfileController::notFound);
    }

    private OrganisationRow adminOf(long id) {
        OrganisationRow row = existing(id);
        if (!organisations.isAdmin(id, Optional.of(signedIn()))) {
            throw new AccessDeniedException("only the organisation's admins");
        }
        return row;
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in first"));
    }
}
