package org.splitinfer.core.testing;

import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.splitinfer.core.error.InvalidFigureException;
import org.splitinfer.core.error.internal.FigureAudit;

/**
 * What a reader may do with any input, for the property tests: return a result whose figures are all finite and at
 * least 0 ({@link FigureAudit}), or refuse the input with one of its typed exceptions, whose message is one line in the
 * project's words: not blank, no line break or other control character, no exception class name, no Java package. Anything else (another
 * exception, a hang the test's time shows, a nonsense figure) fails the property.
 */
public final class ReaderOutcomes {
    private static final Pattern JAVA_WORDS = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b|\\bjava\\.[a-z]+\\.|com\\.fasterxml|org\\.yaml");

    private ReaderOutcomes() {
    }

    /**
     * @param read  reads one generated input
     * @param typed the exceptions the reader documents
     * @return the result, or null when the input was refused
     * @throws AssertionError when the reader did anything else
     */
    @SafeVarargs
    public static Object requireTypedOrSound(Callable<?> read, Class<? extends RuntimeException>... typed) {
        Object result;
        try {
            result = read.call();
        } catch (Exception e) {
            for (Class<? extends RuntimeException> type : typed) {
                if (type.isInstance(e)) {
                    requireOneLine(e.getMessage(), e);
                    return null;
                }
            }
            throw new AssertionError("the reader threw what it does not document: " + e, e);
        }
        try {
            return FigureAudit.requireSound(result, "reading", "a generated file");
        } catch (InvalidFigureException e) {
            throw new AssertionError("the reader returned a result with a nonsense figure: " + e.getMessage(), e);
        }
    }

    /**
     * @param message an error's message
     * @param cause   the error, for the report
     */
    public static void requireOneLine(String message, Throwable cause) {
        if (message == null || message.isBlank()) {
            throw new AssertionError("a refusal without a message", cause);
        }
        if (message.chars().anyMatch(c -> c < 0x20 || c >= 0x7f && c < 0xa0 || c == 0x2028 || c == 0x2029)) {
            throw new AssertionError("a refusal with a line break or a control character: " + message, cause);
        }
        if (JAVA_WORDS.matcher(message).find()) {
            throw new AssertionError("a refusal in Java's words rather than the project's: " + message, cause);
        }
    }
}
