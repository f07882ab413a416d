package org.splitinfer.core.sim;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * A latency objective per request: it is met when its time to first token is at most {@code ttftSeconds} and its
 * time per output token (after the first) at most {@code tpotSeconds}.
 *
 * @param ttftSeconds time to first token, queueing included, {@code > 0}
 * @param tpotSeconds time per output token, {@code > 0}
 * @since 0.1
 */
public record ServiceLevel(double ttftSeconds, double tpotSeconds) {
    /** 1 s to first token and 50 ms per output token (20 tokens/s: faster than people read). */
    public static final ServiceLevel DEFAULT = new ServiceLevel(1.0, 0.050);

    /** Validates the limits; messages name the fields {@code slo.ttft} and {@code slo.tpot}. */
    public ServiceLevel {
        if (!(ttftSeconds > 0) || !(tpotSeconds > 0) || Double.isInfinite(ttftSeconds)
                || Double.isInfinite(tpotSeconds)) {
            throw new SplitInferException("slo.ttft and slo.tpot must be positive and finite seconds, got "
                    + ttftSeconds + " and " + tpotSeconds, null, List.of("slo.ttft", "slo.tpot"));
        }
    }
}
