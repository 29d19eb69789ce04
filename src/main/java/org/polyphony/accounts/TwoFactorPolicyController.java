package org.polyphony.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators decide whether staff must use two-factor sign-in (under /admin, for administrators only). */
@Controller
class TwoFactorPolicyController {

    static final String PATH = "/admin/two-factor";

    private final TwoFactor twoFactor;

    TwoFactorPolicyController(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    @GetMapping(PATH)
    String page(@RequestParam(name = "saved", required = false) String saved, Model model) {
        model.addAttribute("required", twoFactor.requiredForStaff());
        model.addAttribute("saved", saved != null);
        return "accounts/two-factor-policy";
    }

    @PostMapping(PATH)
    String save(@RequestParam(name = "required", defaultValue = "false") String required) {
        twoFactor.requireForStaff("true".equals(required) || "on".equals(required));
        return "redirect:" + PATH + "?saved";
    }
}
