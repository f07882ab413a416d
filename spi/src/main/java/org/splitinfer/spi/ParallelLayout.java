package org.splitinfer.spi;

/**
 * How one model instance is spread over chips. Chips = tensor × pipeline × data; experts are spread over
 * {@code expert} of those chips.
 *
 * @param tensor   tensor-parallel degree, {@code >= 1}
 * @param pipeline pipeline stages, {@code >= 1}
 * @param expert   expert-parallel degree, {@code >= 1}, at most tensor × data
 * @param data     data-parallel replicas, {@code >= 1}
 * @since 0.1
 */
public record ParallelLayout(int tensor, int pipeline, int expert, int data) {
    /** One chip. */
    public static final ParallelLayout SINGLE = new ParallelLayout(1, 1, 1, 1);

    /** Validates the degrees. */
    public ParallelLayout {
        Names.requirePositive("tensor parallel degree", tensor);
        Names.requirePositive("pipeline parallel degree", pipeline);
        Names.requirePositive("expert parallel degree", expert);
        Names.requirePositive("data parallel degree", data);
        if (expert > tensor * data) {
            throw new IllegalArgumentException("expert parallel degree " + expert
                    + " exceeds tensor × data = " + tensor * data);
        }
    }

    /** @return tensor × pipeline × data */
    public int chips() {
        return tensor * pipeline * data;
    }
}
