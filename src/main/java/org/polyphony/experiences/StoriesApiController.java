package org.polyphony.experiences;

import java.time.LocalDate;
import java.util.List;
import org.polyphony.experiences.StoryStore.StoredStory;
import org.polyphony.forums.Edition;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.web.CsvField;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stories as JSON (read-only API, documented at /v3/api-docs) and as open data (JSON and CSV). Only published
 * stories; nothing in either links a story to an account: no account id, and no name for anonymous stories. The open
 * data leaves out authors' names altogether.
 */
@RestController
class StoriesApiController {

    private final StoryStore stories;
    private final StoryPlaces places;
    private final StoryReading reading;

    StoriesApiController(StoryStore stories, StoryPlaces places, StoryReading reading) {
        this.stories = stories;
        this.places = places;
        this.reading = reading;
    }

    /** Published stories of an edition, newest first, 20 a page; {@code lang} asks for translations ready in it. */
    @GetMapping(value = "/api/editions/{slug}/stories", produces = "application/json")
    List<StoryView> list(
            @PathVariable String slug,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "lang", required = false) String lang) {
        Edition edition = places.edition(slug);
        List<StoredStory> found = stories.published(edition.id().value(), StoryStore.Filter.NONE, Math.max(1, page));
        return reading.views(
                found.subList(0, Math.min(found.size(), StoryStore.PAGE)),
                edition,
                languages(lang),
                StoryReading.Use.API);
    }

    @GetMapping(value = "/api/stories/{id}", produces = "application/json")
    StoryView story(@PathVariable long id, @RequestParam(name = "lang", required = false) String lang) {
        StoredStory story = places.story(id);
        if (story.status() != StoryStatus.PUBLISHED) {
            throw StoryPlaces.notFound();
        }
        return reading.views(List.of(story), places.editionOf(story), languages(lang), StoryReading.Use.API)
                .getFirst();
    }

    /** One published story as open data: what it says and its facts, never who wrote it. */
    public record OpenStory(
            long id,
            String title,
            String text,
            String language,
            StoryFacts facts,
            List<String> sessions,
            LocalDate publishedOn,
            boolean demo) {}

    @GetMapping(value = "/editions/{slug}/stories/export.json", produces = "application/json")
    ResponseEntity<List<OpenStory>> exportJson(@PathVariable String slug) {
        Edition edition = places.edition(slug);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-stories.json\"")
                .body(open(edition));
    }

    @GetMapping(value = "/editions/{slug}/stories/export.csv")
    ResponseEntity<String> exportCsv(@PathVariable String slug) {
        Edition edition = places.edition(slug);
        StringBuilder csv = new StringBuilder(
                "id,title,text,language,origin,residence,previous_countries,migration_kind,sector,gender,year_from,"
                        + "year_to,themes,sessions,published_on,demo\r\n");
        for (OpenStory s : open(edition)) {
            StoryFacts f = s.facts();
            csv.append(s.id())
                    .append(',')
                    .append(CsvField.of(s.title()))
                    .append(',')
                    .append(CsvField.of(s.text()))
                    .append(',')
                    .append(s.language())
                    .append(',')
                    .append(nullable(f.origin()))
                    .append(',')
                    .append(nullable(f.residence()))
                    .append(',')
                    .append(String.join(" ", f.previousCountries()))
                    .append(',')
                    .append(f.kind() == null ? "" : f.kind().code())
                    .append(',')
                    .append(nullable(f.sector()))
                    .append(',')
                    .append(CsvField.of(f.gender()))
                    .append(',')
                    .append(f.yearFrom() == null ? "" : f.yearFrom())
                    .append(',')
                    .append(f.yearTo() == null ? "" : f.yearTo())
                    .append(',')
                    .append(String.join(" ", f.themes()))
                    .append(',')
                    .append(String.join(" ", s.sessions()))
                    .append(',')
                    .append(s.publishedOn() == null ? "" : s.publishedOn())
                    .append(',')
                    .append(s.demo())
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-stories.csv\"")
                .body(csv.toString());
    }

    private List<OpenStory> open(Edition edition) {
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        edition.roundtables().forEach(r -> r.sessions().forEach(s -> codes.put(s.id().value(), s.code())));
        return stories.allPublished(edition.id().value()).stream()
                .map(s -> new OpenStory(
                        s.id().value(),
                        s.title(),
                        s.body(),
                        s.language(),
                        s.facts(),
                        s.sessions().stream()
                                .map(codes::get)
                                .filter(java.util.Objects::nonNull)
                                .toList(),
                        s.publishedOn(),
                        s.demo()))
                .toList();
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private List<String> languages(String lang) {
        return lang != null && ReadingLanguages.isKnown(lang) ? List.of(lang) : List.of();
    }
}
