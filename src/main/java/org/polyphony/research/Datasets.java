package org.polyphony.research;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Datasets and their versions. An upload is validated while it streams into the database in batches, inside one
 * transaction that is rolled back when any row is refused, so nothing is half-saved; a valid upload is a draft
 * version until it is published.
 */
@Service
class Datasets {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    Datasets(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    record Described(String title, String source, String licence, String method, DatasetSchema schema) {}

    record Uploaded(Optional<Long> datasetId, CsvValidation.Outcome outcome) {}

    /** A new dataset with its first (draft) version, or nothing at all when the upload is refused. */
    @Transactional
    Uploaded create(Described described, Long by, boolean demo, Source upload) throws IOException {
        boolean measured = described.schema().measured();
        long id = jdbc.sql(
                        """
                        INSERT INTO research_dataset (title, source, licence, method, sex_column, category_column,
                               category_kind, count_column, measure_column, measure_kind, measure_unit,
                               second_category_column, added_by, demo)
                        VALUES (:title, :source, :licence, :method, :sex, :category, :kind, :count, :measureColumn,
                                :measureKind, :measureUnit, :secondCategory, :by, :demo)
                        RETURNING id
                        """)
                .param("title", described.title())
                .param("source", described.source())
                .param("licence", described.licence())
                .param("method", described.method())
                .param("sex", described.schema().sexColumn())
                .param("category", described.schema().categoryColumn())
                .param("kind", described.schema().categoryKind().name())
                .param("count", described.schema().countColumn())
                .param("measureColumn", measured ? described.schema().measure().column() : null)
                .param(
                        "measureKind",
                        measured ? described.schema().measure().kind().name() : null)
                .param("measureUnit", measured ? described.schema().measure().unit() : "")
                .param("secondCategory", described.schema().secondCategoryColumn())
                .param("by", by)
                .param("demo", demo)
                .query(Long.class)
                .single();
        CsvValidation.Outcome outcome = addDatasetVersion(id, described.schema(), upload);
        return new Uploaded(outcome.valid() ? Optional.of(id) : Optional.empty(), outcome);
    }

    /** A new draft version of a dataset; rolled back when refused. */
    @Transactional
    CsvValidation.Outcome newDatasetVersion(Dataset dataset, Source upload) throws IOException {
        return addDatasetVersion(dataset.id(), dataset.schema(), upload);
    }

    interface Source {
        CsvValidation.Outcome read(DatasetSchema schema, java.util.function.Consumer<CsvValidation.Row> rows)
                throws IOException;
    }

    static Source csv(InputStream in) {
        return (schema, rows) -> CsvValidation.read(in, schema, rows);
    }

    private CsvValidation.Outcome addDatasetVersion(long datasetId, DatasetSchema schema, Source upload)
            throws IOException {
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM research_dataset_version WHERE dataset_id = :d")
                .param("d", datasetId)
                .query(Integer.class)
                .single();
        long versionId = jdbc.sql(
                        """
                        INSERT INTO research_dataset_version (dataset_id, number, row_count) VALUES (:d, :n, 0)
                        RETURNING id
                        """)
                .param("d", datasetId)
                .param("n", number)
                .query(Long.class)
                .single();
        // only the sums are ever shown or served, so only the sums are kept: summed here while the file streams,
        // in memory bounded by the number of cells (category × sex), never by the number of rows
        Map<Cell, CellSums> sums = new HashMap<>();
        DatasetSchema.MeasureKind kind = schema.measured() ? schema.measure().kind() : null;
        CsvValidation.Outcome outcome = upload.read(schema, row -> sums.computeIfAbsent(
                        new Cell(row.category(), row.secondCategory(), row.sex()), c -> new CellSums())
                .add(row, kind));
        if (!outcome.valid()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return outcome;
        }
        copyCells(versionId, sums, schema.measured());
        jdbc.sql("UPDATE research_dataset_version SET row_count = :r WHERE id = :id")
                .param("r", outcome.rows())
                .param("id", versionId)
                .update();
        return outcome;
    }

    private record Cell(String category, String secondCategory, String sex) {}

    /** What the rows of one cell add up to: the count, and the second measure's sum and weight. */
    private static final class CellSums {
        long count;
        BigDecimal measureSum = BigDecimal.ZERO;
        BigDecimal measureWeight = BigDecimal.ZERO;

        void add(CsvValidation.Row row, DatasetSchema.MeasureKind kind) {
            count += row.count();
            if (kind == null || row.measure() == null) return;
            if (kind == DatasetSchema.MeasureKind.RATE) {
                // a rate weighs as many people as its row counts
                measureSum = measureSum.add(row.measure().multiply(BigDecimal.valueOf(row.count())));
                measureWeight = measureWeight.add(BigDecimal.valueOf(row.count()));
            } else {
                measureSum = measureSum.add(row.measure());
                measureWeight = measureWeight.add(BigDecimal.ONE);
            }
        }
    }

    /**
     * Writes a version's cells with PostgreSQL's COPY, through the transaction's own connection, so that a failure
     * rolls back the whole version.
     */
    private void copyCells(long versionId, Map<Cell, CellSums> sums, boolean measured) {
        StringBuilder csv = new StringBuilder(sums.size() * 32);
        sums.forEach((cell, total) -> {
            csv.append(versionId)
                    .append(',')
                    .append(quoted(cell.category()))
                    .append(',')
                    .append(quoted(cell.secondCategory()))
                    .append(',')
                    .append(quoted(cell.sex()))
                    .append(',')
                    .append(total.count)
                    .append(',');
            // an unquoted empty field is NULL: a dataset without a second measure
            if (measured) {
                csv.append(total.measureSum.toPlainString()).append(',').append(total.measureWeight.toPlainString());
            } else {
                csv.append(',');
            }
            csv.append('\n');
        });
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY research_dataset_cell (version_id, category, second_category, sex, total, measure_sum,"
                                    + " measure_weight)"
                                    + " FROM STDIN (FORMAT csv)",
                            new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not store the cells of version " + versionId, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    Optional<Dataset> find(long id) {
        return jdbc.sql("SELECT * FROM research_dataset WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Dataset(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("source"),
                        rs.getString("licence"),
                        rs.getString("method"),
                        new DatasetSchema(
                                rs.getString("sex_column"),
                                rs.getString("category_column"),
                                DatasetSchema.CategoryKind.valueOf(rs.getString("category_kind")),
                                rs.getString("count_column"),
                                rs.getString("measure_column") == null
                                        ? null
                                        : new DatasetSchema.Measure(
                                                rs.getString("measure_column"),
                                                DatasetSchema.MeasureKind.valueOf(rs.getString("measure_kind")),
                                                rs.getString("measure_unit")),
                                rs.getString("second_category_column")),
                        rs.getInt("minimum_cell"),
                        rs.getBoolean("demo")))
                .optional();
    }

    Optional<Long> ownerOf(long id) {
        return jdbc.sql("SELECT added_by FROM research_dataset WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("added_by", Long.class)))
                .optional()
                .flatMap(o -> o);
    }

    List<DatasetVersion> versions(long datasetId) {
        return jdbc.sql(
                        """
                        SELECT id, number, row_count, published_at IS NOT NULL AS published
                          FROM research_dataset_version WHERE dataset_id = :d ORDER BY number DESC
                        """)
                .param("d", datasetId)
                .query((rs, n) -> new DatasetVersion(
                        rs.getLong("id"), rs.getInt("number"), rs.getLong("row_count"), rs.getBoolean("published")))
                .list();
    }

    Optional<DatasetVersion> latestPublished(long datasetId) {
        return versions(datasetId).stream().filter(DatasetVersion::published).findFirst();
    }

    Optional<DatasetVersion> version(long datasetId, int number) {
        return versions(datasetId).stream().filter(v -> v.number() == number).findFirst();
    }

    void publish(long datasetId, int number) {
        jdbc.sql(
                        """
                        UPDATE research_dataset_version SET published_at = now()
                         WHERE dataset_id = :d AND number = :n AND published_at IS NULL
                        """)
                .param("d", datasetId)
                .param("n", number)
                .update();
    }

    /** Published datasets, newest first, with their latest published version number. */
    List<Dataset> published() {
        return jdbc
                .sql(
                        """
                        SELECT d.id FROM research_dataset d
                         WHERE EXISTS (SELECT 1 FROM research_dataset_version v
                                WHERE v.dataset_id = d.id AND v.published_at IS NOT NULL)
                         ORDER BY d.added_at DESC LIMIT 200
                        """)
                .query(Long.class)
                .list()
                .stream()
                .flatMap(id -> find(id).stream())
                .toList();
    }

    /** The counts of a version summed by category and sex (at upload, in SQL): the only form rows are read in. */
    DisaggregatedTable table(Dataset dataset, DatasetVersion version) {
        List<Object[]> sums = jdbc.sql(
                        """
                        SELECT category, second_category, sex, total, measure_sum, measure_weight
                          FROM research_dataset_cell
                         WHERE version_id = :v
                        """)
                .param("v", version.id())
                .query((rs, n) -> new Object[] {
                    rs.getString("category"),
                    rs.getString("second_category"),
                    rs.getString("sex"),
                    rs.getLong("total"),
                    rs.getBigDecimal("measure_sum"),
                    rs.getBigDecimal("measure_weight")
                })
                .list();
        return DisaggregatedTable.of(
                sums,
                new org.polyphony.statistics.SmallCells(dataset.minimumCell()),
                dataset.schema().measure());
    }
}
