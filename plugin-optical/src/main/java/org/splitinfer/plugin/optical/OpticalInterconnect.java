package org.splitinfer.plugin.optical;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/**
 * Collectives between optical accelerator chips (their electronic I/O).
 *
 * <h2>Notes</h2>
 * <p>Ring algorithms over {@code p} participants, each holding {@code B} bytes, on links of bandwidth {@code bw}
 * (per chip, one direction) and latency {@code α} per hop (Patarasuk and Yuan, "Bandwidth optimal all-reduce
 * algorithms for clusters of workstations", JPDC 2009):
 * all-reduce {@code 2(p−1)/p · B/bw + 2(p−1)α}; reduce-scatter and all-to-all {@code (p−1)/p · B/bw + (p−1)α};
 * all-gather {@code (p−1) · B/bw + (p−1)α} (each holds one shard of {@code B}); send-recv {@code B/bw + α}.
 * A kind this model does not know is priced as an all-reduce, the costliest of them. Participants that fit the
 * scale-up domain ({@code scaleUp.domainChips}: 16 Envise modules in one server) use the scale-up figures;
 * more use the scale-out ones.
 *
 * <p>Figures: {@code scaleUp.domainChips}, {@code scaleUp.bytesPerSecond}, {@code scaleUp.latencySeconds},
 * {@code scaleOut.bytesPerSecond}, {@code scaleOut.latencySeconds}, all required.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scaleUpDomainChips      chips in one scale-up domain, {@code >= 1}
 * @param scaleUpBytesPerSecond   per chip, one direction, {@code > 0}
 * @param scaleUpLatencySeconds   per hop, {@code >= 0}
 * @param scaleOutBytesPerSecond  per chip, one direction, {@code > 0}
 * @param scaleOutLatencySeconds  per hop, {@code >= 0}
 */
public record OpticalInterconnect(int scaleUpDomainChips, double scaleUpBytesPerSecond, double scaleUpLatencySeconds,
                              double scaleOutBytesPerSecond, double scaleOutLatencySeconds) implements Interconnect {

    /** Validates the figures. */
    public OpticalInterconnect {
        if (scaleUpDomainChips < 1 || !(scaleUpBytesPerSecond > 0) || !(scaleOutBytesPerSecond > 0)
                || !(scaleUpLatencySeconds >= 0) || !(scaleOutLatencySeconds >= 0)) {
            throw new IllegalArgumentException("interconnect figures must be positive (latencies >= 0)");
        }
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        int p = collective.participants();
        if (p == 1) {
            return 0;
        }
        boolean inside = p <= scaleUpDomainChips;
        double bandwidth = inside ? scaleUpBytesPerSecond : scaleOutBytesPerSecond;
        double latency = inside ? scaleUpLatencySeconds : scaleOutLatencySeconds;
        double bytes = collective.bytes();
        double share = (p - 1) / (double) p;
        CollectiveKind kind = collective.kind();
        double once;
        if (kind.equals(CollectiveKind.SEND_RECV)) {
            once = bytes / bandwidth + latency;
        } else if (kind.equals(CollectiveKind.REDUCE_SCATTER) || kind.equals(CollectiveKind.ALL_TO_ALL)) {
            once = share * bytes / bandwidth + (p - 1) * latency;
        } else if (kind.equals(CollectiveKind.ALL_GATHER)) {
            once = (p - 1) * bytes / bandwidth + (p - 1) * latency;
        } else {
            once = 2 * share * bytes / bandwidth + 2 * (p - 1) * latency;
        }
        return once * collective.count();
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        if (!(bytes >= 0) || Double.isInfinite(bytes)) {
            throw new IllegalArgumentException("bytes must be finite and >= 0, got " + bytes);
        }
        return reach == Reach.SCALE_UP
                ? bytes / scaleUpBytesPerSecond + scaleUpLatencySeconds
                : bytes / scaleOutBytesPerSecond + scaleOutLatencySeconds;
    }
}
