/**
 * The shared web layer: page layout data, language resolution and switching, form errors and error pages.
 * Uses only the languages kernel; feature modules use it, never the other way round.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.polyphony.web;
