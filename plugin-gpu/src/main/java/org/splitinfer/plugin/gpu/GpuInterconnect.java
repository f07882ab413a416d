package org.splitinfer.plugin.gpu;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/**
 * Collectives over a GPU's scale-up domain (NVLink + NVSwitch, AMD Infinity Fabric, NeuronLink, Gaudi RoCE) and
 * beyond it over the scale-out NICs.
 *
 * <p><b>Equations</b> (bandwidth-optimal ring algorithms, Patarasuk and Yuan, "Bandwidth optimal all-reduce
 * algorithms for clusters of workstations", JPDC 69(2), 2009; the same factors nccl-tests uses to turn algorithm
 * bandwidth into bus bandwidth). For n participants, B = {@link Collective#bytes()} (the buffer each participant
 * holds before the collective), bw = link bytes per second per chip one direction × achievable fraction, L = latency
 * of one step:
 * <pre>
 *   all-reduce      2(n−1)/n × B ÷ bw + 2(n−1) × L      (reduce-scatter then all-gather, 2(n−1) ring steps)
 *   reduce-scatter   (n−1)/n × B ÷ bw +  (n−1) × L
 *   all-gather        (n−1) × B ÷ bw  +  (n−1) × L      ((n−1)/n of the gathered n × B buffer)
 *   all-to-all       (n−1)/n × B ÷ bw + L               (every pair at once through the switch)
 *   send-recv               B ÷ bw    + L
 * </pre>
 * times {@link Collective#count()}; 0 for one participant or no bytes. When the participants fit in one scale-up
 * domain ({@code scaleUp.domainChips}) the scale-up link prices the collective; otherwise the whole ring is priced at
 * the scale-out NIC's bandwidth and latency, the slowest link of a ring that crosses domains (a hierarchical
 * algorithm would be faster; this bound errs slow). NVLink SHARP (in-switch reduction) roughly halves an all-reduce's
 * bytes on NVSwitch systems; it is not modelled, so all-reduce is priced as the ring NCCL uses with
 * {@code NCCL_ALGO=Ring}.
 *
 * <p>On a switched domain ({@code scaleUp.switched}: NVSwitch, a fully connected xGMI or RoCE mesh) the serving
 * stacks' own all-reduce kernels (TensorRT-LLM's and vLLM's custom all-reduce, FlashInfer's) take, for the small
 * messages of decode, a one-shot algorithm (each rank writes its whole buffer to every peer and reduces locally: one
 * dependent step, {@code (n−1) × B ÷ bw + L}) or a two-shot one (reduce-scatter, then all-gather, each one hop:
 * {@code 2(n−1)/n × B ÷ bw + 2L}); the faster of the two is priced, and its steps are what a fitted per-step latency
 * multiplies ({@link #collectiveLatencySteps}). A ring's latency grows with {@code 2(n−1)} steps and is never faster
 * than two-shot for the same bytes, so on a switched domain it is not priced.
 *
 * <p>The achievable fraction ({@code efficiency.scaleUpBandwidth}) is the protocol overhead: NCCL sustains about
 * 370 GB/s of H100 NVLink's 450 GB/s line rate (NCCL maintainer, NVIDIA/nccl-tests issue 212, 2024).
 *
 * <p>Immutable and thread-safe; each time is non-decreasing in bytes.
 */
final class GpuInterconnect implements Interconnect {
    private final int domainChips;
    private final boolean switched;
    private final double scaleUpBytesPerSecond;
    private final double scaleUpEffectiveBytesPerSecond;
    private final double scaleUpLatencySeconds;
    private final double scaleOutBytesPerSecond;
    private final double scaleOutEffectiveBytesPerSecond;
    private final double scaleOutLatencySeconds;

    GpuInterconnect(int domainChips, boolean switched, double scaleUpBytesPerSecond, double scaleUpFraction,
                    double scaleUpLatencySeconds, double scaleOutBytesPerSecond, double scaleOutFraction,
                    double scaleOutLatencySeconds) {
        this.domainChips = domainChips;
        this.switched = switched;
        this.scaleUpBytesPerSecond = scaleUpBytesPerSecond;
        this.scaleUpEffectiveBytesPerSecond = scaleUpBytesPerSecond * scaleUpFraction;
        this.scaleUpLatencySeconds = scaleUpLatencySeconds;
        this.scaleOutBytesPerSecond = scaleOutBytesPerSecond;
        this.scaleOutEffectiveBytesPerSecond = scaleOutBytesPerSecond * scaleOutFraction;
        this.scaleOutLatencySeconds = scaleOutLatencySeconds;
    }

    @Override
    public int scaleUpDomainChips() {
        return domainChips;
    }

    @Override
    public double scaleUpBytesPerSecond() {
        return scaleUpBytesPerSecond;
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return scaleOutBytesPerSecond;
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        int n = collective.participants();
        CollectiveKind kind = collective.kind();
        double bytes = collective.bytes();
        double oneSeconds;
        boolean scaleUp = n <= domainChips;
        double bandwidth = scaleUp ? scaleUpEffectiveBytesPerSecond : scaleOutEffectiveBytesPerSecond;
        double latency = scaleUp ? scaleUpLatencySeconds : scaleOutLatencySeconds;
        if (CollectiveKind.ALL_REDUCE.equals(kind) && switched && scaleUp) {
            oneSeconds = Math.min(oneShotSeconds(n, bytes), twoShotSeconds(n, bytes));
        } else if (CollectiveKind.ALL_REDUCE.equals(kind)) {
            oneSeconds = 2.0 * (n - 1) / n * bytes / bandwidth + 2.0 * (n - 1) * latency;
        } else if (CollectiveKind.REDUCE_SCATTER.equals(kind)) {
            oneSeconds = (double) (n - 1) / n * bytes / bandwidth + (n - 1) * latency;
        } else if (CollectiveKind.ALL_GATHER.equals(kind)) {
            oneSeconds = (n - 1) * bytes / bandwidth + (n - 1) * latency;
        } else if (CollectiveKind.ALL_TO_ALL.equals(kind)) {
            oneSeconds = (double) (n - 1) / n * bytes / bandwidth + latency;
        } else if (CollectiveKind.SEND_RECV.equals(kind)) {
            oneSeconds = bytes / bandwidth + latency;
        } else {
            throw new IllegalArgumentException("the gpu interconnect cannot price collective kind '" + kind
                    + "'; it prices all-reduce, reduce-scatter, all-gather, all-to-all and send-recv");
        }
        if (n == 1 || bytes == 0) {
            return 0;
        }
        return collective.count() * oneSeconds;
    }

    /** One invocation's dependent steps: 1 or 2 for a switched domain's one- or two-shot all-reduce, else a ring's. */
    @Override
    public int collectiveLatencySteps(Collective collective) {
        int n = collective.participants();
        if (CollectiveKind.ALL_REDUCE.equals(collective.kind()) && switched && n <= domainChips && n > 1) {
            return oneShotSeconds(n, collective.bytes()) <= twoShotSeconds(n, collective.bytes()) ? 1 : 2;
        }
        return Interconnect.super.collectiveLatencySteps(collective);
    }

    private double oneShotSeconds(int n, double bytes) {
        return (n - 1) * bytes / scaleUpEffectiveBytesPerSecond + scaleUpLatencySeconds;
    }

    private double twoShotSeconds(int n, double bytes) {
        return 2.0 * (n - 1) / n * bytes / scaleUpEffectiveBytesPerSecond + 2 * scaleUpLatencySeconds;
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        if (!(bytes >= 0) || Double.isInfinite(bytes)) {
            throw new IllegalArgumentException("transfer bytes must be finite and >= 0, got " + bytes);
        }
        if (bytes == 0) {
            return 0;
        }
        return reach == Reach.SCALE_UP
                ? bytes / scaleUpEffectiveBytesPerSecond + scaleUpLatencySeconds
                : bytes / scaleOutEffectiveBytesPerSecond + scaleOutLatencySeconds;
    }
}
