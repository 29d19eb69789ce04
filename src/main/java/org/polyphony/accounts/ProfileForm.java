package org.polyphony.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The settings a person can change about themselves. */
public record ProfileForm(
        @NotBlank(message = "{account.name.required}") @Size(max = 200, message = "{account.name.length}")
                String displayName,
        @Email(message = "{account.email.invalid}") @Size(max = 254, message = "{account.email.invalid}") String email,
        String uiLanguage,
        List<String> readLanguages) {

    public ProfileForm {
        readLanguages = readLanguages == null ? List.of() : readLanguages;
    }

    /** The language in the n-th preference slot, or "" when the slot is empty. */
    public String readLanguage(int slot) {
        return slot < readLanguages.size() && readLanguages.get(slot) != null ? readLanguages.get(slot) : "";
    }
}
