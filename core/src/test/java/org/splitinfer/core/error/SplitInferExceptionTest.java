package org.splitinfer.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitInferExceptionTest {
    @Test
    void aMessageStaysOnOneLineWhateverItEchoes() {
        // a value read from a file: a newline, a tab, a terminal escape (ESC [ 2 J clears the screen), a line separator
        SplitInferException problem = new SplitInferException("unknown model 'a\nb\tc\u001b[2Jd\u2028e'; check it");

        assertThat(problem.getMessage()).isEqualTo("unknown model 'a\\nb\\tc\\u001b[2Jd\\u2028e'; check it");
        assertThat(problem.getMessage().lines()).hasSize(1);
    }

    @Test
    void plainMessagesAreKeptAsTheyAre() {
        assertThat(new SplitInferException("decode.chips must be at least 1 × 2 ≤ 3").getMessage())
                .isEqualTo("decode.chips must be at least 1 × 2 ≤ 3");
    }
}
