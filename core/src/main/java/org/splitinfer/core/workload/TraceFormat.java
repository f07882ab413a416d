package org.splitinfer.core.workload;

/**
 * The request-trace formats a {@link TraceWorkload} reads: one request per row, with its arrival, its prompt tokens
 * and its output tokens, rows sorted by arrival (equal arrivals allowed).
 *
 * <h2>Detection</h2>
 * The content decides, never the file name, so a trace named {@code .txt}, {@code .log} or nothing at all reads
 * the same. Blank lines are skipped everywhere, and a UTF-8 byte-order mark at the start is ignored. The first line
 * that is not blank decides:
 * <ol>
 *   <li>it starts with <code>{</code>: {@link #JSON_LINES}, and that line is the first request;</li>
 *   <li>it is the header {@code TIMESTAMP,ContextTokens,GeneratedTokens}: {@link #AZURE_LLM_INFERENCE};</li>
 *   <li>it is the header {@code arrivalSeconds,inputTokens,outputTokens}: {@link #CSV};</li>
 *   <li>anything else is refused, naming the line and the headers it could have been (with a did-you-mean for a
 *       misspelt column).</li>
 * </ol>
 * A header's three names may come in any order, and the rows' columns follow it.
 *
 * @since 0.1
 */
public enum TraceFormat {
    /**
     * The Azure LLM inference trace (Azure/AzurePublicDataset, 2023): header
     * {@code TIMESTAMP,ContextTokens,GeneratedTokens}, rows like {@code 2023-11-16 18:15:46.6805900,374,44}. The
     * timestamp is {@code YYYY-MM-DD HH:MM:SS} with an optional fraction of 1 to 9 digits and no time zone; only
     * differences between rows matter, so arrivals are taken relative to the first row, exactly to the nanosecond.
     */
    AZURE_LLM_INFERENCE("TIMESTAMP", "ContextTokens", "GeneratedTokens"),

    /**
     * A plain CSV: header {@code arrivalSeconds,inputTokens,outputTokens}, rows like {@code 0.25,100,20}. The arrival
     * is a decimal number of seconds {@code >= 0} from any origin (an exponent such as {@code 1.5e3} is allowed),
     * taken to the nanosecond; arrivals are relative to the first row.
     */
    CSV("arrivalSeconds", "inputTokens", "outputTokens"),

    /**
     * JSON lines: one flat object per line with exactly the keys {@code arrivalSeconds}, {@code inputTokens} and
     * {@code outputTokens}, in any order, each a JSON number:
     * {@code {"arrivalSeconds": 0.5, "inputTokens": 100, "outputTokens": 20}}. Any other key is a bad row.
     */
    JSON_LINES("arrivalSeconds", "inputTokens", "outputTokens");

    private final String arrivalName;
    private final String inputName;
    private final String outputName;

    TraceFormat(String arrivalName, String inputName, String outputName) {
        this.arrivalName = arrivalName;
        this.inputName = inputName;
        this.outputName = outputName;
    }

    /** @return the column or key that holds the arrival */
    public String arrivalName() {
        return arrivalName;
    }

    /** @return the column or key that holds the prompt tokens */
    public String inputName() {
        return inputName;
    }

    /** @return the column or key that holds the output tokens */
    public String outputName() {
        return outputName;
    }

    /** @return the header line a CSV of this format starts with */
    String header() {
        return arrivalName + "," + inputName + "," + outputName;
    }
}
