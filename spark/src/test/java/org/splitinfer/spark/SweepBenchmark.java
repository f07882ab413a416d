package org.splitinfer.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.sweep.SweepGrid;
import org.splitinfer.core.sweep.SweepPoint;
import org.splitinfer.core.sweep.SweepRunner;

/**
 * Times the README's 200-point example grid through the local runner on 2 threads and through {@link SweepJob} on a
 * {@code local[2]} master, three runs each after one warm-up, and prints each run and the median. A program, not a
 * test: tests assert rows, this reports seconds.
 *
 * <pre>
 * ./mvnw -q -DskipTests install &amp;&amp; ./mvnw -q -pl spark test-compile exec:exec@bench
 * </pre>
 */
public final class SweepBenchmark {
    private static final int RUNS = 3;

    private SweepBenchmark() {
    }

    /**
     * @param args none
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        List<SweepPoint> points = SweepGrid.read(SweepJobTest.GRID).points();
        SplitInfer splitInfer = SplitInfer.create();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("SweepBenchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        Path folder = Files.createTempDirectory("sweep-benchmark");
        try {
            double[] local = new double[RUNS];
            double[] onSpark = new double[RUNS];
            for (int run = -1; run < RUNS; run++) {
                long start = System.nanoTime();
                new SweepRunner(splitInfer::sweep, 2).rows(points, done -> { });
                double localSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                SweepJob.write(SweepJob.rows(spark, points), folder.resolve("rows-" + run).toString());
                double sparkSeconds = (System.nanoTime() - start) / 1e9;
                if (run >= 0) {
                    local[run] = localSeconds;
                    onSpark[run] = sparkSeconds;
                    System.out.printf(Locale.ROOT, "run %d: local (2 threads) %.2f s, Spark local[2] %.2f s%n",
                            run + 1, localSeconds, sparkSeconds);
                }
            }
            System.out.printf(Locale.ROOT, "%d points, median of %d runs: local %.2f s, Spark local[2] %.2f s%n",
                    points.size(), RUNS, median(local), median(onSpark));
        } finally {
            spark.stop();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
