package org.splitinfer.plugin.lpu;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/**
 * Collectives and transfers over an LPU's chip-to-chip links.
 *
 * <p>Each chip has {@code chipLink.count} links of {@code chipLink.bytesPerSecond} each (one direction); a
 * point-to-point transfer between neighbours uses one direct link:
 * {@code seconds = hop.latencySeconds + bytes ÷ chipLink.bytesPerSecond}. A collective of {@code p} chips inside
 * the scale-up domain ({@code scaleUp.domainChips}, a GroqRack) spreads its traffic over
 * {@code min(p − 1, chipLink.count)} links, as the compiler schedules traffic to every peer at once (Abts et al.,
 * ISCA 2022); larger groups use the scale-out bandwidth and latency (inter-rack global links). Per participant,
 * with {@code B} the bytes it holds before the collective:
 * <pre>
 *   all-reduce      2 (p − 1) ÷ p × B ÷ bw + 2 ⌈log2 p⌉ × latency   (reduce-scatter then all-gather)
 *   reduce-scatter    (p − 1) ÷ p × B ÷ bw +   ⌈log2 p⌉ × latency
 *   all-to-all        (p − 1) ÷ p × B ÷ bw +   ⌈log2 p⌉ × latency
 *   all-gather        (p − 1)     × B ÷ bw +   ⌈log2 p⌉ × latency   (B is one shard)
 *   send-recv                        B ÷ bw +              latency
 * </pre>
 * The ⌈log2 p⌉ latency steps are those of recursive halving and doubling; a kind this model does not know is priced
 * as an all-reduce, the costliest of the patterns above per byte held. One participant costs nothing.
 *
 * <p>Immutable and thread-safe.
 */
final class LpuInterconnect implements Interconnect {

    private final int linkCount;
    private final double linkBytesPerSecond;
    private final double hopLatencySeconds;
    private final int domainChips;
    private final double scaleOutBytesPerSecond;
    private final double scaleOutLatencySeconds;

    LpuInterconnect(LpuChip chip) {
        this.linkCount = chip.chipLinkCount();
        this.linkBytesPerSecond = chip.chipLinkBytesPerSecond();
        this.hopLatencySeconds = chip.hopLatencySeconds();
        this.domainChips = chip.scaleUpDomainChips();
        this.scaleOutBytesPerSecond = chip.scaleOutBytesPerSecond();
        this.scaleOutLatencySeconds = chip.scaleOutLatencySeconds();
    }

    @Override
    public int scaleUpDomainChips() {
        return domainChips;
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
        boolean inside = p <= domainChips;
        double bytesPerSecond = inside ? Math.min(p - 1, linkCount) * linkBytesPerSecond : scaleOutBytesPerSecond;
        double latencySeconds = inside ? hopLatencySeconds : scaleOutLatencySeconds;
        double bytes = collective.bytes();
        double steps = ceilLog2(p);
        CollectiveKind kind = collective.kind();
        double seconds;
        if (kind.equals(CollectiveKind.SEND_RECV)) {
            double pointToPoint = inside ? linkBytesPerSecond : scaleOutBytesPerSecond;
            seconds = bytes / pointToPoint + latencySeconds;
        } else if (kind.equals(CollectiveKind.ALL_GATHER)) {
            seconds = (p - 1) * bytes / bytesPerSecond + steps * latencySeconds;
        } else if (kind.equals(CollectiveKind.REDUCE_SCATTER) || kind.equals(CollectiveKind.ALL_TO_ALL)) {
            seconds = (p - 1) * bytes / p / bytesPerSecond + steps * latencySeconds;
        } else {
            seconds = 2.0 * (p - 1) * bytes / p / bytesPerSecond + 2 * steps * latencySeconds;
        }
        return collective.count() * seconds;
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

    private static int ceilLog2(int p) {
        return 32 - Integer.numberOfLeadingZeros(p - 1);
    }
}
