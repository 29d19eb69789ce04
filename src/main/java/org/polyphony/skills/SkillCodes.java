package org.polyphony.skills;

import java.util.List;
import java.util.Set;

/**
 * The pilot's shared vocabulary of skills, narrower than ISCO's occupations: what a care worker, a cook or a farm
 * worker can do, as a profile and an opportunity both name it. Each code is titled in every interface language
 * ({@code skills.skill.<code>} in the skills bundle).
 */
public final class SkillCodes {

    public static final List<String> ALL = List.of(
            "childcare",
            "elderly-care",
            "disability-care",
            "dementia-care",
            "first-aid",
            "medication-support",
            "nursing-assistance",
            "cooking",
            "food-safety",
            "cleaning",
            "laundry-ironing",
            "housekeeping",
            "pet-care",
            "gardening",
            "tutoring",
            "driving-licence",
            "hospitality",
            "customer-service",
            "retail",
            "harvesting",
            "farm-machinery",
            "livestock",
            "construction",
            "welding",
            "plumbing",
            "electrical",
            "carpentry",
            "forklift",
            "sewing",
            "computer-basics",
            "interpreting");

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    public static boolean known(String code) {
        return KNOWN.contains(code);
    }

    public static String messageKey(String code) {
        return "skills.skill." + code;
    }

    private SkillCodes() {}
}
