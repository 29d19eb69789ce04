/**
 * The languages Polyphony speaks: the interface languages, text direction, and text kept in several languages.
 * A shared kernel every module may use; it uses no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Languages",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.polyphony.languages;
