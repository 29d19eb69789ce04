package org.polyphony.dialogue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polyphony.dialogue.DialogueManagement.NotFound;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Open-data downloads of an edition's dialogue, in JSON and CSV (schema in docs/open-data.md). */
@RestController
class ExportController {

    private final EditionExport export;
    private final ForumManagement forums;

    ExportController(EditionExport export, ForumManagement forums) {
        this.export = export;
        this.forums = forums;
    }

    @GetMapping(value = "/editions/{slug}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json(@PathVariable String slug) {
        Edition edition = forums.edition(slug, false).orElseThrow(NotFound::new);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", "docs/open-data.md in the Polyphony source");
        body.put("edition", edition);
        body.put("posts", export.posts(edition));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-dialogue.json\"")
                .body(body);
    }

    @GetMapping(value = "/editions/{slug}/export.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@PathVariable String slug) {
        Edition edition = forums.edition(slug, false).orElseThrow(NotFound::new);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-dialogue.csv\"")
                .body(export.csv(export.posts(edition)));
    }
}
