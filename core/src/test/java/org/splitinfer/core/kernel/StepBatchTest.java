package org.splitinfer.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Phase;

class StepBatchTest {

    @Test
    void causalPrefillScoresTheTriangle() {
        // s = 2048, c = 0: 2048 × 2049 / 2 = 2,098,176 pairs
        assertThat(StepBatch.prefill(1, 2048, 0).scorePairs(0)).isEqualTo(2_098_176d);
    }

    @Test
    void priorContextAddsARectangle() {
        // s = 4, c = 2: 4 × 5 / 2 + 4 × 2 = 18 pairs; keys 0..5 read once
        StepBatch batch = StepBatch.prefill(1, 4, 2);
        assertThat(batch.scorePairs(0)).isEqualTo(18d);
        assertThat(batch.keysRead(0)).isEqualTo(6d);
    }

    @Test
    void windowCapsPairsAndKeys() {
        // s = 4, c = 2, W = 3: queries at positions 2..5 each score min(p + 1, 3) = 3 keys → 12;
        // keys read from position 0 (the first query's window) to 5 → 6
        StepBatch batch = StepBatch.prefill(1, 4, 2);
        assertThat(batch.scorePairs(3)).isEqualTo(12d);
        assertThat(batch.keysRead(3)).isEqualTo(6d);
        // c = 10, W = 3: keys from position 8 to 13 → 6; pairs 4 × 3 = 12
        assertThat(StepBatch.prefill(1, 4, 10).keysRead(3)).isEqualTo(6d);
        assertThat(StepBatch.prefill(1, 4, 10).scorePairs(3)).isEqualTo(12d);
    }

    @Test
    void decodeReadsContextPlusTheNewTokenCappedByTheWindow() {
        StepBatch batch = StepBatch.decode(8, 8192);
        assertThat(batch.phase()).isEqualTo(Phase.DECODE);
        assertThat(batch.newTokens()).isEqualTo(8);
        assertThat(batch.keysRead(0)).isEqualTo(8 * 8193d);
        assertThat(batch.scorePairs(128)).isEqualTo(8 * 128d);
    }

    @Test
    void unevenBatchEqualsTheSumOfItsSequences() {
        StepBatch uneven = StepBatch.prefill(new long[] {100, 7}, new long[] {0, 300});
        double pairs = StepBatch.prefill(1, 100, 0).scorePairs(64) + StepBatch.prefill(1, 7, 300).scorePairs(64);
        assertThat(uneven.scorePairs(64)).isEqualTo(pairs);
        assertThat(uneven.newTokens()).isEqualTo(107);
        assertThat(StepBatch.decode(new long[] {5, 9}).keysRead(0)).isEqualTo(6 + 10);
    }

    @Test
    void emptyBatchIsRejected() {
        assertThatThrownBy(() -> StepBatch.decode(0, 10)).hasMessage("a step needs 1 to 1048576 sequences, got 0");
        assertThatThrownBy(() -> StepBatch.prefill(1, 0, 0))
                .hasMessage("new tokens of sequence 0 must be 1 to 16777216, got 0");
    }

    @Test
    void aVerificationStepBringsItsProposalsAndReadsTheContextOnce() {
        StepBatch verify = StepBatch.verify(3, 5, 100);

        // 3 sequences × 5 new tokens; keys read: 100 cached + 5 new = 105 each, 315 in all
        assertThat(verify.newTokens()).isEqualTo(15);
        assertThat(verify.sequences()).isEqualTo(3);
        assertThat(verify.keysRead(0)).isEqualTo(315);
        // pairs: 5 × 100 + 5 × 6 ÷ 2 = 515 each, 1,545 in all; one token per sequence is a plain decode step
        assertThat(verify.scorePairs(0)).isEqualTo(1545);
        assertThat(StepBatch.verify(3, 1, 100).scorePairs(0)).isEqualTo(StepBatch.decode(3, 100).scorePairs(0));
        assertThat(verify.phase()).isEqualTo(org.splitinfer.spi.Phase.DECODE);
    }
}
