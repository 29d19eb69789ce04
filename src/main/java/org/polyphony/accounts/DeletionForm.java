package org.polyphony.accounts;

import jakarta.validation.constraints.NotBlank;

public record DeletionForm(@NotBlank(message = "{account.password.current.required}") String currentPassword) {}
