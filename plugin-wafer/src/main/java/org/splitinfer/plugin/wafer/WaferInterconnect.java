package org.splitinfer.plugin.wafer;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/**
 * How a wafer talks to other wafers: only over its CS system's I/O.
 *
 * <p>Everything on one wafer travels on its fabric and is priced with the step ({@link WaferFabric},
 * {@link LayerRegions}); off the wafer there is one path, the system I/O ({@code systemIo.bytesPerSecond}, 1.2 Tb/s =
 * 150e9 B/s on CS-2 and CS-3) through SwarmX, with one crossing's latency {@code scaleOut.latencySeconds}. So both
 * reaches price the same, the scale-up domain is one wafer unless the sheet says otherwise
 * ({@code scaleUp.domainChips}), and the scale-out bandwidth is the system I/O, which also bounds KV cache entering or
 * leaving the wafer in a split deployment: {@code transfer = latency + bytes ÷ systemIo}. Collectives of {@code p}
 * wafers, {@code B} the bytes each holds before:
 * <pre>
 *   all-reduce      2 (p − 1) ÷ p × B ÷ io + 2 ⌈log2 p⌉ × latency
 *   reduce-scatter    (p − 1) ÷ p × B ÷ io +   ⌈log2 p⌉ × latency
 *   all-to-all        (p − 1) ÷ p × B ÷ io +   ⌈log2 p⌉ × latency
 *   all-gather        (p − 1)     × B ÷ io +   ⌈log2 p⌉ × latency   (B is one shard)
 *   send-recv                        B ÷ io +              latency
 * </pre>
 * A kind this model does not know is priced as an all-reduce. One participant costs nothing.
 *
 * <p>Immutable and thread-safe.
 */
final class WaferInterconnect implements Interconnect {

    private final double systemIoBytesPerSecond;
    private final double latencySeconds;
    private final int domainChips;

    WaferInterconnect(WaferChip chip) {
        this.systemIoBytesPerSecond = chip.systemIoBytesPerSecond();
        this.latencySeconds = chip.scaleOutLatencySeconds();
        this.domainChips = chip.scaleUpDomainChips();
    }

    @Override
    public int scaleUpDomainChips() {
        return domainChips;
    }

    @Override
    public double scaleUpBytesPerSecond() {
        return systemIoBytesPerSecond;
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return systemIoBytesPerSecond;
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        int p = collective.participants();
        if (p <= 1) {
            return 0;
        }
        double bytes = collective.bytes();
        double steps = 32 - Integer.numberOfLeadingZeros(p - 1);
        CollectiveKind kind = collective.kind();
        double seconds;
        if (kind.equals(CollectiveKind.SEND_RECV)) {
            seconds = bytes / systemIoBytesPerSecond + latencySeconds;
        } else if (kind.equals(CollectiveKind.ALL_GATHER)) {
            seconds = (p - 1) * bytes / systemIoBytesPerSecond + steps * latencySeconds;
        } else if (kind.equals(CollectiveKind.REDUCE_SCATTER) || kind.equals(CollectiveKind.ALL_TO_ALL)) {
            seconds = (p - 1) * bytes / p / systemIoBytesPerSecond + steps * latencySeconds;
        } else {
            seconds = 2.0 * (p - 1) * bytes / p / systemIoBytesPerSecond + 2 * steps * latencySeconds;
        }
        return collective.count() * seconds;
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        if (!(bytes >= 0)) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        return bytes == 0 ? 0 : latencySeconds + bytes / systemIoBytesPerSecond;
    }
}
