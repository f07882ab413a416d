package org.splitinfer.plugin.riscv;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/**
 * Collectives over a Tenstorrent Ethernet mesh (a Galaxy is 32 Wormhole chips in a 4 × 8 mesh).
 *
 * <h2>Notes</h2>
 * <p>Chips talk over their own Ethernet ports ({@code ethernet.links} per chip, each {@code ethernet.bytesPerSecond}
 * one direction, {@code ethernet.hopLatencySeconds} per hop); the scale-up domain is the mesh,
 * {@code mesh.rows × mesh.columns} chips (1 × 1 for an n150, 1 × 2 for an n300's two chips, 4 × 8 for a Galaxy).
 * The mesh has no wrap-around links and no switch, so a collective pays latency per hop along the mesh.
 *
 * <p>{@code p} participants take the smallest row-major sub-mesh that holds them: {@code c' = min(p, columns)}
 * columns and {@code r' = ceil(p ÷ c')} rows. A dimension-ordered (row phase, then column phase) reduce-scatter or
 * all-gather crosses {@code h = (r' − 1) + (c' − 1)} hops; an all-reduce is a reduce-scatter and an all-gather,
 * {@code 2h} hops. A full crossbar (one switch, any-to-any) of the same size would need 1 hop per phase. The
 * bandwidth terms are those of a ring over the chip's links ({@code links × bytesPerSecond}):
 * all-reduce {@code 2(p−1)/p · B/bw + 2h·α}; reduce-scatter and all-to-all {@code (p−1)/p · B/bw + h·α};
 * all-gather {@code (p−1) · B/bw + h·α}; send-recv {@code B/bw + α}; an unknown kind is priced as an all-reduce.
 * The dimension-ordered scheme moves the same bytes per chip as a ring ({@code B(1 − 1/(r'c'))}), and assuming all
 * of a chip's links serve each phase makes the bandwidth term optimistic; the mesh costs hops, not bytes.
 * Participants beyond the mesh use the scale-out network as a ring ({@code 2(p−1)} hops of
 * {@code scaleOut.latencySeconds} for an all-reduce). Such a ring visits every chip of each mesh it spans, so where a
 * mesh has more than one chip the ring also crosses the mesh's own links, and its slowest link sets its rate:
 * {@code min(scaleOut.bytesPerSecond, ethernet.links × ethernet.bytesPerSecond)}. A T3000 (QuietBox) is four n300
 * cards cabled into a 2 × 4 mesh, and each card's two chips keep one 100 GbE link for collectives, the other being
 * the dispatcher's (tt-metal's CCL developer guide, 'T3000'); so its 8-chip ring runs at 12.5 GB/s, not at the
 * 50 GB/s of a card's external ports.
 *
 * <p>Figures: {@code mesh.rows}, {@code mesh.columns}, {@code ethernet.links}, {@code ethernet.bytesPerSecond},
 * {@code ethernet.hopLatencySeconds}, {@code scaleOut.bytesPerSecond}, {@code scaleOut.latencySeconds}, all
 * required.
 *
 * @param meshRows               rows of the mesh, {@code >= 1}
 * @param meshColumns            columns of the mesh, {@code >= 1}
 * @param ethernetLinks          Ethernet links per chip, {@code >= 1}
 * @param ethernetBytesPerSecond per link, one direction, {@code > 0}
 * @param hopLatencySeconds      per mesh hop, {@code >= 0}
 * @param scaleOutBytesPerSecond per chip, one direction, {@code > 0}
 * @param scaleOutLatencySeconds per hop, {@code >= 0}
 */
public record RiscvMeshInterconnect(int meshRows, int meshColumns, int ethernetLinks, double ethernetBytesPerSecond,
                                    double hopLatencySeconds, double scaleOutBytesPerSecond,
                                    double scaleOutLatencySeconds) implements Interconnect {

    /** Validates the figures. */
    public RiscvMeshInterconnect {
        if (meshRows < 1 || meshColumns < 1 || ethernetLinks < 1 || !(ethernetBytesPerSecond > 0)
                || !(scaleOutBytesPerSecond > 0) || !(hopLatencySeconds >= 0) || !(scaleOutLatencySeconds >= 0)) {
            throw new IllegalArgumentException("mesh and Ethernet figures must be positive (latencies >= 0)");
        }
    }

    @Override
    public int scaleUpDomainChips() {
        return meshRows * meshColumns;
    }

    /**
     * A Tenstorrent product is its mesh: an n150 or p150 card of one chip, an n300 card of two, a Galaxy of 32. The
     * chips of a mesh are bought together, so an instance the host sizes takes whole ones.
     */
    @Override
    public int nodeChips() {
        return meshRows * meshColumns;
    }

    @Override
    public double scaleUpBytesPerSecond() {
        return ethernetLinks * ethernetBytesPerSecond;
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return scaleOutBytesPerSecond;
    }

    /**
     * Hops one phase (a reduce-scatter or an all-gather) crosses on the mesh.
     *
     * @param participants chips, {@code 1 <= participants <= scaleUpDomainChips()}
     * @return {@code (r' − 1) + (c' − 1)} of the smallest row-major sub-mesh holding them
     */
    public int hopsPerPhase(int participants) {
        if (participants < 1 || participants > scaleUpDomainChips()) {
            throw new IllegalArgumentException("participants must be in [1, " + scaleUpDomainChips() + "], got "
                    + participants);
        }
        int columns = Math.min(participants, meshColumns);
        int rows = (participants + columns - 1) / columns;
        return (rows - 1) + (columns - 1);
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        int p = collective.participants();
        if (p == 1) {
            return 0;
        }
        boolean inside = p <= scaleUpDomainChips();
        double bandwidth = inside ? scaleUpBytesPerSecond() : ringBeyondTheMeshBytesPerSecond();
        double latency = inside ? hopLatencySeconds : scaleOutLatencySeconds;
        double hops = inside ? hopsPerPhase(p) : p - 1;
        double bytes = collective.bytes();
        double share = (p - 1) / (double) p;
        CollectiveKind kind = collective.kind();
        double once;
        if (kind.equals(CollectiveKind.SEND_RECV)) {
            once = bytes / bandwidth + latency;
        } else if (kind.equals(CollectiveKind.REDUCE_SCATTER) || kind.equals(CollectiveKind.ALL_TO_ALL)) {
            once = share * bytes / bandwidth + hops * latency;
        } else if (kind.equals(CollectiveKind.ALL_GATHER)) {
            once = (p - 1) * bytes / bandwidth + hops * latency;
        } else {
            once = 2 * share * bytes / bandwidth + 2 * hops * latency;
        }
        return once * collective.count();
    }

    /**
     * The rate of a ring spanning several meshes: the scale-out links, and a multi-chip mesh's own links too.
     *
     * @return {@code scaleOut.bytesPerSecond}, or the mesh's links where they are slower and the mesh has more than
     *         one chip
     */
    public double ringBeyondTheMeshBytesPerSecond() {
        return scaleUpDomainChips() > 1 ? Math.min(scaleOutBytesPerSecond, scaleUpBytesPerSecond())
                : scaleOutBytesPerSecond;
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        if (!(bytes >= 0) || Double.isInfinite(bytes)) {
            throw new IllegalArgumentException("bytes must be finite and >= 0, got " + bytes);
        }
        return reach == Reach.SCALE_UP
                ? bytes / scaleUpBytesPerSecond() + hopLatencySeconds
                : bytes / scaleOutBytesPerSecond + scaleOutLatencySeconds;
    }
}
