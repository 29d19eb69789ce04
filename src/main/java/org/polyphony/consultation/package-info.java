/**
 * Consultation: two-round participatory review of draft documents (Markdown, .docx or .md), numbered paragraphs
 * that keep their identity across versions, comments by paragraph, passage or on the whole draft, the drafting
 * team's handling of each comment, comparison of versions, the response table and the published outcome. Uses
 * accounts, forums, people and antennas (who may comment: members of organisations, people of hubs), translation,
 * languages and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation")
package org.polyphony.consultation;
