package org.splitinfer.testkit;

import java.util.ArrayList;
import java.util.List;
import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.ElementwiseShape;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.LookupShape;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;

/**
 * Kernels of the shapes a transformer step produces, from a decode GEMV to a long prefill GEMM, for the kit's
 * property checks. Sizes follow a Llama-70B-like layer (hidden 8192, FFN 28672).
 */
final class SampleKernels {
    private SampleKernels() {
    }

    static List<Kernel> in(Precision precision) {
        double bytes = precision.bytesPerElement();
        List<Kernel> kernels = new ArrayList<>();
        for (long tokens : new long[] {1, 8, 64, 512, 4096}) {
            kernels.add(gemm("gemm-m" + tokens, precision, tokens, 8192, 8192, bytes));
            kernels.add(gemm("ffn-m" + tokens, precision, tokens, 28672, 8192, bytes));
        }
        kernels.add(new Kernel("decode-attention", KernelKind.ATTENTION, 80, 2.0 * 2 * 64 * 128 * 4096 * 8,
                precision, new OperandBytes(0, 2.0 * 4096 * 8 * 128 * 2 * bytes, 8192 * bytes), 
                new OperandBytes(0, 0, 8192 * bytes), new AttentionShape(1, 1, 4096, 64, 8, 128)));
        double prefillPairs = 2048.0 * 2049 / 2;
        kernels.add(new Kernel("prefill-attention", KernelKind.ATTENTION, 80, 4.0 * 64 * 128 * prefillPairs,
                precision, new OperandBytes(0, 2.0 * 2048 * 8 * 128 * bytes, 2048 * 8192 * bytes),
                new OperandBytes(0, 2.0 * 2048 * 8 * 128 * bytes, 2048 * 8192 * bytes),
                new AttentionShape(1, 2048, prefillPairs, 64, 8, 128)));
        kernels.add(new Kernel("rmsnorm", KernelKind.NORM, 160, 4.0 * 2048 * 8192, precision,
                new OperandBytes(8192 * bytes, 0, 2048 * 8192 * bytes), new OperandBytes(0, 0, 2048 * 8192 * bytes),
                new ElementwiseShape(2048L * 8192)));
        kernels.add(new Kernel("embedding", KernelKind.EMBEDDING, 1, 0, precision,
                new OperandBytes(2048 * 8192 * bytes, 0, 0), new OperandBytes(0, 0, 2048 * 8192 * bytes),
                new LookupShape(2048, (long) Math.ceil(8192 * bytes))));
        return kernels;
    }

    private static Kernel gemm(String name, Precision precision, long m, long n, long k, double bytes) {
        return new Kernel(name, KernelKind.GEMM, 1, 2.0 * m * n * k, precision,
                new OperandBytes(n * k * bytes, 0, m * k * bytes), new OperandBytes(0, 0, m * n * bytes),
                new GemmShape(m, n, k));
    }
}
