package org.polyphony.research;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.accounts.Role;
import org.polyphony.web.CsvField;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Datasets: upload with a schema, validation, preview, publication, versions, the page with its disaggregated chart
 * and table, the JSON API and the CSV download. Every view shows the same protected table.
 */
@Controller
class ResearchController {

    static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

    private final Datasets datasets;
    private final AccountDirectory accounts;
    private final ActionLimits limits;

    ResearchController(Datasets datasets, AccountDirectory accounts, ActionLimits limits) {
        this.datasets = datasets;
        this.accounts = accounts;
        this.limits = limits;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    @GetMapping("/research/datasets")
    String list(Model model) {
        model.addAttribute("datasets", datasets.published());
        return "research/datasets";
    }

    @GetMapping("/research/datasets/new")
    String uploadForm(Model model) {
        requireSignedIn();
        model.addAttribute("form", UploadForm.blank());
        model.addAttribute("errors", Map.of());
        model.addAttribute("problems", List.of());
        return "research/upload";
    }

    @PostMapping("/research/datasets")
    String upload(
            @ModelAttribute UploadForm form,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        AccountId who = requireSignedIn();
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "title", form.title(), 300);
        required(errors, "source", form.source(), 500);
        required(errors, "licence", form.licence(), 200);
        if (form.value("method").length() > 5000) errors.put("method", "research.field.tooLong");
        required(errors, "sexColumn", form.sexColumn(), 100);
        required(errors, "categoryColumn", form.categoryColumn(), 100);
        required(errors, "countColumn", form.countColumn(), 100);
        DatasetSchema.CategoryKind kind = kind(form.categoryKind());
        if (kind == null) errors.put("categoryKind", "research.field.required");
        DatasetSchema.Measure measure = measure(form, errors);
        String secondCategory = form.value("secondCategoryColumn").strip();
        if (secondCategory.length() > 100) errors.put("secondCategoryColumn", "research.field.tooLong");
        if (file == null || file.isEmpty()) errors.put("file", "research.upload.noFile");
        else if (file.getSize() > MAX_UPLOAD_BYTES) errors.put("file", "research.upload.tooLarge");
        if (errors.isEmpty()
                && !limits.by("research-upload", String.valueOf(who.value()), 20, java.time.Duration.ofHours(1))) {
            errors.put("file", "research.upload.tooMany");
        }
        if (!errors.isEmpty()) return refused(form, errors, List.of(), model, response);
        DatasetSchema schema = new DatasetSchema(
                form.sexColumn().strip(),
                form.categoryColumn().strip(),
                kind,
                form.countColumn().strip(),
                measure,
                secondCategory.isEmpty() ? null : secondCategory);
        Datasets.Uploaded uploaded;
        try (InputStream in = file.getInputStream()) {
            uploaded = datasets.create(
                    new Datasets.Described(
                            form.title().strip(),
                            form.source().strip(),
                            form.licence().strip(),
                            form.value("method").strip(),
                            schema),
                    who.value(),
                    false,
                    UploadSource.of(file.getOriginalFilename(), in));
        }
        if (uploaded.datasetId().isEmpty()) {
            return refused(
                    form,
                    Map.of("file", "research.upload.refused"),
                    uploaded.outcome().problems(),
                    model,
                    response);
        }
        return "redirect:/research/datasets/" + uploaded.datasetId().get() + "/versions/1/preview";
    }

    @PostMapping("/research/datasets/{id}/versions")
    String newVersion(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Dataset dataset = owned(id);
        if (file == null || file.isEmpty() || file.getSize() > MAX_UPLOAD_BYTES) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(dataset, datasets.latestPublished(id).orElse(null), model, "research.upload.noFile", List.of());
        }
        CsvValidation.Outcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = datasets.newDatasetVersion(dataset, UploadSource.of(file.getOriginalFilename(), in));
        }
        if (!outcome.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(
                    dataset,
                    datasets.latestPublished(id).orElse(null),
                    model,
                    "research.upload.refused",
                    outcome.problems());
        }
        return "redirect:/research/datasets/" + id + "/versions/"
                + datasets.versions(id).getFirst().number() + "/preview";
    }

    @GetMapping("/research/datasets/{id}/versions/{number}/preview")
    String preview(@PathVariable long id, @PathVariable int number, Model model) {
        Dataset dataset = owned(id);
        DatasetVersion version = datasets.version(id, number).orElseThrow(ResearchController::notFound);
        model.addAttribute("dataset", dataset);
        model.addAttribute("version", version);
        model.addAttribute("table", datasets.table(dataset, version));
        return "research/preview";
    }

    @PostMapping("/research/datasets/{id}/versions/{number}/publish")
    String publish(@PathVariable long id, @PathVariable int number) {
        owned(id);
        datasets.version(id, number).orElseThrow(ResearchController::notFound);
        datasets.publish(id, number);
        return "redirect:/research/datasets/" + id;
    }

    @GetMapping("/research/datasets/{id}")
    String dataset(
            @PathVariable long id, @RequestParam(name = "version", defaultValue = "") String version, Model model) {
        Dataset dataset = datasets.find(id).orElseThrow(ResearchController::notFound);
        return page(dataset, shownVersion(id, version), model, null, List.of());
    }

    private String page(
            Dataset dataset, DatasetVersion version, Model model, String error, List<UploadProblem> problems) {
        if (version == null) throw notFound();
        model.addAttribute("dataset", dataset);
        model.addAttribute("version", version);
        model.addAttribute(
                "versions",
                datasets.versions(dataset.id()).stream()
                        .filter(DatasetVersion::published)
                        .toList());
        DisaggregatedTable table = datasets.table(dataset, version);
        model.addAttribute("table", table);
        model.addAttribute(
                "owner",
                accounts.signedIn().map(AccountId::value).equals(datasets.ownerOf(dataset.id()))
                        || accounts.signedInAs(Role.ORGANISER));
        model.addAttribute("error", error);
        model.addAttribute("problems", problems);
        return "research/dataset";
    }

    @GetMapping(value = "/api/research/datasets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> api(@PathVariable long id, @RequestParam(name = "version", defaultValue = "") String version) {
        Dataset dataset = datasets.find(id).orElseThrow(ResearchController::notFound);
        DatasetVersion shown = shownVersion(id, version);
        if (shown == null) throw notFound();
        DisaggregatedTable table = datasets.table(dataset, shown);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", dataset.id());
        body.put("title", dataset.title());
        body.put("source", dataset.source());
        body.put("licence", dataset.licence());
        body.put("method", dataset.method());
        body.put("version", shown.number());
        body.put("demo", dataset.demo());
        body.put("minimumCell", dataset.minimumCell());
        body.put("categoryKind", dataset.schema().categoryKind().name());
        if (table.hasMeasure()) {
            DatasetSchema.Measure measure = dataset.schema().measure();
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("kind", measure.kind().name());
            described.put("unit", measure.unit());
            body.put("measure", described);
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        for (TableFigure figure : TableFigure.all(table)) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("category", figure.category());
            if (dataset.schema().twoCategories()) cell.put("secondCategory", figure.secondCategory());
            cell.put("sex", figure.sex());
            cell.put("count", figure.count().isPresent() ? figure.count().getAsLong() : null);
            if (table.hasMeasure()) cell.put("measure", figure.measure().orElse(null));
            cell.put("suppressed", figure.count().isEmpty());
            if (table.hasMeasure()) cell.put("measureSuppressed", figure.measureSuppressed());
            cells.add(cell);
        }
        body.put("cells", cells);
        return body;
    }

    @GetMapping(value = "/research/datasets/{id}/data.csv")
    ResponseEntity<String> csv(
            @PathVariable long id, @RequestParam(name = "version", defaultValue = "") String version) {
        Dataset dataset = datasets.find(id).orElseThrow(ResearchController::notFound);
        DatasetVersion shown = shownVersion(id, version);
        if (shown == null) throw notFound();
        DisaggregatedTable table = datasets.table(dataset, shown);
        DatasetSchema.Measure measure = dataset.schema().measure();
        boolean two = dataset.schema().twoCategories();
        StringBuilder out = new StringBuilder(two ? "category,second_category," : "category,")
                .append(
                        measure == null
                                ? "sex,count,suppressed\r\n"
                                : "sex,count," + measure.kind().name().toLowerCase(java.util.Locale.ROOT)
                                        + ",unit,suppressed,measure_suppressed\r\n");
        for (TableFigure figure : TableFigure.all(table)) {
            out.append(CsvField.of(figure.category())).append(',');
            if (two) out.append(CsvField.of(figure.secondCategory())).append(',');
            out.append(CsvField.of(figure.sex()))
                    .append(',')
                    .append(
                            figure.count().isPresent()
                                    ? String.valueOf(figure.count().getAsLong())
                                    : "")
                    .append(',');
            if (measure != null) {
                out.append(figure.measure()
                                .map(java.math.BigDecimal::toPlainString)
                                .orElse(""))
                        .append(',')
                        .append(CsvField.of(measure.unit()))
                        .append(',');
            }
            out.append(figure.count().isEmpty());
            if (measure != null) out.append(',').append(figure.measureSuppressed());
            out.append("\r\n");
        }
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"dataset-" + id + "-v" + shown.number() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString());
    }

    private DatasetVersion shownVersion(long id, String version) {
        if (version.isEmpty()) return datasets.latestPublished(id).orElse(null);
        if (!version.matches("\\d{1,6}")) throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        return datasets.version(id, Integer.parseInt(version))
                .filter(DatasetVersion::published)
                .orElse(null);
    }

    private Dataset owned(long id) {
        Dataset dataset = datasets.find(id).orElseThrow(ResearchController::notFound);
        AccountId who = requireSignedIn();
        boolean owner = datasets.ownerOf(id).map(o -> o == who.value()).orElse(false);
        if (!owner && !accounts.signedInAs(Role.ORGANISER)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        return dataset;
    }

    private String refused(
            UploadForm form,
            Map<String, String> errors,
            List<UploadProblem> problems,
            Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        return "research/upload";
    }

    private static void required(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) errors.put(field, "research.field.required");
        else if (value.length() > max) errors.put(field, "research.field.tooLong");
    }

    /** The optional second measure: none when its column is left empty; its kind and unit required otherwise. */
    private static DatasetSchema.Measure measure(UploadForm form, Map<String, String> errors) {
        String column = form.value("measureColumn").strip();
        if (column.isEmpty()) return null;
        if (column.length() > 100) errors.put("measureColumn", "research.field.tooLong");
        DatasetSchema.MeasureKind kind = null;
        for (DatasetSchema.MeasureKind known : DatasetSchema.MeasureKind.values()) {
            if (known.name().equals(form.value("measureKind"))) kind = known;
        }
        if (kind == null) errors.put("measureKind", "research.field.required");
        String unit = form.value("measureUnit").strip();
        if (unit.isEmpty()) errors.put("measureUnit", "research.upload.unitRequired");
        else if (unit.length() > 40) errors.put("measureUnit", "research.field.tooLong");
        return errors.isEmpty() ? new DatasetSchema.Measure(column, kind, unit) : null;
    }

    private static DatasetSchema.CategoryKind kind(String value) {
        for (DatasetSchema.CategoryKind kind : DatasetSchema.CategoryKind.values()) {
            if (kind.name().equals(value)) return kind;
        }
        return null;
    }

    private AccountId requireSignedIn() {
        return accounts.signedIn().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
