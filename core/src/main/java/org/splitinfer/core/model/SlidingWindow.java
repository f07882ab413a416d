package org.splitinfer.core.model;

import java.util.List;
import org.splitinfer.core.input.Limits;

/**
 * Which layers attend through a sliding window, and how wide it is. The {@code pattern} repeats over the
 * layers from layer 0 (gpt-oss: {@code [SLIDING, FULL]}, alternating 128-token windows with full attention;
 * Mistral 7B v0.1: {@code [SLIDING]}). The compact constructor reduces the pattern to its shortest period,
 * so two equal layer layouts compare equal.
 *
 * @param windowTokens tokens a sliding layer attends to, the current one included, {@code >= 1}
 * @param pattern      layer kinds, repeated over the layers; at least one {@link LayerAttention#SLIDING}
 * @since 0.1
 */
public record SlidingWindow(int windowTokens, List<LayerAttention> pattern) {

    /** Validates the fields and reduces the pattern to its shortest period. */
    public SlidingWindow {
        Checks.between("sliding_window window", windowTokens, 1, (int) Limits.MAX_TOKENS);
        Checks.nonNull("sliding_window pattern", pattern);
        boolean anySliding = false;
        for (LayerAttention kind : pattern) {
            Checks.nonNull("sliding_window pattern entry", kind);
            anySliding |= kind == LayerAttention.SLIDING;
        }
        if (!anySliding) {
            throw new IllegalArgumentException("sliding_window pattern must name at least one sliding layer, got "
                    + pattern);
        }
        pattern = List.copyOf(shortestPeriod(pattern));
    }

    /**
     * Whether a layer is a sliding-window layer.
     *
     * @param layer layer index from 0
     * @return true when the layer attends through the window
     */
    public boolean isSliding(int layer) {
        return pattern.get(layer % pattern.size()) == LayerAttention.SLIDING;
    }

    /**
     * Sliding layers in the half-open range {@code [from, to)}.
     *
     * @param from first layer
     * @param to   one past the last layer
     * @return sliding layers in the range
     */
    public int slidingLayers(int from, int to) {
        int count = 0;
        for (int layer = from; layer < to; layer++) {
            if (isSliding(layer)) {
                count++;
            }
        }
        return count;
    }

    private static List<LayerAttention> shortestPeriod(List<LayerAttention> pattern) {
        int size = pattern.size();
        for (int period = 1; period < size; period++) {
            boolean repeats = true;
            for (int i = period; i < size && repeats; i++) {
                repeats = pattern.get(i) == pattern.get(i % period);
            }
            if (repeats) {
                return pattern.subList(0, period);
            }
        }
        return pattern;
    }
}
