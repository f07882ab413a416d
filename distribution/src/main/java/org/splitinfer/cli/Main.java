package org.splitinfer.cli;

/** Entry point of the {@code splitinfer} command. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the tool and exits with its code: 0 success, 1 failure of the work, 2 bad usage or input.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(SplitInferCli.run(args));
    }
}
