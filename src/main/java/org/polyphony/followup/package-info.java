/**
 * Follow-up of recommendations: recommendations of a forum edition (from a form, a CSV import, a consultation's
 * published outcome or a published regional report's key point), carried over from one edition to the next as one line
 * of work; commitments of organisations and states, progress updates with evidence, confirmations and contests,
 * verification; indicators with their series; follows and notices; dashboards, API, feeds and open data. Uses
 * accounts, forums, consultation (published outcomes), antennas (published key points), people (organisations and their admins, the upload store), notifications, translation,
 * languages and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up")
package org.polyphony.followup;
