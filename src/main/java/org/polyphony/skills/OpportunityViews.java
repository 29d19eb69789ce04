package org.polyphony.skills;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.people.OrganisationId;
import org.polyphony.people.OrganisationRoles;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.stereotype.Component;

/** Turns opportunities into what a reader sees: translated texts and organisation names, in one query each. */
@Component
class OpportunityViews {

    private final Translations translations;
    private final AccountDirectory accounts;
    private final OrganisationRoles organisations;

    OpportunityViews(Translations translations, AccountDirectory accounts, OrganisationRoles organisations) {
        this.translations = translations;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    List<OpportunityView> of(List<Opportunity> opportunities, Locale locale) {
        List<String> readerLanguages = accounts.readerLanguages(locale);
        List<Long> ids = opportunities.stream().map(Opportunity::id).toList();
        Map<TextRef, Shown> titles = translations.shown(Opportunities.TITLE, ids, readerLanguages);
        Map<TextRef, Shown> descriptions = translations.shown(Opportunities.DESCRIPTION, ids, readerLanguages);
        Map<OrganisationId, String> names = new HashMap<>();
        return opportunities.stream()
                .map(o -> new OpportunityView(
                        o,
                        titles.getOrDefault(new TextRef(Opportunities.TITLE, o.id()), original(o.title())),
                        o.description().isEmpty()
                                ? null
                                : descriptions.getOrDefault(
                                        new TextRef(Opportunities.DESCRIPTION, o.id()), original(o.description())),
                        names.computeIfAbsent(o.organisation(), id -> organisations
                                .organisation(id)
                                .map(OrganisationRoles.Organisation::name)
                                .orElse(""))))
                .toList();
    }

    OpportunityView of(Opportunity opportunity, Locale locale) {
        return of(List.of(opportunity), locale).getFirst();
    }

    private static Shown original(String text) {
        return new Shown(Shown.State.ORIGINAL, text, "und", "und", null, null, false);
    }
}
