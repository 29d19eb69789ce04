package org.polyphony.accounts;

import java.util.EnumSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Administrators give and take roles. Only the name and roles are shown: no e-mail addresses. */
@Controller
class AdminAccountsController {

    private final AccountRepository accounts;
    private final AccountManagement management;

    AdminAccountsController(AccountRepository accounts, AccountManagement management) {
        this.accounts = accounts;
        this.management = management;
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        model.addAttribute("query", query);
        model.addAttribute(
                "accounts",
                accounts.list(query, 200).stream().map(AdminAccountRow::of).toList());
        model.addAttribute("roles", List.of(Role.values()));
        return "accounts/admin";
    }

    @PostMapping("/admin/accounts/{id}/roles")
    String setRoles(@PathVariable long id, @RequestParam(name = "role", required = false) List<Role> roles) {
        EnumSet<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            chosen.addAll(roles);
        }
        if (!management.setRoles(new AccountId(id), chosen)) {
            // an account deleted meanwhile, or an id typed by hand: say so rather than pretend it was updated
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/admin/accounts?updated=" + id;
    }
}
