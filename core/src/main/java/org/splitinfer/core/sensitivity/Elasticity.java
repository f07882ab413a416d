package org.splitinfer.core.sensitivity;

import java.util.OptionalDouble;

/**
 * How one parameter moves the metric: {@code ((m(x_high) − m(x_low)) ÷ m(x)) ÷ ((x_high − x_low) ÷ x)}, the central
 * difference of the metric's relative change over the parameter's. With {@code x_high = x(1 + s)} and
 * {@code x_low = x(1 − s)} the divisor is {@code 2s}. Where one side makes the deployment infeasible the other side's
 * one-sided difference stands, and {@link #note()} says so; where both do, there is no elasticity.
 *
 * @param parameter  the figure's name, e.g. {@code sram.capacityBytes}, {@code bytesPerSecond}, {@code usdPerKilowattHour}
 * @param kind       whose it is
 * @param subject    the chip's id, the link's id, or {@code cost}
 * @param baseValue  its value as estimated
 * @param lowValue   the value below ({@code x(1 − s)}; a whole-number figure rounded, at least 1 away)
 * @param highValue  the value above
 * @param metricLow  the metric at the low value, empty when infeasible
 * @param metricHigh the metric at the high value, empty when infeasible
 * @param elasticity the elasticity, empty when neither side is feasible or the value is 0
 * @param note       why a side is missing (the estimator's or the plugin's sentence), or null
 * @since 0.2
 */
public record Elasticity(String parameter, ParameterKind kind, String subject, double baseValue, double lowValue,
                         double highValue, OptionalDouble metricLow, OptionalDouble metricHigh,
                         OptionalDouble elasticity, String note) {
    /** @return whether a perturbation made the deployment infeasible */
    public boolean infeasible() {
        return metricLow.isEmpty() || metricHigh.isEmpty();
    }

    /** @return the parameter as a table names it: {@code groq-lpu-v1 sram.capacityBytes} */
    public String label() {
        return subject + " " + parameter;
    }
}
