package org.polyphony.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person types to create an account. Only the name and the password are required. */
public record SignupForm(
        @NotBlank(message = "{account.name.required}") @Size(max = 200, message = "{account.name.length}")
                String displayName,
        @NotBlank(message = "{account.password.required}")
                @Size(min = 10, max = 200, message = "{account.password.length}")
                String password,
        String passwordRepeat,
        @Email(message = "{account.email.invalid}") @Size(max = 254, message = "{account.email.invalid}")
                String email) {

    public static SignupForm empty() {
        return new SignupForm("", "", "", "");
    }
}
