package org.splitinfer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;

/** JSON of kernels, collectives and layouts, shared by the {@code kernels} and {@code roofline} commands. */
final class StepJson {
    private StepJson() {
    }

    /** A kernel: per-invocation FLOPs, totals over its invocations, bytes read and written by class. */
    static ObjectNode kernel(Kernel kernel) {
        ObjectNode node = Json.object();
        node.put("name", kernel.name());
        node.put("kind", kernel.kind().name());
        node.put("count", kernel.count());
        node.put("precision", kernel.precision().name());
        node.put("flopsPerInvocation", kernel.flops());
        node.put("totalFlops", kernel.totalFlops());
        node.set("bytesRead", bytes(kernel.bytesRead().times(kernel.count())));
        node.set("bytesWritten", bytes(kernel.bytesWritten().times(kernel.count())));
        node.put("totalBytes", kernel.totalBytes());
        node.put("arithmeticIntensity", intensity(kernel));
        return node;
    }

    static ArrayNode collectives(StepWork work) {
        ArrayNode array = Json.array();
        for (Collective collective : work.collectives()) {
            ObjectNode node = array.addObject();
            node.put("name", collective.name());
            node.put("kind", collective.kind().name());
            node.put("bytes", collective.bytes());
            node.put("participants", collective.participants());
            node.put("count", collective.count());
        }
        return array;
    }

    static ObjectNode bytes(OperandBytes bytes) {
        ObjectNode node = Json.object();
        node.put("weights", bytes.weights());
        node.put("kvCache", bytes.kvCache());
        node.put("activations", bytes.activations());
        return node;
    }

    static ObjectNode layout(ParallelLayout layout) {
        ObjectNode node = Json.object();
        node.put("tensor", layout.tensor());
        node.put("pipeline", layout.pipeline());
        node.put("expert", layout.expert());
        node.put("data", layout.data());
        return node;
    }

    /** @return FLOPs per byte moved, 0 for a kernel that moves nothing */
    static double intensity(Kernel kernel) {
        double bytes = kernel.totalBytes();
        return bytes == 0 ? 0 : kernel.totalFlops() / bytes;
    }
}
