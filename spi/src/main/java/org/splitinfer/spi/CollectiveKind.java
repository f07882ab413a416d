package org.splitinfer.spi;

/**
 * A communication pattern. Open: a vendor may name its own; the host emits the constants.
 *
 * @param name lowercase identifier
 * @since 0.1
 */
public record CollectiveKind(String name) {
    /** Every participant ends with the element-wise sum of all buffers (tensor parallelism). */
    public static final CollectiveKind ALL_REDUCE = new CollectiveKind("all-reduce");
    /** Every participant ends with the concatenation of all buffers. */
    public static final CollectiveKind ALL_GATHER = new CollectiveKind("all-gather");
    /** Every participant ends with one reduced shard. */
    public static final CollectiveKind REDUCE_SCATTER = new CollectiveKind("reduce-scatter");
    /** Every participant sends a distinct shard to every other (expert parallelism). */
    public static final CollectiveKind ALL_TO_ALL = new CollectiveKind("all-to-all");
    /** One participant sends a buffer to the next (pipeline stages). */
    public static final CollectiveKind SEND_RECV = new CollectiveKind("send-recv");

    /** Validates the name. */
    public CollectiveKind {
        Names.requireLowerName("collective kind", name);
    }

    @Override
    public String toString() {
        return name;
    }
}
