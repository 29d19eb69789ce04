/**
 * Research: a library of publications (imported from BibTeX, RIS or CSL-JSON, exported as BibTeX and CSL-JSON) linked
 * to forum sessions, datasets published disaggregated by sex with small cells protected, and the participation
 * dashboard of an edition. Uses accounts, forums, dialogue and people (public read types), languages, statistics, web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Research")
package org.polyphony.research;
