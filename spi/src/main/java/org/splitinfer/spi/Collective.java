package org.splitinfer.spi;

/**
 * Communication a layout needs, described for the hardware's {@link Interconnect} to price.
 *
 * @param name         what it carries, e.g. {@code attention-out all-reduce}
 * @param kind         the pattern
 * @param bytes        size of the buffer each participant holds before the collective (for send-recv: the
 *                     bytes sent), {@code >= 0}
 * @param participants chips taking part, {@code >= 1} (2 for send-recv)
 * @param count        identical invocations in the step, {@code >= 1}
 * @since 0.1
 */
public record Collective(String name, CollectiveKind kind, double bytes, int participants, long count) {
    /** Validates the fields. */
    public Collective {
        Names.requireText("collective name", name);
        Names.requireNonNull("collective", name, "kind", kind);
        Names.requireNonNegativeFinite("collective", name, "bytes", bytes);
        Names.requirePositive("collective", name, "participants", participants);
        Names.requirePositive("collective", name, "count", count);
    }
}
