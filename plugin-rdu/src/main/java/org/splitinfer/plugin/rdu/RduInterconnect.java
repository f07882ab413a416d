package org.splitinfer.plugin.rdu;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/**
 * Collectives between RDU sockets.
 *
 * <h2>Notes</h2>
 * <p>Ring algorithms over {@code p} participants, each holding {@code B} bytes, on links of bandwidth {@code bw}
 * (per socket, one direction) and latency {@code α} per hop (Patarasuk and Yuan, "Bandwidth optimal all-reduce
 * algorithms for clusters of workstations", JPDC 2009):
 * all-reduce {@code 2(p−1)/p · B/bw + 2(p−1)α}; reduce-scatter and all-to-all {@code (p−1)/p · B/bw + (p−1)α};
 * all-gather {@code (p−1) · B/bw + (p−1)α} (each holds one shard of {@code B}); send-recv {@code B/bw + α}.
 * A kind this model does not know is priced as an all-reduce, the costliest of them. Participants that fit the
 * scale-up domain ({@code scaleUp.domainChips}: 16 sockets of a SambaRack SN40L-16) use the scale-up figures;
 * more use the scale-out ones.
 *
 * <p>Inside the node the bandwidth terms are the same, but the latency is paid per phase, not per ring step: the
 * sockets are joined by a peer-to-peer network and the dataflow compiler schedules the transfers inside the graph
 * (Prabhakar et al., arXiv:2405.07518, 2024), so each socket sends its shards to all peers at once (a "two-shot"
 * all-reduce: reduce-scatter then all-gather, {@code 2α}; one-phase collectives {@code α}). That the node's network
 * lets every socket reach every peer in one hop is an assumption: SambaNova publishes no topology.
 *
 * <p>Figures: {@code scaleUp.domainChips}, {@code scaleUp.bytesPerSecond}, {@code scaleUp.latencySeconds},
 * {@code scaleOut.bytesPerSecond}, {@code scaleOut.latencySeconds}, all required.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scaleUpDomainChips      sockets in one scale-up domain, {@code >= 1}
 * @param scaleUpBytesPerSecond   per socket, one direction, {@code > 0}
 * @param scaleUpLatencySeconds   per hop, {@code >= 0}
 * @param scaleOutBytesPerSecond  per socket, one direction, {@code > 0}
 * @param scaleOutLatencySeconds  per hop, {@code >= 0}
 */
public record RduInterconnect(int scaleUpDomainChips, double scaleUpBytesPerSecond, double scaleUpLatencySeconds,
                              double scaleOutBytesPerSecond, double scaleOutLatencySeconds) implements Interconnect {

    /** Validates the figures. */
    public RduInterconnect {
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
        // latency phases: direct to all peers inside the node, ring steps outside it
        double phases = inside ? 1 : p - 1;
        if (kind.equals(CollectiveKind.SEND_RECV)) {
            once = bytes / bandwidth + latency;
        } else if (kind.equals(CollectiveKind.REDUCE_SCATTER) || kind.equals(CollectiveKind.ALL_TO_ALL)) {
            once = share * bytes / bandwidth + phases * latency;
        } else if (kind.equals(CollectiveKind.ALL_GATHER)) {
            once = (p - 1) * bytes / bandwidth + phases * latency;
        } else {
            once = 2 * share * bytes / bandwidth + 2 * phases * latency;
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
