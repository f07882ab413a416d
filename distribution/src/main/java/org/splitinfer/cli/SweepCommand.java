package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.sweep.ParquetRows;
import org.splitinfer.core.sweep.SweepCsv;
import org.splitinfer.core.sweep.SweepGrid;
import org.splitinfer.core.sweep.SweepPoint;
import org.splitinfer.core.sweep.SweepRow;
import org.splitinfer.core.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer sweep}: every point of a grid planned or simulated on the local cores, one row each. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Plan (or simulate) every point of a grid — models x workloads x rates x SLOs x hardware sets"
                + " x figure overrides x objectives — on all local cores, and write one row per point as CSV or"
                + " Parquet. The grid's schema is in the README's 'Sweeps'; the same grid runs on Apache Spark with"
                + " the spark module's job jar.",
                "Rows are written in point order, each whole and flushed: after an interruption, --resume keeps"
                        + " the rows written and computes only the missing points."})
final class SweepCommand implements Runnable {
    /** The most threads --threads takes. */
    static final int MAX_THREADS = 1024;

    private final InstalledHardware hardware;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--grid", required = true, paramLabel = "FILE", converter = PathFlags.InputFile.class,
            description = "The grid: a YAML or JSON file (schema in the README's 'Sweeps').")
    private Path grid;

    @Option(names = "--out", required = true, paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Where the rows go: FILE.csv, or FILE.parquet (its rows are kept in FILE.parquet.csv"
                    + " as they come, for --resume).")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv or parquet (default: from --out's extension, else csv).")
    private String format;

    @Option(names = "--threads", paramLabel = "N",
            description = "Points evaluated at once, 1 to 1,024 (default: the available processors).")
    private Integer threads;

    @Option(names = "--resume", description = "Keep the rows --out already holds and compute only the missing points.")
    private boolean resume;

    @Inject
    SweepCommand(InstalledHardware hardware) {
        this.hardware = hardware;
    }

    @Override
    public void run() {
        boolean parquet = parquet();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > MAX_THREADS) {
            throw new SplitInferException("--threads must be 1 to 1,024, got " + workers);
        }
        // a Parquet file cannot be appended to: its rows go to a CSV journal first, which --resume reads
        Path csv = parquet ? out.resolveSibling(out.getFileName() + ".csv") : out;
        if (!resume && (nonEmpty(csv) || parquet && nonEmpty(out))) {
            throw new SplitInferException("--out " + csv + " already holds rows; add --resume to compute only the"
                    + " missing points, or remove it to start again");
        }
        SweepGrid sweep = SweepGrid.read(grid);
        List<SweepPoint> points = sweep.points();
        PrintWriter err = spec.commandLine().getErr();
        // what-if figures come from the grid's overrides axis only, where they are part of each point's key and row
        SplitInfer splitInfer = hardware.open(root.pluginDirectories(), err);
        // every override set loads its chips before the first row is written: a figure no chip has is the grid's
        // mistake, refused whole rather than found halfway through the run
        splitInfer.requireOverrides(points);
        ProgressBar bar = ProgressBar.of(err, points.size(), root.errorIsTerminal());
        SweepRunner.Summary summary = new SweepRunner(splitInfer::sweep, workers).run(points, csv, resume,
                bar::update);
        bar.done();
        if (parquet) {
            ParquetRows.write(rows(csv), out);
        }
        PrintWriter printed = spec.commandLine().getOut();
        Text.print(printed, "", String.format(Locale.ROOT, "%,d points: %,d computed, %,d kept from an earlier run;"
                        + " %.2f s on %d thread%s (%.1f points/s)", summary.points(), summary.computed(),
                summary.skipped(), summary.seconds(), workers, workers == 1 ? "" : "s",
                summary.seconds() > 0 ? summary.computed() / summary.seconds() : 0.0), root.columns());
        printed.println("wrote " + out);
        printed.flush();
    }

    private boolean parquet() {
        if (format == null) {
            return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "parquet" -> true;
            default -> throw new SplitInferException("--format must be csv or parquet, got '" + format + "'");
        };
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static List<SweepRow> rows(Path csv) {
        List<SweepRow> rows = new ArrayList<>();
        for (String line : SweepCsv.readDone(csv).values()) {
            rows.add(SweepCsv.row(line));
        }
        return rows;
    }
}
