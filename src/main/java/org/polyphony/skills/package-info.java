/**
 * The labour and skills matching pilot: workers' skills profiles (ISCO-08 occupations, skills, languages), fair-
 * recruitment opportunities of the directory's organisations, matching with an explanation, consent before any
 * organisation learns more than an anonymous candidate number, reports of abusive recruitment, pilot figures.
 * Uses accounts, forums, people, translation, statistics, languages and web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Skills")
package org.polyphony.skills;
