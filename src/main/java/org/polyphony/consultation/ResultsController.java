package org.polyphony.consultation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.consultation.ConsultationStore.Consultation;
import org.polyphony.consultation.ConsultationStore.Round;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.consultation.ConsultationViews.Response;
import org.polyphony.web.CsvField;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What came of the comments: the comparison of two versions, each commenter's "how my comments were handled", and
 * a round's public response table on the web, as CSV and in the JSON API (with the draft itself).
 */
@Controller
class ResultsController {

    private final ConsultationStore store;
    private final ConsultationPlaces places;
    private final ConsultationReading reading;
    private final MessageSource messages;

    ResultsController(
            ConsultationStore store, ConsultationPlaces places, ConsultationReading reading, MessageSource messages) {
        this.store = store;
        this.places = places;
        this.reading = reading;
        this.messages = messages;
    }

    @GetMapping("/consultations/{id}/compare")
    String compare(
            @PathVariable long id,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            Model model) {
        Consultation consultation = places.consultation(id);
        List<Version> versions = store.versions(consultation.id());
        Version after = places.version(consultation, to);
        Version before = from == null || !from.matches("\\d{1,4}")
                ? versions.stream()
                        .filter(v -> v.number() == after.number() - 1)
                        .findFirst()
                        .orElse(after)
                : places.version(consultation, from);
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("versions", versions);
        model.addAttribute("from", before);
        model.addAttribute("to", after);
        model.addAttribute("rows", reading.compare(before, after));
        return "consultation/compare";
    }

    @GetMapping("/consultations/mine")
    String mine(Model model) {
        AccountId me = places.signedIn().orElse(null);
        if (me == null) {
            return "redirect:/login";
        }
        model.addAttribute("comments", reading.mine(me));
        return "consultation/mine";
    }

    @PostMapping("/consultations/mine/read")
    String read() {
        AccountId me = places.signedIn().orElseThrow(ConsultationPlaces::notFound);
        store.markNoticesRead(me.value());
        return "redirect:/consultations/mine";
    }

    @GetMapping("/consultations/{id}/rounds/{number}/responses")
    String responses(@PathVariable long id, @PathVariable int number, Model model) {
        Consultation consultation = places.consultation(id);
        Round round = places.round(consultation, number);
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("round", round.number());
        model.addAttribute("responses", reading.responses(round));
        return "consultation/responses";
    }

    @GetMapping("/consultations/{id}/rounds/{number}/responses.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, @PathVariable int number, Locale locale) {
        Consultation consultation = places.consultation(id);
        Round round = places.round(consultation, number);
        StringBuilder csv = new StringBuilder(
                "comment,commenter,paragraph,passage,comment_text,proposed_wording,supports,decision,reason\r\n");
        for (Response r : reading.responses(round)) {
            csv.append(r.comment())
                    .append(',')
                    .append(CsvField.of(r.commenter() == null ? "" : r.commenter()))
                    .append(',')
                    .append(r.paragraph() == null ? "" : r.paragraph())
                    .append(',')
                    .append(CsvField.of(r.passage() == null ? "" : r.passage()))
                    .append(',')
                    .append(CsvField.of(r.body()))
                    .append(',')
                    .append(CsvField.of(r.proposal() == null ? "" : r.proposal()))
                    .append(',')
                    .append(r.supports())
                    .append(',')
                    .append(r.decision() == null ? "" : r.decision())
                    .append(',')
                    .append(CsvField.of(r.reason() == null ? "" : r.reason()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"consultation-" + id + "-round-" + number + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(
            value = "/api/consultations/{id}/rounds/{number}/responses",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> responsesJson(@PathVariable long id, @PathVariable int number) {
        Consultation consultation = places.consultation(id);
        Round round = places.round(consultation, number);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("consultation", consultation.id());
        json.put("round", round.number());
        json.put("opensOn", round.opensOn().toString());
        json.put("closesOn", round.closesOn().toString());
        json.put("responses", reading.responses(round));
        return json;
    }

    @GetMapping(value = "/api/consultations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> draftJson(
            @PathVariable long id, @RequestParam(name = "version", required = false) String version) {
        Consultation consultation = places.consultation(id);
        Version shown = places.version(consultation, version);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", consultation.id());
        json.put("title", consultation.title());
        json.put("purpose", consultation.purpose());
        json.put("language", consultation.language());
        json.put("outcomeVersion", consultation.outcomeVersion());
        json.put("rounds", reading.summary(consultation).rounds());
        json.put(
                "versions",
                store.versions(consultation.id()).stream()
                        .map(v -> Map.of("number", v.number(), "words", v.words()))
                        .toList());
        json.put("version", shown.number());
        Map<Long, Integer> counts = store.counts(shown.id());
        json.put(
                "paragraphs",
                store.paragraphs(shown.id()).stream()
                        .map(p -> {
                            Map<String, Object> paragraph = new LinkedHashMap<>();
                            paragraph.put("key", p.key());
                            paragraph.put("number", p.number());
                            paragraph.put("heading", p.heading());
                            paragraph.put("text", p.text());
                            paragraph.put("comments", counts.getOrDefault(p.id(), 0));
                            return paragraph;
                        })
                        .toList());
        return json;
    }
}
