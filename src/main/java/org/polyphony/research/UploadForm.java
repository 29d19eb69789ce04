package org.polyphony.research;

/** What the upload form sends, kept as typed when refused. */
public record UploadForm(
        String title,
        String source,
        String licence,
        String method,
        String sexColumn,
        String categoryColumn,
        String categoryKind,
        String countColumn,
        String secondCategoryColumn,
        String measureColumn,
        String measureKind,
        String measureUnit) {

    public static UploadForm blank() {
        return new UploadForm("", "", "", "", "sex", "country", "COUNTRY", "count", "", "", "RATE", "");
    }

    public String value(String field) {
        String v =
                switch (field) {
                    case "title" -> title;
                    case "source" -> source;
                    case "licence" -> licence;
                    case "method" -> method;
                    case "sexColumn" -> sexColumn;
                    case "categoryColumn" -> categoryColumn;
                    case "countColumn" -> countColumn;
                    case "secondCategoryColumn" -> secondCategoryColumn;
                    case "measureColumn" -> measureColumn;
                    case "measureKind" -> measureKind;
                    case "measureUnit" -> measureUnit;
                    default -> categoryKind;
                };
        return v == null ? "" : v;
    }
}
