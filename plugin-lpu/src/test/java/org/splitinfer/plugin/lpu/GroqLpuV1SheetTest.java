package org.splitinfer.plugin.lpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.StepTiming;

/**
 * The shipped groq-lpu-v1 figures, worked through by hand: 16 C2C links of 14e9 B/s, 0.6 µs per hop, nodes of 8
 * chips fully connected (1 hop), racks of 9 nodes (3 hops), 5 hops across racks; 230e6 bytes of SRAM with 10% kept
 * for the program and 10% for activations; SRAM 80e12 B/s × 0.9 achievable = 72e12 B/s.
 */
class GroqLpuV1SheetTest {

    private static final double TOLERANCE = 1e-12;

    private final Accelerator groq = new LpuPlugin()
            .accelerators(HardwareLoader.contextFor(LpuPlugin.class.getClassLoader())).stream()
            .filter(a -> a.id().equals("groq-lpu-v1")).findFirst().orElseThrow();
    private final Interconnect c2c = groq.interconnect();

    private static Collective allReduce(double bytes, int chips) {
        return new Collective("attention all-reduce", CollectiveKind.ALL_REDUCE, bytes, chips, 1);
    }

    @Test
    void anAllReduceOfEightChipsStaysInOneNodeOneHopDeep() {
        // bw = min(7, 16) × 14e9 = 98e9 B/s; one hop = 0.6 µs.
        // Llama-2-70B's residual stream at INT8, batch 1: 8,192 bytes.
        //   one-shot 0.6 µs + 7 × 8,192 ÷ 98e9 = 0.6 + 0.585143 = 1.185143 µs
        //   two-shot 1.2 µs + 2 × 7/8 × 8,192 ÷ 98e9 = 1.2 + 0.146286 = 1.346286 µs → one-shot
        assertThat(c2c.collectiveSeconds(allReduce(8_192, 8))).isCloseTo(0.6e-6 + 7 * 8_192 / 98e9, within(TOLERANCE));
        assertThat(c2c.collectiveSeconds(allReduce(8_192, 8))).isCloseTo(1.185143e-6, within(1e-12));
        // At FP16 (16,384 bytes) the bytes tip it: one-shot 0.6 + 1.170286 = 1.770286 µs,
        // two-shot 1.2 + 0.292571 = 1.492571 µs → two-shot
        assertThat(c2c.collectiveSeconds(allReduce(16_384, 8))).isCloseTo(1.492571e-6, within(1e-12));
    }

    @Test
    void anAllReduceOfSixtyFourChipsCrossesNodesOfOneRackThreeHopsDeep() {
        // 64 chips: 8 nodes, within one 72-chip rack: 3 hops × 0.6 µs = 1.8 µs per transfer;
        // bw = min(63, 16 links) × 14e9 = 224e9 B/s. At 16,384 bytes:
        //   one-shot 1.8 µs + 63 × 16,384 ÷ 224e9 = 1.8 + 4.608 = 6.408 µs
        //   two-shot 3.6 µs + 2 × 63/64 × 16,384 ÷ 224e9 = 3.6 + 0.144 = 3.744 µs → two-shot
        assertThat(c2c.collectiveSeconds(allReduce(16_384, 64))).isCloseTo(3.744e-6, within(TOLERANCE));
        // 128 chips span two racks: 5 hops = 3 µs per transfer;
        //   two-shot 6 µs + 2 × 127/128 × 16,384 ÷ 224e9 = 6 + 0.145143 = 6.145143 µs (one-shot 12.289 µs)
        assertThat(c2c.collectiveSeconds(allReduce(16_384, 128))).isCloseTo(6.145143e-6, within(1e-12));
    }

    @Test
    void aBuyerGetsWholeGroqNodesOfEightChips() {
        assertThat(c2c.nodeChips()).isEqualTo(8);
        assertThat(c2c.scaleUpDomainChips()).isEqualTo(10_440);
    }

    @Test
    void sramKeepsRoomForTheProgramAndActivations() {
        // 230e6 × (1 − 0.10 program − 0.10 activations) = 184e6 bytes for weights and the KV cache
        assertThat(groq.memory().tier("sram").usableBytes()).isCloseTo(184e6, within(1e-3));
    }

    @Test
    void aLlamaTwoSeventyBLayerOnANodeIsAFewMicrosecondsOfPhysics() {
        // One Llama-2-70B layer at INT8 on tp = 8 chips, decode batch 1. Weights: attention 2 × 8,192² + 2 × 8,192
        // × 1,024 = 150,994,944; MLP 3 × 8,192 × 28,672 = 704,643,072; 855,638,016 bytes ÷ 8 chips = 106,954,752
        // bytes per chip (a 1 × 8,192 by 8,192 × 13,056 product), read at 72e12 B/s = 1.485483 µs; its
        // 2 × 106,954,752 INT8 ops at 750e12 × 0.9 take 0.317 µs, so the read bounds it.
        Kernel layer = new Kernel("layer", KernelKind.GEMM, 1, 2.0 * 106_954_752, Precision.INT8,
                new OperandBytes(106_954_752, 0, 0), OperandBytes.NONE,
                new GemmShape(1, 13_056, 8_192));
        StepTiming oneStage = groq.roofline().stepTiming(LpuFixtures.decodeStep(List.of(layer), 1, 1));
        double readSeconds = 106_954_752 / 72e12;
        assertThat(readSeconds).isCloseTo(1.485483e-6, within(1e-12));
        // The sheet gives no hardware schedule time (layer.scheduleSeconds defaults to 0): the read is the stage.
        assertThat(oneStage.latencySeconds()).isCloseTo(readSeconds, within(TOLERANCE));
        // Two all-reduces of 8,192 bytes in the node (attention and MLP outputs): 2 × 1.185143 = 2.370286 µs.
        double collectives = c2c.collectiveSeconds(new Collective("layer all-reduces", CollectiveKind.ALL_REDUCE,
                8_192, 8, 2));
        assertThat(collectives).isCloseTo(2.370286e-6, within(1e-12));
        // The layer's physics: 1.485 + 2.370 = 3.856 µs. Groq measures ~42 µs per layer (300 tokens/s over 80
        // layers): the rest is the compiled program's time per layer, which the calibration fits as the serving
        // stack's, and the hand-offs, embedding, head and host overhead of a token.
        assertThat(oneStage.latencySeconds() + collectives).isCloseTo(3.855769e-6, within(1e-11));
    }
}
