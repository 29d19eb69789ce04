package org.polyphony.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordForm(
        @NotBlank(message = "{account.password.current.required}") String currentPassword,
        @NotBlank(message = "{account.password.required}")
                @Size(min = 10, max = 200, message = "{account.password.length}")
                String newPassword,
        String newPasswordRepeat) {}
