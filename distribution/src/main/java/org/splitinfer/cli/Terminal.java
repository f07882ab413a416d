package org.splitinfer.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the JDK does not tell: whether standard error is a terminal, and how wide the terminal is. Both are asked of
 * the system ({@code /proc/self/fd/2}, {@code stty}); where it cannot say (no {@code /proc}, no {@code stty},
 * Windows), standard error counts as a terminal when the JVM has a console, and the width is unknown (0), which
 * prints 80 columns.
 */
final class Terminal {
    private static final File TTY = new File("/dev/tty");

    private Terminal() {
    }

    /** @return whether standard error goes to a terminal, where a progress bar may be drawn */
    static boolean errorIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(stderr).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** @return the terminal's columns, or 0 when unknown */
    static int columns() {
        if (!TTY.exists()) {
            return 0;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(TTY))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroy();
                return 0;
            }
            try (InputStream in = stty.getInputStream()) {
                // "rows columns"
                String[] size = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
                return size.length == 2 && size[1].matches("[0-9]{1,4}") ? Integer.parseInt(size[1]) : 0;
            }
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
