package org.splitinfer.spi;

import java.util.List;

/**
 * One chip's entry in a {@link HardwareSheet}.
 *
 * @param resource    the resource it was read from, for messages
 * @param id          the chip's id
 * @param vendor      who makes it
 * @param displayName human-readable name
 * @param status      shipping, announced or projected
 * @param figures     its figures, in file order
 * @since 0.1
 */
public record AcceleratorSheet(String resource, String id, String vendor, String displayName, Status status,
                               List<Figure> figures) {
    /** Validates the fields. */
    public AcceleratorSheet {
        Names.requireText("sheet resource", resource);
        Names.requireLowerName("accelerator id", id);
        Names.requireText("accelerator '" + id + "' vendor", vendor);
        Names.requireText("accelerator '" + id + "' displayName", displayName);
        Names.requireNonNull("accelerator '" + id + "' status", status);
        figures = List.copyOf(Names.requireNonNull("accelerator '" + id + "' figures", figures));
    }

    /**
     * The value of a required figure.
     *
     * @param name figure name
     * @return its value
     * @throws HardwareDataException naming the resource, the chip and the figure when it is absent
     * @since 0.1
     */
    public double value(String name) {
        for (Figure figure : figures) {
            if (figure.name().equals(name)) {
                return figure.value();
            }
        }
        throw new HardwareDataException(resource + ": accelerator '" + id + "' lacks figure '" + name
                + "'; add it with a source or an assumption");
    }

    /**
     * The value of an optional figure.
     *
     * @param name     figure name
     * @param fallback value when absent
     * @return its value or the fallback
     * @since 0.1
     */
    public double value(String name, double fallback) {
        for (Figure figure : figures) {
            if (figure.name().equals(name)) {
                return figure.value();
            }
        }
        return fallback;
    }

    /**
     * Whether the figure is present.
     *
     * @param name figure name
     * @return true if present
     * @since 0.1
     */
    public boolean has(String name) {
        return figures.stream().anyMatch(f -> f.name().equals(name));
    }
}
