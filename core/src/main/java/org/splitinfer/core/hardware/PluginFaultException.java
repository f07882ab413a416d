package org.splitinfer.core.hardware;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * A plugin's accelerator failed, or answered what no chip can (a NaN, an infinite or negative time, bandwidth or
 * power, a missing result), while the host used it. The host guards every call into a plugin, so a fault names the
 * plugin and the accelerator instead of surfacing as a failure of the host; the deployment that uses the
 * accelerator fails with this exception, and a comparison or a plan leaves the accelerator out and says why. The
 * plugin's own throwable, if any, is the cause.
 *
 * @since 0.1
 */
public final class PluginFaultException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    private final String plugin;
    private final String acceleratorId;
    private final String call;
    private final String problem;

    /**
     * @param plugin        the plugin: its jar's file name, or its provider class on the class path
     * @param acceleratorId the accelerator's id
     * @param call          the SPI method that failed, e.g. {@code kernelSeconds}
     * @param problem       what went wrong, in words, e.g. {@code it returned NaN seconds}
     * @param cause         the plugin's throwable, or null when it returned a value the host refuses
     */
    public PluginFaultException(String plugin, String acceleratorId, String call, String problem, Throwable cause) {
        this(plugin, acceleratorId, call, problem, cause, List.of());
    }

    /**
     * A fault of an accelerator whose sheet holds figures the user set ({@code --set}): the message points at them,
     * not at the plugin's vendor, since a what-if value may lie where the plugin's model does not reach.
     *
     * @param plugin         the plugin: its jar's file name, or its provider class on the class path
     * @param acceleratorId  the accelerator's id
     * @param call           the SPI method that failed, e.g. {@code kernelSeconds}
     * @param problem        what went wrong, in words
     * @param cause          the plugin's throwable, or null
     * @param userSetFigures the names of the figures the user set on this accelerator; empty for none
     * @since 0.2
     */
    public PluginFaultException(String plugin, String acceleratorId, String call, String problem, Throwable cause,
                                List<String> userSetFigures) {
        super("plugin " + plugin + "'s accelerator '" + acceleratorId + "' failed in " + call + ": " + problem
                + (userSetFigures.isEmpty() ? "; leave the accelerator out, or report this to the plugin's vendor"
                : "; its sheet holds figures set by --set (" + String.join(", ", userSetFigures) + "), which may lie"
                + " outside what the plugin models: change those values, or leave the accelerator out"), cause);
        this.plugin = plugin;
        this.acceleratorId = acceleratorId;
        this.call = call;
        this.problem = problem;
    }

    /** @return the plugin: its jar's file name, or its provider class on the class path */
    public String plugin() {
        return plugin;
    }

    /** @return the accelerator's id */
    public String acceleratorId() {
        return acceleratorId;
    }

    /** @return the SPI method that failed, e.g. {@code kernelSeconds} */
    public String call() {
        return call;
    }

    /** @return what went wrong, in words, without the plugin and accelerator */
    public String problem() {
        return problem;
    }
}
