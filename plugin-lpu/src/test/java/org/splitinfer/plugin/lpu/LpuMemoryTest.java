package org.splitinfer.plugin.lpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

class LpuMemoryTest {

    /** Llama-2-70B at INT8: 68.98e9 weight bytes; KV 80 layers × 8 KV heads × 128 × 2 (K, V) × 1 byte = 163,840 B/token. */
    private static final Footprint LLAMA2_70B_INT8_4K = new Footprint(68.98e9, 163_840, 4_096, 0);

    private static MemoryModel memory(double capacityBytes, double programFraction, double activationFraction) {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("sram.capacityBytes", capacityBytes);
        figures.put("sram.programFraction", programFraction);
        figures.put("sram.activationFraction", activationFraction);
        return LpuFixtures.accelerator(figures).memory();
    }

    private static MemoryModel memory(double capacityBytes) {
        return memory(capacityBytes, 0, 0);
    }

    @Test
    void llama2SeventyBAtInt8NeedsThreeHundredThreeChipsAtFullUse() {
        MemoryModel memory = memory(230e6);
        // (68.98e9 + 4,096 × 163,840) ÷ 230e6 = 69,651,088,640 ÷ 230e6 = 302.83 → 303 chips
        assertThat(memory.minChips(LLAMA2_70B_INT8_4K)).hasValue(303);
        assertThat(memory.place(LLAMA2_70B_INT8_4K, 303).fitsFullSpeed()).isTrue();
        assertThat(memory.place(LLAMA2_70B_INT8_4K, 302).fitsFullSpeed()).isFalse();
    }

    @Test
    void sramKeptForProgramsAndActivationsNeedsMoreChips() {
        // groq-lpu-v1 keeps 10% for its program and 10% for activation buffers: weights and KV get
        // 230e6 × (1 − 0.10 − 0.10) = 184e6 bytes per chip
        MemoryModel memory = memory(230e6, 0.1, 0.1);
        assertThat(memory.tier("sram").usableBytes()).isCloseTo(184e6, within(1e-3));
        // 69,651,088,640 ÷ 184e6 = 378.54 → 379 chips, against 303 at full use
        assertThat(memory.minChips(LLAMA2_70B_INT8_4K)).hasValue(379);
        // the KV room is what the weights leave of the 184e6: (184e6 − 68.98e9 ÷ 379) ÷ 163,840 B per token
        // = (184,000,000 − 182,005,277.04) ÷ 163,840 = 12.17 → 12 tokens per chip, 12 × 379 = 4,548 in all
        Placement placement = memory.place(LLAMA2_70B_INT8_4K, 379);
        assertThat(placement.kvTokensCapacityPerChip()).isEqualTo(12);
        assertThat(placement.kvTokensCapacityTotal()).isEqualTo(4_548);
    }

    @Test
    void placementSpreadsEveryByteEvenlyOverSram() {
        MemoryModel memory = memory(230e6);
        Placement placement = memory.place(LLAMA2_70B_INT8_4K, 303);
        // per chip: weights 68.98e9 ÷ 303 = 227,656,765.98; KV 671,088,640 ÷ 303 = 2,214,814.0
        TierUsage sram = placement.perChip().get(0);
        assertThat(sram.tier()).isEqualTo("sram");
        assertThat(sram.weightBytes()).isCloseTo(68.98e9 / 303, within(1e-3));
        assertThat(sram.kvCacheBytes()).isCloseTo(671_088_640.0 / 303, within(1e-3));
        assertThat(placement.residency()).isEqualTo(Residency.allIn("sram"));
        // KV room: (230e6 − 227,656,765.98) ÷ 163,840 = 2,343,234.02 ÷ 163,840 = 14.3 → 14 tokens per chip,
        // 14 × 303 = 4,242 tokens in all: room for the 4,096-token context and little more, so KV caps concurrency.
        assertThat(placement.kvTokensCapacityPerChip()).isEqualTo(14);
        assertThat(placement.kvTokensCapacityTotal()).isEqualTo(4_242);
    }

    @Test
    void aFootprintTooLargeIsReportedAndCappedAtCapacity() {
        MemoryModel memory = memory(230e6);
        Placement placement = memory.place(LLAMA2_70B_INT8_4K, 100);
        // 69,651,088,640 ÷ 100 = 696.5e6 bytes per chip > 230e6
        assertThat(placement.fitsFullSpeed()).isFalse();
        assertThat(placement.perChip().get(0).totalBytes()).isLessThanOrEqualTo(230e6 * (1 + 1e-12));
        assertThat(placement.kvTokensCapacityPerChip()).isZero();
        assertThat(placement.note()).contains("has no slower memory");
    }

    @Test
    void thereIsNoAlternativePlacementBecauseThereIsNoDram() {
        MemoryModel memory = memory(230e6);
        assertThat(memory.alternatives(LLAMA2_70B_INT8_4K, 100)).isEmpty();
        assertThat(memory.tiers()).extracting(t -> t.name()).containsExactly("sram");
        assertThat(memory.tiers().get(0).fullSpeed()).isTrue();
    }

    @Test
    void anEmptyFootprintFitsOnOneChip() {
        assertThat(memory(230e6).minChips(new Footprint(0, 0, 0, 0))).hasValue(1);
    }
}
