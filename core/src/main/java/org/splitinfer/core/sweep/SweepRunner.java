package org.splitinfer.core.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.splitinfer.core.input.Shown;

/**
 * Runs a sweep's points on a bounded pool of threads and hands their rows on in point order, whatever order they
 * finish in: the same points give the same rows, in the same order, on 1 thread or 64. At most a few points per
 * thread are in flight or waiting for an earlier one, so memory stays bounded however large the grid.
 *
 * <p>{@link #run} writes the rows as CSV and resumes: it appends each row as one whole line and flushes it, so a
 * crash loses at most the line being written; run again with {@code resume}, it keeps the rows already there (by
 * their points' keys), drops a torn last line, computes only the missing points, and leaves the file in point order
 * with each row's index that of its point in this grid, exactly as an uninterrupted run would.
 *
 * @since 0.1
 */
public final class SweepRunner {
    private final Function<SweepPoint, SweepRow> evaluator;
    private final int threads;

    /**
     * What a run did.
     *
     * @param points   points in the grid
     * @param computed points evaluated by this run
     * @param skipped  points whose rows an earlier run had written
     * @param seconds  wall-clock seconds the run took
     */
    public record Summary(int points, int computed, int skipped, double seconds) {
    }

    /**
     * @param evaluator gives a point's row (e.g. {@code splitInfer::sweep}); called from several threads at once
     * @param threads   points evaluated at once, {@code >= 1}
     */
    public SweepRunner(Function<SweepPoint, SweepRow> evaluator, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.evaluator = evaluator;
        this.threads = threads;
    }

    /**
     * Evaluates points and returns their rows, in the points' order.
     *
     * @param points   the points
     * @param progress told the number of rows done after each
     * @return the rows
     */
    public List<SweepRow> rows(List<SweepPoint> points, LongConsumer progress) {
        List<SweepRow> rows = new ArrayList<>(points.size());
        evaluateInOrder(points, row -> {
            rows.add(row);
            progress.accept(rows.size());
        });
        return rows;
    }

    /**
     * Runs a sweep into a CSV file.
     *
     * @param points   the grid's points
     * @param csv      the output file
     * @param resume   keep the rows the file holds and compute only the missing points; else start the file anew
     * @param progress told the number of points done (kept ones included) after each row
     * @return what the run did
     * @throws SweepException when the file cannot be written, or (resuming) holds rows that are not this grid's
     */
    public Summary run(List<SweepPoint> points, Path csv, boolean resume, LongConsumer progress) {
        long start = System.nanoTime();
        String name = Shown.path(csv.toString());
        Map<String, String> done = resume ? SweepCsv.readDone(csv) : Map.of();
        Map<String, SweepPoint> byKey = new HashMap<>();
        for (SweepPoint point : points) {
            byKey.put(point.key(), point);
        }
        for (String key : done.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new SweepException("sweep output " + name + " holds a row (key " + key + ") that is no point"
                        + " of this grid, so it was written for another grid or other settings; give another --out,"
                        + " or remove the file to start again");
            }
        }
        List<SweepPoint> missing = new ArrayList<>();
        for (SweepPoint point : points) {
            if (!done.containsKey(point.key())) {
                missing.add(point);
            }
        }
        Map<String, String> written = new HashMap<>();
        AtomicInteger count = new AtomicInteger(done.size());
        progress.accept(count.get());
        try {
            if (!resume || !Files.exists(csv) || Files.size(csv) == 0) {
                Files.writeString(csv, SweepCsv.HEADER + "\n", StandardCharsets.UTF_8);
            }
            try (OutputStream out = Files.newOutputStream(csv, StandardOpenOption.APPEND)) {
                evaluateInOrder(missing, row -> {
                    String line = row.csv();
                    try {
                        // one write of the whole line, flushed: a crash tears at most this line
                        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (IOException e) {
                        throw new SweepException("sweep output " + name + " cannot be written (" + e.getMessage()
                                + "); check the disk and run again with --resume");
                    }
                    written.put(row.key(), line);
                    progress.accept(count.incrementAndGet());
                });
            }
            if (!done.isEmpty()) {
                rewriteInPointOrder(csv, points, done, written);
            }
        } catch (IOException e) {
            throw new SweepException("sweep output " + name + " cannot be written (" + e.getMessage() + "); check"
                    + " the path and the disk, or give another --out");
        }
        return new Summary(points.size(), missing.size(), points.size() - missing.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Evaluates points on the pool, handing each row on in the points' order.
     *
     * @param points the points
     * @param sink   takes each row, on the calling thread
     */
    public void evaluateInOrder(List<SweepPoint> points, Consumer<SweepRow> sink) {
        if (points.isEmpty()) {
            return;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, points.size()), task -> {
            Thread thread = new Thread(task, "splitinfer-sweep-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        int window = threads * 4;
        ArrayDeque<Future<SweepRow>> inFlight = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < points.size() || !inFlight.isEmpty()) {
                while (next < points.size() && inFlight.size() < window) {
                    SweepPoint point = points.get(next++);
                    inFlight.add(pool.submit(() -> evaluator.apply(point)));
                }
                sink.accept(await(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static SweepRow await(Future<SweepRow> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The kept and the new rows, in point order with this grid's indices, replacing the file at once. */
    private static void rewriteInPointOrder(Path csv, List<SweepPoint> points, Map<String, String> done,
                                            Map<String, String> written) throws IOException {
        StringBuilder text = new StringBuilder(SweepCsv.HEADER).append('\n');
        Set<String> seen = new HashSet<>();
        for (SweepPoint point : points) {
            String key = point.key();
            if (!seen.add(key)) {
                continue;
            }
            String line = written.get(key);
            if (line == null) {
                String kept = done.get(key);
                // the index is the first field and a plain number: the point's place in this grid replaces it
                line = point.index() + kept.substring(kept.indexOf(','));
            }
            text.append(line).append('\n');
        }
        Path temporary = csv.resolveSibling(csv.getFileName() + ".sorting");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, csv, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
