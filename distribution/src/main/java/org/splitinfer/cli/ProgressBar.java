package org.splitinfer.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error, drawn only when standard error is a terminal (so logs, pipes and tests
 * stay quiet), redrawn in place with a carriage return and erased when done.
 */
final class ProgressBar {
    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final long total;
    private final boolean active;
    private int drawn = -1;

    private ProgressBar(PrintWriter err, long total, boolean active) {
        this.err = err;
        this.total = total;
        this.active = active;
    }

    /**
     * @param err        standard error
     * @param total      the count that means done, or 0 when unknown (nothing is drawn)
     * @param onTerminal whether standard error is a terminal
     * @return a bar that draws only on a terminal
     */
    static ProgressBar of(PrintWriter err, long total, boolean onTerminal) {
        return new ProgressBar(err, total, total > 0 && onTerminal);
    }

    void update(long done) {
        if (!active) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == drawn) {
            return;
        }
        drawn = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
        err.flush();
    }

    void done() {
        if (active && drawn >= 0) {
            err.print("\r" + " ".repeat(WIDTH + 8) + "\r");
            err.flush();
        }
    }
}
