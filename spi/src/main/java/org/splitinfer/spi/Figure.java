package org.splitinfer.spi;

/**
 * One hardware figure with its provenance: either a {@link Source} that publishes it or, where no
 * source does, an assumption with its rationale.
 *
 * @param name       dotted name with the unit in it, e.g. {@code hbm.bytesPerSecond}, {@code peak.flopsPerSecond.fp8}
 * @param value      the figure, finite and {@code >= 0}, in the unit its name says
 * @param sourceId   id of a source in the same {@link AcceleratorSpec}, or {@code null} for an assumption
 * @param assumption why this value was assumed, or {@code null} when {@code sourceId} is given
 * @since 0.1
 */
public record Figure(String name, double value, String sourceId, String assumption) {

    /** Validates the value and that exactly one of source and assumption is given. */
    public Figure {
        Names.requireText("figure name", name);
        Names.requireNonNegativeFinite("figure", name, "", value);
        if ((sourceId == null) == (assumption == null)) {
            throw new IllegalArgumentException("figure '" + name
                    + "' needs exactly one of a source id or an assumption rationale");
        }
        if (assumption != null) {
            Names.requireText("figure", name, "assumption", assumption);
        }
    }

    /**
     * A figure a source publishes.
     *
     * @param name figure name
     * @param value value
     * @param sourceId id of the source
     * @return the figure
     * @since 0.1
     */
    public static Figure sourced(String name, double value, String sourceId) {
        return new Figure(name, value, sourceId, null);
    }

    /**
     * A figure no source publishes, assumed for the stated reason.
     *
     * @param name figure name
     * @param value value
     * @param rationale why this value
     * @return the figure
     * @since 0.1
     */
    public static Figure assumed(String name, double value, String rationale) {
        return new Figure(name, value, null, rationale);
    }

    /** @return true when no source publishes this figure */
    public boolean isAssumption() {
        return assumption != null;
    }
}
