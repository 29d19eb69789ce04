package org.polyphony.messaging;

/** Blocking someone by their display name, from the settings page. */
public record BlockForm(String name) {}
