package org.polyphony.people;

/** The kinds of organisation the directory tells apart. */
public enum OrganisationType {
    MIGRANT_ASSOCIATION,
    NGO,
    TRADE_UNION,
    EMPLOYER,
    /** Recruits and places workers for employers, often across borders (the skills pilot's agencies). */
    RECRUITMENT_AGENCY,
    ACADEMIC,
    GOVERNMENT,
    INTERNATIONAL,
    OTHER;

    static java.util.Optional<OrganisationType> parse(String value) {
        for (OrganisationType type : values()) {
            if (type.name().equals(value)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    public String messageKey() {
        return "organisation.type." + name();
    }
}
