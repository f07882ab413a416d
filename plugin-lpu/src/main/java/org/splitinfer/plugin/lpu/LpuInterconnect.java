package org.splitinfer.plugin.lpu;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/**
 * Collectives and transfers over an LPU's chip-to-chip links, priced from hop counts in the real topology
 * ({@link LpuTopology}) and the algorithm a compiler picks at the message size.
 *
 * <p>Each chip has {@code chipLink.count} links of {@code chipLink.bytesPerSecond} each (one direction); a
 * point-to-point transfer between neighbours uses one direct link:
 * {@code seconds = hop.latencySeconds + bytes ÷ chipLink.bytesPerSecond}. A collective of {@code p} chips inside
 * the C2C system ({@code scaleUp.domainChips}) sends to its peers over {@code min(p − 1, chipLink.count)} links at
 * once, as the compiler schedules traffic to every peer in the same cycle (Abts et al., ISCA 2022), and one
 * transfer of it crosses {@code h} hops: {@code node.hops} when the group fits in a node, {@code rack.hops} in a
 * rack, {@code system.hops} beyond. With {@code L = h × hop.latencySeconds}, {@code bw} the links together and
 * {@code B} the bytes each participant holds before the collective:
 * <pre>
 *   all-reduce      min(one-shot, two-shot)
 *     one-shot        L + (p − 1) × B ÷ bw                  every chip sends its whole buffer to every peer,
 *                                                           then reduces locally: one transfer deep
 *     two-shot      2 L + 2 (p − 1) ÷ p × B ÷ bw            reduce-scatter then all-gather: two transfers deep,
 *                                                           a p-th of the bytes each
 *   reduce-scatter    L +   (p − 1) ÷ p × B ÷ bw
 *   all-to-all        L +   (p − 1) ÷ p × B ÷ bw            (MoE dispatch and combine)
 *   all-gather        L +   (p − 1)     × B ÷ bw            (B is one shard)
 *   send-recv         hop.latencySeconds + B ÷ chipLink.bytesPerSecond
 * </pre>
 * Decode messages are a few kilobytes, so the latency term decides and the cheaper of the two all-reduce
 * algorithms is taken, as latency-optimised stacks choose one-shot or two-shot by message size (FlashInfer's
 * TensorRT-LLM all-reduce: one-shot "for small data size ... optimized for low latency", two-shot for larger;
 * vLLM's custom all-reduce design note, "Latency-optimal allreduce and cuda graph optimization"). Every chip sends at once in a statically scheduled network, so the depth in transfers is
 * the algorithm's, not {@code ⌈log2 p⌉} rounds of recursive halving. A group larger than the C2C system leaves it
 * over the scale-out network: each transfer then costs {@code scaleOut.latencySeconds} and the bandwidth is
 * {@code scaleOut.bytesPerSecond}. A kind this model does not know is priced as an all-reduce. One participant
 * costs nothing.
 *
 * <p>Immutable and thread-safe.
 */
final class LpuInterconnect implements Interconnect {

    private final int linkCount;
    private final double linkBytesPerSecond;
    private final double hopLatencySeconds;
    private final int domainChips;
    private final LpuTopology topology;
    private final double scaleOutBytesPerSecond;
    private final double scaleOutLatencySeconds;

    LpuInterconnect(LpuChip chip) {
        this.linkCount = chip.chipLinkCount();
        this.linkBytesPerSecond = chip.chipLinkBytesPerSecond();
        this.hopLatencySeconds = chip.hopLatencySeconds();
        this.domainChips = chip.scaleUpDomainChips();
        this.topology = chip.topology();
        this.scaleOutBytesPerSecond = chip.scaleOutBytesPerSecond();
        this.scaleOutLatencySeconds = chip.scaleOutLatencySeconds();
    }

    @Override
    public int scaleUpDomainChips() {
        return domainChips;
    }

    /** A GroqNode: the unit a buyer gets, so the host's chip counts are whole nodes. */
    @Override
    public int nodeChips() {
        return topology.nodeChips();
    }

    /** All of a chip's links together, one direction. */
    @Override
    public double scaleUpBytesPerSecond() {
        return linkCount * linkBytesPerSecond;
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return scaleOutBytesPerSecond;
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        int p = collective.participants();
        if (p <= 1) {
            return 0;
        }
        double bytes = collective.bytes();
        CollectiveKind kind = collective.kind();
        boolean inside = p <= domainChips;
        double seconds;
        if (kind.equals(CollectiveKind.SEND_RECV)) {
            seconds = inside ? hopLatencySeconds + bytes / linkBytesPerSecond
                    : scaleOutLatencySeconds + bytes / scaleOutBytesPerSecond;
        } else {
            double bytesPerSecond = inside ? Math.min(p - 1, linkCount) * linkBytesPerSecond : scaleOutBytesPerSecond;
            double transferSeconds = transferLatencySeconds(p);
            if (kind.equals(CollectiveKind.ALL_GATHER)) {
                seconds = transferSeconds + (p - 1) * bytes / bytesPerSecond;
            } else if (kind.equals(CollectiveKind.REDUCE_SCATTER) || kind.equals(CollectiveKind.ALL_TO_ALL)) {
                seconds = transferSeconds + (p - 1) * bytes / p / bytesPerSecond;
            } else {
                double oneShot = transferSeconds + (p - 1) * bytes / bytesPerSecond;
                double twoShot = 2 * transferSeconds + 2.0 * (p - 1) * bytes / p / bytesPerSecond;
                seconds = Math.min(oneShot, twoShot);
            }
        }
        return collective.count() * seconds;
    }

    /**
     * The latency of one transfer among {@code chips} chips: the hops of their longest route in the C2C system,
     * or one scale-out transfer beyond it.
     *
     * @param chips participants, {@code >= 2}
     * @return seconds
     */
    double transferLatencySeconds(int chips) {
        return chips <= domainChips ? topology.hops(chips) * hopLatencySeconds : scaleOutLatencySeconds;
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        if (!(bytes >= 0)) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        if (bytes == 0) {
            return 0;
        }
        return reach == Reach.SCALE_UP
                ? hopLatencySeconds + bytes / linkBytesPerSecond
                : scaleOutLatencySeconds + bytes / scaleOutBytesPerSecond;
    }
}
