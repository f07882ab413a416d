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

    private static MemoryModel memory(double capacityBytes, double usableFraction) {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("sram.capacityBytes", capacityBytes);
        figures.put("sram.usableFraction", usableFraction);
        return LpuFixtures.accelerator(figures).memory();
    }

    @Test
    void llama2SeventyBAtInt8NeedsThreeHundredThreeChipsAtFullUse() {
        MemoryModel memory = memory(230e6, 1.0);
        // (68.98e9 + 4,096 × 163,840) ÷ 230e6 = 69,651,088,640 ÷ 230e6 = 302.83 → 303 chips
        assertThat(memory.minChips(LLAMA2_70B_INT8_4K)).hasValue(303);
        assertThat(memory.place(LLAMA2_70B_INT8_4K, 303).fitsFullSpeed()).isTrue();
        assertThat(memory.place(LLAMA2_70B_INT8_4K, 302).fitsFullSpeed()).isFalse();
    }

    @Test
    void aUsableFractionBelowOneNeedsMoreChips() {
        MemoryModel memory = memory(230e6, 0.9);
        // 69,651,088,640 ÷ (230e6 × 0.9 = 207e6) = 336.48 → 337 chips
        assertThat(memory.minChips(LLAMA2_70B_INT8_4K)).hasValue(337);
    }

    @Test
    void placementSpreadsEveryByteEvenlyOverSram() {
        MemoryModel memory = memory(230e6, 1.0);
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
        MemoryModel memory = memory(230e6, 1.0);
        Placement placement = memory.place(LLAMA2_70B_INT8_4K, 100);
        // 69,651,088,640 ÷ 100 = 696.5e6 bytes per chip > 230e6
        assertThat(placement.fitsFullSpeed()).isFalse();
        assertThat(placement.perChip().get(0).totalBytes()).isLessThanOrEqualTo(230e6 * (1 + 1e-12));
        assertThat(placement.kvTokensCapacityPerChip()).isZero();
        assertThat(placement.note()).contains("has no slower memory");
    }

    @Test
    void thereIsNoAlternativePlacementBecauseThereIsNoDram() {
        MemoryModel memory = memory(230e6, 1.0);
        assertThat(memory.alternatives(LLAMA2_70B_INT8_4K, 100)).isEmpty();
        assertThat(memory.tiers()).extracting(t -> t.name()).containsExactly("sram");
        assertThat(memory.tiers().get(0).fullSpeed()).isTrue();
    }

    @Test
    void anEmptyFootprintFitsOnOneChip() {
        assertThat(memory(230e6, 1.0).minChips(new Footprint(0, 0, 0, 0))).hasValue(1);
    }
}
