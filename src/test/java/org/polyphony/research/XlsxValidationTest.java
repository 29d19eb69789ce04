package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Real workbooks written by POI, read back through the streaming reader; a zip bomb is refused. */
class XlsxValidationTest {

    private final DatasetSchema schema =
            new DatasetSchema("sex", "country", DatasetSchema.CategoryKind.COUNTRY, "count");

    @Test
    void aWorkbookIsReadRowByRowAndAFormulaIsNeverEvaluated() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("data");
            Object[][] rows = {{"country", "sex", "count"}, {"FR", "female", 10.0}, {"SN", "male", 12.0}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    if (rows[r][c] instanceof Double d) row.createCell(c).setCellValue(d);
                    else row.createCell(c).setCellValue((String) rows[r][c]);
                }
            }
            var formula = sheet.createRow(3);
            formula.createCell(0).setCellValue("FR");
            formula.createCell(1).setCellValue("male");
            formula.createCell(2).setCellFormula("1+2");
            workbook.write(file);
        }
        List<CsvValidation.Row> read = new ArrayList<>();
        CsvValidation.Outcome outcome = XlsxValidation.source(new ByteArrayInputStream(file.toByteArray()))
                .read(schema, read::add);
        assertThat(read)
                .startsWith(
                        new CsvValidation.Row("female", "FR", 10, null), new CsvValidation.Row("male", "SN", 12, null));
        assertThat(outcome.problems())
                .extracting(UploadProblem::line, UploadProblem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "research.csv.badCount"));
    }

    @Test
    void aZipBombIsRefusedWithoutBeingInflated() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 30; i++) zip.write(zeros);
        }
        CsvValidation.Outcome outcome = XlsxValidation.source(new ByteArrayInputStream(file.toByteArray()))
                .read(schema, row -> {});
        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.problems()).extracting(UploadProblem::key).containsExactly("research.xlsx.unreadable");
    }
}
