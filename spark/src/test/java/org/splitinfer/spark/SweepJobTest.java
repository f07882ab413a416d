package org.splitinfer.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.sweep.ParquetRows;
import org.splitinfer.core.sweep.SweepColumn;
import org.splitinfer.core.sweep.SweepGrid;
import org.splitinfer.core.sweep.SweepPoint;
import org.splitinfer.core.sweep.SweepRow;
import org.splitinfer.core.sweep.SweepRunner;

/** The job on a local[2] master gives the rows a local sweep gives, and reads the local sweep's Parquet alike. */
class SweepJobTest {
    /** The README's 200-point example grid (2 models x 5 rates x 2 SLOs x 5 one-chip sets x 2 objectives). */
    static final Path GRID = Path.of("..", "examples", "sweep-grid.yaml");

    private static SparkSession spark;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("SweepJobTest")
                .config("spark.ui.enabled", "false")
                // the test's driver and executor talk over the loopback interface only
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void aTwoHundredPointGridGivesIdenticalRowsLocallyAndOnSpark() {
        List<SweepPoint> points = SweepGrid.read(GRID).points();
        assertThat(points).hasSize(200);

        List<SweepRow> local = new SweepRunner(SplitInfer.create()::sweep, 2).rows(points, done -> { });
        String out = folder.resolve("rows.parquet").toString();
        SweepJob.write(SweepJob.rows(spark, points), out);
        List<String> fromSpark = lines(spark.read().parquet(out));

        List<String> fromLocal = local.stream().map(SweepRow::csv).toList();
        // the job writes in point order, as the local sweep does; sorted, the two are the same set of rows too
        assertThat(fromSpark).containsExactlyElementsOf(fromLocal);
        assertThat(fromSpark.stream().sorted().toList()).isEqualTo(fromLocal.stream().sorted().toList());
        // one-chip sets at these rates: every point's plan has a winner (else the comparison would be of errors)
        assertThat(local).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("winner"));
        assertThat(local.get(0)).extracting(row -> row.get("model"), row -> row.get("prefill_hardware"),
                row -> row.get("objective")).containsExactly("llama-3.1-8b", "h100-sxm", "cost");
    }

    @Test
    void theLocalSweepsParquetReadsBackInSparkAsItsRows() {
        List<SweepPoint> points = SweepGrid.parse("grid.yaml", """
                mode: simulate
                models: [llama-3.1-8b]
                rates: [2, 4]
                deployments:
                  - {colocated: {hardware: h100-sxm, chips: 1}}
                  - {prefill: {hardware: h100-sxm, chips: 1}, decode: {hardware: nonexistent-chip, chips: 1}}
                requests: 100
                """, folder).points();
        List<SweepRow> rows = new SweepRunner(SplitInfer.create()::sweep, 2).rows(points, done -> { });
        Path file = folder.resolve("local.parquet");

        ParquetRows.write(rows, file);

        // 4 rows: text with commas, quotes and braces, nulls in every kind of column, whole and real numbers
        assertThat(rows).extracting(row -> row.get("status"))
                .containsExactly("simulated", "error", "simulated", "error");
        Dataset<Row> read = spark.read().parquet(file.toString());
        assertThat(read.schema()).isEqualTo(SweepJob.schema());
        assertThat(lines(read)).containsExactlyElementsOf(rows.stream().map(SweepRow::csv).toList());
    }

    /** Spark's rows as the CSV lines of the same rows. */
    private static List<String> lines(Dataset<Row> rows) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows.collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < SweepColumn.ALL.size(); i++) {
                values.add(row.isNullAt(i) ? null : row.get(i));
            }
            lines.add(new SweepRow(values).csv());
        }
        return lines;
    }
}
