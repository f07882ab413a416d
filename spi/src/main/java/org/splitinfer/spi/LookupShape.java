package org.splitinfer.spi;

/**
 * Rows gathered from a table, such as token embeddings: only the rows read move, not the table.
 *
 * @param rows     rows read, {@code >= 1}
 * @param rowBytes bytes per row, {@code >= 1}
 * @since 0.1
 */
public record LookupShape(long rows, long rowBytes) implements KernelShape {
    /** Validates the sizes. */
    public LookupShape {
        Names.requirePositive("lookup rows", rows);
        Names.requirePositive("lookup rowBytes", rowBytes);
    }
}
