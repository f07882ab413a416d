package org.splitinfer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.band.Band;
import org.splitinfer.core.band.BandBasis;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.LayoutGoal;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Status;

class WordsTest {
    @Test
    void aBandReadsAfterItsFigureWithTwoDigitsInTheFiguresUnit() {
        Band band = new Band(39.2, 57.4, BandBasis.SAME_FAMILY, 17, 0.8);
        Band large = new Band(16_130, 31_370, BandBasis.ALL_CASES, 45, 0.8);
        Band time = new Band(0.0381, 0.0573, BandBasis.SAME_FAMILY, 17, 0.8);

        assertThat(BandWords.numberWithBand(48.5, band)).isEqualTo("48.5 (39–57)");
        // 16,130 and 31,370 to two digits: 16,000 and 31,000
        assertThat(BandWords.numberWithBand(24_520, large)).isEqualTo("24,520 (16,000–31,000)");
        // 38.1 ms and 57.3 ms, in the figure's unit
        assertThat(BandWords.secondsWithBand(0.0452, time)).isEqualTo("45.2 ms (38–57 ms)");
    }

    @Test
    void durationsReadInTheirBestUnitWithThreeDigits() {
        assertThat(Words.seconds(0)).isEqualTo("0 s");
        assertThat(Words.seconds(0.000_412)).isEqualTo("412 us");
        assertThat(Words.seconds(0.029_17)).isEqualTo("29.2 ms");
        assertThat(Words.seconds(1.2)).isEqualTo("1.20 s");
    }

    @Test
    void tableFiguresAreGroupedFromAHundredAndSignificantBelow() {
        assertThat(Words.number(1234.4)).isEqualTo("1,234");
        assertThat(Words.number(0.20312)).isEqualTo("0.203");
        assertThat(Words.number(Double.NaN)).isEqualTo("-");
        assertThat(Words.percent(0.9)).isEqualTo("90%");
    }

    @Test
    void formatsThatAgreeReadAsOneName() {
        assertThat(Words.formats(ModelPrecision.uniform(Precision.FP8))).isEqualTo("fp8");
        assertThat(Words.formats(ModelPrecision.of(Precision.INT4, Precision.FP8, Precision.FP8)))
                .isEqualTo("weights=int4,activations=fp8,kv=fp8");
    }

    @Test
    void assumptionsReadAsTheToolHasAlwaysWordedThem() {
        assertThat(Words.assumption(new Assumption.AutoChips(PoolRole.DECODE, "h100-sxm", 4, 3, 1.4e11, 32, 2300)))
                .isEqualTo("decode pool: 4 h100-sxm chips per instance, the fewest whose full-speed memory holds"
                        + " 1.400e+11 bytes of weights and the KV cache of 32 sequences of 2300 tokens and, in whole"
                        + " nodes, that a runnable layout uses (memory alone needs 3)");
        assertThat(Words.assumption(new Assumption.LayoutChosen(PoolRole.PREFILL, 8, 1, 8,
                LayoutGoal.PROMPT_LATENCY)))
                .isEqualTo("prefill pool layout tp=8 pp=1, the fastest runnable split of 8 chips for one prompt's"
                        + " latency");
        assertThat(Words.assumption(new Assumption.CostBasis(CostAssumptions.DEFAULT)))
                .isEqualTo("cost: purchase prices amortised over 4.00 years plus energy at $0.0830/kWh and PUE 1.30;"
                        + " chips with only an hourly price are charged that");
        assertThat(Words.kind(new Assumption.LayerStreaming())).isEqualTo("layerStreaming");
    }

    @Test
    void chipStatusesNameTheChipItsStatusAndItsAssumedFigures() {
        List<ChipStatus> chips = List.of(new ChipStatus("h100-sxm", Status.SHIPPING, 14),
                new ChipStatus("optical-x", Status.PROJECTED, 3));

        assertThat(Words.chipStatuses(chips)).containsExactly("h100-sxm: shipping, 14 assumed figures",
                "optical-x: projected, 3 assumed figures");
        assertThat(DeploymentWords.statuses(chips)).isEqualTo("shipping/projected");
    }
}
