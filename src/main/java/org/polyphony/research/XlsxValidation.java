package org.polyphony.research;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * An .xlsx upload read as a stream (POI's event API over SAX, never the whole workbook in memory): the first sheet's
 * rows are written as CSV to a temporary file and validated like a CSV. A formula cell gives its stored result as
 * text and is never evaluated. ZipSecureFile refuses a zip bomb (an entry that inflates more than 100 times) and
 * entries over 512 MB.
 */
final class XlsxValidation {

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
    }

    private XlsxValidation() {}

    static Datasets.Source source(InputStream in) {
        return (schema, rows) -> {
            Path upload = Files.createTempFile("research-upload", ".xlsx");
            Path csv = Files.createTempFile("research-upload", ".csv");
            try {
                Files.copy(in, upload, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try {
                    toCsv(upload, csv);
                } catch (Exception | LinkageError refused) {
                    // a zip bomb, a file that is not a workbook, or a broken one: nothing of it is kept
                    return new CsvValidation.Outcome(
                            0, List.of(new UploadProblem(1, 0, "research.xlsx.unreadable", "")), List.of());
                }
                try (InputStream text = Files.newInputStream(csv)) {
                    return CsvValidation.read(text, schema, rows);
                }
            } finally {
                Files.deleteIfExists(upload);
                Files.deleteIfExists(csv);
            }
        };
    }

    private static void toCsv(Path workbook, Path csv) throws Exception {
        try (OPCPackage opc = OPCPackage.open(workbook.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ);
                BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            XSSFReader reader = new XSSFReader(opc);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(opc);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) return;
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(),
                        null,
                        strings,
                        new Rows(printer),
                        new org.apache.poi.ss.usermodel.DataFormatter(),
                        false));
                xml.parse(new InputSource(sheet));
            }
        }
    }

    /** Collects each row's cells by column, filling gaps with empty strings, and prints the row as CSV. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final CSVPrinter printer;
        private final List<String> cells = new ArrayList<>();

        Rows(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        private int width = -1;

        @Override
        public void endRow(int rowNum) {
            // a spreadsheet leaves out empty trailing cells (and formulas without a stored result): pad to the header
            if (width < 0) width = cells.size();
            while (cells.size() < width) cells.add("");
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (cells.size() < column) cells.add("");
            cells.add(value == null ? "" : value);
        }
    }
}
