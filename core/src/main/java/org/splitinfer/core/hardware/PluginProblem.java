package org.splitinfer.core.hardware;

/**
 * A plugin that was skipped, and why.
 *
 * @param origin where it came from: a jar, a plugin folder, or the class path
 * @param reason one sentence
 */
public record PluginProblem(String origin, String reason) {
    /** @return one line: {@code skipped plugin <origin>: <reason>} */
    public String describe() {
        return "skipped plugin " + origin + ": " + reason;
    }
}
