package org.splitinfer.core.error;

/**
 * A result core computed holds a figure that cannot be true: NaN, an infinity, or a negative time, count, power or
 * cost. Core checks every result it returns (an estimate and its phases, a simulation, a plan, a fit, a roofline
 * analysis) and withholds one that fails, naming the figure and where it came from (the pool and its chip), rather
 * than let a nonsense number reach a table, a report or a file.
 *
 * <p>Such a figure comes from a chip's model (a plugin that returns a negative collective time, or NaN watts) or
 * from inputs beyond what the models cover; the message says which chip to look at.
 *
 * @since 0.1
 */
public final class InvalidFigureException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /** The figure's path in the result, e.g. {@code phases[1].stepLatencySeconds}. */
    private final String figure;
    /** The chip the figure came from, or empty when the result names none. */
    private final String hardware;

    /**
     * @param message  one sentence naming the result, the figure, its value and its source
     * @param figure   the figure's path in the result
     * @param hardware the accelerator id it came from, or empty
     */
    public InvalidFigureException(String message, String figure, String hardware) {
        super(message);
        this.figure = figure;
        this.hardware = hardware;
    }

    /** @return the figure's path in the result, e.g. {@code phases[1].stepLatencySeconds} */
    public String figure() {
        return figure;
    }

    /** @return the accelerator id the figure came from, or empty when the result names none */
    public String hardware() {
        return hardware;
    }
}
