package org.splitinfer.plugin.wafer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

class WaferMemoryTest {

    /**
     * Llama-3.1-70B at BF16: 141.1e9 weight bytes; KV 80 layers × 8 KV heads × 128 × 2 (K, V) × 2 bytes =
     * 327,680 B/token; 65,536 tokens of context in flight = 21,474,836,480 B.
     */
    private static final Footprint LLAMA31_70B_BF16 = new Footprint(141.1e9, 327_680, 65_536, 0);

    private static MemoryModel wse3Sized() {
        Map<String, Double> figures = WaferFixtures.figures();
        figures.put("sram.capacityBytes", 44e9);
        return WaferFixtures.accelerator(figures).memory();
    }

    @Test
    void llama31SeventyBAtBf16NeedsFourWse3Wafers() {
        MemoryModel memory = wse3Sized();
        // weights alone: 141.1e9 ÷ 44e9 = 3.2 → 4; with KV: 162,574,836,480 ÷ 44e9 = 3.69 → 4
        assertThat(memory.minChips(new Footprint(141.1e9, 0, 0, 0))).hasValue(4);
        assertThat(memory.minChips(LLAMA31_70B_BF16)).hasValue(4);
        assertThat(memory.place(LLAMA31_70B_BF16, 3).fitsFullSpeed()).isFalse();
        assertThat(memory.place(LLAMA31_70B_BF16, 4).fitsFullSpeed()).isTrue();
    }

    @Test
    void fullSpeedPlacementKeepsEverythingInSram() {
        Placement placement = wse3Sized().place(LLAMA31_70B_BF16, 4);
        assertThat(placement.residency()).isEqualTo(Residency.allIn("sram"));
        // per wafer: 141.1e9 ÷ 4 = 35.275e9 weights, 21,474,836,480 ÷ 4 = 5,368,709,120 KV
        TierUsage sram = placement.perChip().get(0);
        assertThat(sram.weightBytes()).isCloseTo(35.275e9, within(1e-3));
        assertThat(sram.kvCacheBytes()).isCloseTo(5_368_709_120.0, within(1e-3));
        // KV room: (44e9 − 35.275e9) ÷ 327,680 = 26,626.0 → 26,626 token-equivalents a wafer
        assertThat(placement.kvTokensCapacityPerChip()).isEqualTo(26_626);
    }

    @Test
    void weightStreamingKeepsWeightsInMemoryXAndFreesSramForKv() {
        List<Placement> alternatives = wse3Sized().alternatives(LLAMA31_70B_BF16, 1);
        assertThat(alternatives).hasSize(1);
        Placement streaming = alternatives.get(0);
        assertThat(streaming.name()).isEqualTo("weight-streaming");
        assertThat(streaming.residency()).isEqualTo(new Residency("external", "sram", "sram"));
        assertThat(streaming.fitsFullSpeed()).isFalse();
        assertThat(streaming.perChip()).containsExactly(
                new TierUsage("sram", 0, 21_474_836_480.0, 0),
                new TierUsage("external", 141.1e9, 0, 0));
        // KV room: 44e9 ÷ 327,680 = 134,277.3 → 134,277 tokens on one wafer, against 26,626 a wafer at full speed
        assertThat(streaming.kvTokensCapacityPerChip()).isEqualTo(134_277);
    }

    @Test
    void weightStreamingIsNotOfferedWhenItCannotHoldTheFootprint() {
        MemoryModel memory = wse3Sized();
        // 200,000 tokens × 327,680 B = 65.5e9 B of KV > 44e9 B of SRAM on one wafer
        assertThat(memory.alternatives(new Footprint(141.1e9, 327_680, 200_000, 0), 1)).isEmpty();
        // 2e12 B of weights > 1e12 B of MemoryX
        assertThat(memory.alternatives(new Footprint(2e12, 0, 0, 0), 1)).isEmpty();
    }

    @Test
    void aFootprintTooLargeIsReportedAndCappedAtCapacity() {
        Placement placement = wse3Sized().place(LLAMA31_70B_BF16, 1);
        assertThat(placement.fitsFullSpeed()).isFalse();
        assertThat(placement.perChip().get(0).totalBytes()).isLessThanOrEqualTo(44e9 * (1 + 1e-12));
        assertThat(placement.note()).contains("stream weights from MemoryX");
    }

    @Test
    void theTiersAreFullSpeedSramAndExternalMemoryX() {
        MemoryModel memory = wse3Sized();
        assertThat(memory.tiers()).extracting(t -> t.name()).containsExactly("sram", "external");
        assertThat(memory.tier("sram").fullSpeed()).isTrue();
        assertThat(memory.tier("external").fullSpeed()).isFalse();
        assertThat(memory.tier("external").usableFraction()).isEqualTo(1.0);
    }
}
