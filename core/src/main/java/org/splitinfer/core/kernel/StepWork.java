package org.splitinfer.core.kernel;

import java.util.List;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Step;

/**
 * What one chip of one pipeline stage runs in one phase step, and the communication the layout needs.
 *
 * @param phase         prefill or decode
 * @param kernels       the chip's kernels; {@link Kernel#count()} repeats per-layer kernels over the stage's layers
 * @param collectives   communication of this chip's stage in the step
 * @param layout        the layout the chip is part of
 * @param stage         the pipeline stage, from 0
 * @param firstLayer    the stage's first layer
 * @param layersPerChip transformer layers the stage (and so each of its chips) runs
 * @param sequences     sequences in the batch
 * @param newTokens     new tokens in the batch
 * @since 0.1
 */
public record StepWork(Phase phase, List<Kernel> kernels, List<Collective> collectives, ParallelLayout layout,
                       int stage, int firstLayer, int layersPerChip, int sequences, long newTokens) {

    /** Copies lists that are not already immutable; the planner's are, and are kept as they are. */
    public StepWork {
        kernels = List.copyOf(kernels);
        collectives = List.copyOf(collectives);
    }

    /** @return FLOPs of every kernel and invocation */
    public double totalFlops() {
        double total = 0;
        for (Kernel kernel : kernels) {
            total += kernel.totalFlops();
        }
        return total;
    }

    /** @return bytes read and written by every kernel and invocation */
    public double totalBytes() {
        double total = 0;
        for (Kernel kernel : kernels) {
            total += kernel.totalBytes();
        }
        return total;
    }

    /** @return bytes read by every kernel and invocation, by operand class */
    public OperandBytes bytesRead() {
        double weights = 0;
        double kv = 0;
        double activations = 0;
        for (Kernel kernel : kernels) {
            weights += kernel.bytesRead().weights() * kernel.count();
            kv += kernel.bytesRead().kvCache() * kernel.count();
            activations += kernel.bytesRead().activations() * kernel.count();
        }
        return new OperandBytes(weights, kv, activations);
    }

    /** @return bytes written by every kernel and invocation, by operand class */
    public OperandBytes bytesWritten() {
        double weights = 0;
        double kv = 0;
        double activations = 0;
        for (Kernel kernel : kernels) {
            weights += kernel.bytesWritten().weights() * kernel.count();
            kv += kernel.bytesWritten().kvCache() * kernel.count();
            activations += kernel.bytesWritten().activations() * kernel.count();
        }
        return new OperandBytes(weights, kv, activations);
    }

    /** @return FLOPs per byte moved: {@code totalFlops / totalBytes} */
    public double arithmeticIntensity() {
        double bytes = totalBytes();
        return bytes == 0 ? 0 : totalFlops() / bytes;
    }

    /** @return bytes each participant holds, summed over collectives and invocations */
    public double collectiveBytes() {
        double total = 0;
        for (Collective collective : collectives) {
            total += collective.bytes() * collective.count();
        }
        return total;
    }

    /**
     * A kernel by name.
     *
     * @param name e.g. {@code qkv_proj}
     * @return the kernel
     * @throws IllegalArgumentException when this step has no kernel of that name
     */
    public Kernel kernel(String name) {
        for (Kernel kernel : kernels) {
            if (kernel.name().equals(name)) {
                return kernel;
            }
        }
        throw new IllegalArgumentException("step has no kernel '" + name + "'");
    }

    /**
     * The SPI's view of this step, for a roofline.
     *
     * @param residency where the operands live
     * @return the step
     */
    public Step toStep(Residency residency) {
        return new Step(phase, kernels, residency, layout, layersPerChip, sequences);
    }
}
