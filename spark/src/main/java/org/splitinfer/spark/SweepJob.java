package org.splitinfer.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.sweep.SweepColumn;
import org.splitinfer.core.sweep.SweepGrid;
import org.splitinfer.core.sweep.SweepPoint;
import org.splitinfer.core.sweep.SweepRow;

/**
 * {@code spark-submit --class org.splitinfer.spark.SweepJob splitinfer-spark.jar --grid grid.yaml --out
 * results.parquet}: the grid is read and expanded on the driver, each point is one task (as many partitions as
 * points), each task runs {@link SplitInfer#sweep} with the plugins in the job jar, and the rows, ordered by point,
 * are written as Parquet with the columns of {@code splitinfer sweep}'s CSV ({@link SweepColumn#ALL}).
 *
 * <p>The grid file is read where the driver runs; trace and model files it names must be at the same path on
 * every executor (a shared file system). A bad grid or bad arguments print one sentence and exit with status 2.
 */
public final class SweepJob {
    private SweepJob() {
    }

    /**
     * @param args {@code --grid FILE --out PATH}
     */
    public static void main(String[] args) {
        String grid = null;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ((flag.equals("--grid") || flag.equals("--out")) && i + 1 < args.length) {
                if (flag.equals("--grid")) {
                    grid = args[++i];
                } else {
                    out = args[++i];
                }
            } else {
                usage("unexpected argument '" + flag + "'");
            }
        }
        if (grid == null || out == null) {
            usage("give both --grid FILE and --out PATH");
        }
        List<SweepPoint> points;
        try {
            points = SweepGrid.read(Path.of(grid)).points();
            // every override set loads its chips on the driver first, as a local sweep does: a figure no chip has is
            // the grid's mistake, said once, not a failed stage
            SplitInfer.create().requireOverrides(points);
        } catch (SplitInferException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("splitinfer sweep " + grid).getOrCreate();
        try {
            long start = System.nanoTime();
            write(rows(spark, points), out);
            System.out.printf("%d points in %.1f s; wrote %s%n", points.size(), (System.nanoTime() - start) / 1e9,
                    out);
        } finally {
            spark.stop();
        }
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem + "; usage: spark-submit --class " + SweepJob.class.getName()
                + " splitinfer-spark.jar --grid FILE --out PATH");
        System.exit(2);
    }

    /**
     * Evaluates the points, one task each, into a DataFrame of their rows ordered by point.
     *
     * @param spark  the session
     * @param points the grid's points
     * @return the rows, with {@link #schema()}
     */
    public static Dataset<Row> rows(SparkSession spark, List<SweepPoint> points) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = context.parallelize(points, Math.max(1, points.size())).map(SweepJob::evaluate)
                // kept once computed: ordering samples its input first, which would otherwise evaluate every point twice
                .persist(StorageLevel.MEMORY_AND_DISK());
        return spark.createDataFrame(rows, schema()).orderBy("index");
    }

    /**
     * Writes rows as Parquet, replacing what the path held; ordered rows coalesce into one file.
     *
     * @param rows the rows
     * @param out  a path the cluster can write (a folder, as Spark writes Parquet)
     */
    public static void write(Dataset<Row> rows, String out) {
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out);
    }

    /** @return the columns of {@link SweepColumn#ALL}, each nullable, text as strings, numbers as longs and doubles */
    public static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (SweepColumn column : SweepColumn.ALL) {
            DataType type = switch (column.type()) {
                case TEXT -> DataTypes.StringType;
                case INTEGER -> DataTypes.LongType;
                case REAL -> DataTypes.DoubleType;
            };
            fields.add(DataTypes.createStructField(column.name(), type, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** One task: the point's row, from the executor's own SplitInfer. */
    static Row evaluate(SweepPoint point) {
        SweepRow row = ExecutorSplitInfer.get().sweep(point);
        return RowFactory.create(row.values().toArray());
    }
}
