package org.polyphony.people;

import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.languages.ReadingLanguages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only JSON API for the directory, organisations and profiles (documented at /v3/api-docs): what the pages
 * show, to the same viewer. A profile field hidden from the caller is null or an empty list, whatever its value.
 * Organisation descriptions come in {@code lang} where a translation is ready; none is asked for.
 */
@RestController
class PeopleApiController {

    private final Directory directory;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final Profiles profiles;
    private final AccountDirectory accounts;

    PeopleApiController(
            Directory directory,
            Organisations organisations,
            Partnerships partnerships,
            Profiles profiles,
            AccountDirectory accounts) {
        this.directory = directory;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.profiles = profiles;
        this.accounts = accounts;
    }

    /** A page (20) of directory results; {@code more} says whether {@code page + 1} has any. */
    public record DirectoryPage<T>(List<T> results, int page, boolean more) {}

    /** A member as the organisation's page lists them. */
    public record MemberJson(long id, String displayName, Membership.Role role) {}

    public record PartnerJson(OrganisationId id, String name) {}

    public record OrganisationJson(
            OrganisationView organisation, List<MemberJson> members, List<PartnerJson> partners) {}

    @GetMapping(value = "/api/organisations", produces = "application/json")
    DirectoryPage<OrganisationView> organisations(
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "country", required = false) String country,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "language", required = false) String language,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) Integer page,
            @RequestParam(name = "lang", required = false) String lang,
            Locale locale) {
        DirectoryQuery query = DirectoryQuery.of("organisations", type, region, country, theme, language, q, page);
        List<String> languages = readerLanguages(lang, locale);
        Directory.Found<Organisations.OrganisationRow> found = directory.organisations(query, languages.getFirst());
        return new DirectoryPage<>(organisations.views(found.rows(), languages, false), query.page(), found.more());
    }

    @GetMapping(value = "/api/organisations/{id}", produces = "application/json")
    OrganisationJson organisation(
            @PathVariable long id, @RequestParam(name = "lang", required = false) String lang, Locale locale) {
        Organisations.OrganisationRow row = organisations.row(id).orElseThrow(ProfileController::notFound);
        return new OrganisationJson(
                organisations
                        .views(List.of(row), readerLanguages(lang, locale), false)
                        .getFirst(),
                organisations.members(id).stream()
                        .filter(m -> m.status() == Membership.Status.ACTIVE)
                        .map(m -> new MemberJson(m.accountId(), m.displayName(), m.role()))
                        .toList(),
                partnerships.accepted(id).stream()
                        .map(p -> new PartnerJson(new OrganisationId(p.partnerOf(id)), p.partnerNameOf(id)))
                        .toList());
    }

    /** Listed people, filtered by what they show everyone. */
    @GetMapping(value = "/api/people", produces = "application/json")
    DirectoryPage<ProfileView> people(
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "country", required = false) String country,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "language", required = false) String language,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) Integer page) {
        DirectoryQuery query = DirectoryQuery.of("people", null, region, country, theme, language, q, page);
        Directory.Found<ProfileView> found = directory.people(query);
        return new DirectoryPage<>(found.rows(), query.page(), found.more());
    }

    @GetMapping(value = "/api/people/{id}", produces = "application/json")
    ProfileView person(@PathVariable long id) {
        return profiles.view(new AccountId(id), accounts.signedIn()).orElseThrow(ProfileController::notFound);
    }

    /** The language asked for, else those the reader reads, as for pages. */
    private List<String> readerLanguages(String lang, Locale locale) {
        return lang != null && ReadingLanguages.isKnown(lang) ? List.of(lang) : accounts.readerLanguages(locale);
    }
}
