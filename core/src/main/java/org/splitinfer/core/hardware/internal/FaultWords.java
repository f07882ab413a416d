package org.splitinfer.core.hardware.internal;

/**
 * What a plugin's throwable means, in words a user reads on one line: no class names, no stack trace, control
 * characters escaped, long messages cut. Also which throwables the host must not contain.
 */
final class FaultWords {
    /** Longer plugin messages are cut: a warning or an error stays one readable line. */
    private static final int MAX_MESSAGE = 240;

    private FaultWords() {
    }

    /**
     * Whether the host can carry on after a plugin threw this. A stack overflow or an out-of-memory error a plugin
     * provoked has unwound with the plugin's frames and freed what it held; the JVM's own internal errors have not.
     *
     * @param thrown what the plugin threw
     * @return false for the JVM's internal errors, which the host lets through
     */
    static boolean survivable(Throwable thrown) {
        return !(thrown instanceof VirtualMachineError)
                || thrown instanceof StackOverflowError || thrown instanceof OutOfMemoryError;
    }

    /**
     * @param thrown what a plugin threw
     * @return what it means, e.g. {@code its stack overflowed (unbounded recursion?)} or the plugin's own message
     */
    static String describe(Throwable thrown) {
        String message = message(thrown);
        if (thrown instanceof ExceptionInInitializerError && thrown.getCause() != null) {
            return "its static initializer failed: " + describe(thrown.getCause());
        }
        if (thrown instanceof StackOverflowError) {
            return "its stack overflowed (unbounded recursion?)";
        }
        if (thrown instanceof OutOfMemoryError) {
            return "it ran out of memory" + (message == null ? "" : " (" + message + ")");
        }
        if (thrown instanceof AssertionError) {
            return "an assertion failed" + (message == null ? "" : ": " + message);
        }
        if (thrown instanceof NoClassDefFoundError || thrown instanceof ClassNotFoundException) {
            return "a class it needs is missing" + (message == null ? "" : ": " + message.replace('/', '.'))
                    + " (a dependency left out of its jar or folder?)";
        }
        if (thrown instanceof LinkageError) {
            return "it does not link with this SplitInfer" + (message == null ? "" : " (" + message + ")")
                    + "; rebuild it against this SPI";
        }
        Throwable cause = thrown.getCause();
        // new RuntimeException(cause) takes the cause's toString(), class name and all: word the cause instead
        if (cause != null && cause != thrown && (message == null || thrown.getMessage().equals(cause.toString()))) {
            return describe(cause);
        }
        return message == null ? "it threw an exception without a message" : message;
    }

    /**
     * A plugin-supplied text as part of one line: control characters escaped ({@code \n}, {@code \t},
     * {@code \u001b}), cut after {@value #MAX_MESSAGE} characters.
     *
     * @param text any text
     * @return the text on one line
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_MESSAGE) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (line.length() >= MAX_MESSAGE) {
                return line.append("...").toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.toString();
    }

    private static String message(Throwable thrown) {
        String message = thrown.getMessage();
        return message == null || message.isBlank() ? null : oneLine(message.strip());
    }
}
