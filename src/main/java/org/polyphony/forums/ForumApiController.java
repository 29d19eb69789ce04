package org.polyphony.forums;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read-only JSON API for editions and their agenda (documented at /v3/api-docs). */
@RestController
@RequestMapping(value = "/api/editions", produces = "application/json")
class ForumApiController {

    private final ForumManagement forums;

    ForumApiController(ForumManagement forums) {
        this.forums = forums;
    }

    /** Every open or archived edition, newest first, with its roundtables, sessions and main issues. */
    @GetMapping
    List<Edition> editions() {
        return forums.editions(false);
    }

    @GetMapping("/{slug}")
    Edition edition(@PathVariable String slug) {
        return forums.edition(slug, false).orElseThrow(ForumPagesController::notFound);
    }
}
