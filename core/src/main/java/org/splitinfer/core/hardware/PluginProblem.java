package org.splitinfer.core.hardware;

/**
 * A plugin, or a hardware sheet dropped into a plugin folder, that was skipped, and why.
 *
 * @param origin where it came from: a jar, a plugin folder, the class path, or a {@code *-hardware.yaml} file
 * @param reason one sentence
 */
public record PluginProblem(String origin, String reason) {
    /** The name a hardware sheet dropped into a plugin folder ends with. */
    public static final String SHEET_SUFFIX = "-hardware.yaml";

    /**
     * @return one line: {@code skipped plugin <origin>: <reason>}, or {@code skipped hardware sheet <origin>:
     *         <reason>} for a dropped sheet
     */
    public String describe() {
        return (origin.endsWith(SHEET_SUFFIX) ? "skipped hardware sheet " : "skipped plugin ") + origin + ": "
                + reason;
    }
}
