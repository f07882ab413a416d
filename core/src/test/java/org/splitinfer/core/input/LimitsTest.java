package org.splitinfer.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitsTest {
    @Test
    void theLimitsKeepTheArithmeticBuiltOnThemExact() {
        // a deployment's chips fit an int with room: 2^20 chips per pool, two pools, 2^21 < 2^31
        assertThat(2L * Limits.MAX_CHIPS).isLessThan(Integer.MAX_VALUE);
        // requests in flight times one sequence's tokens: 2^20 × 2^24 = 2^44 < 2^63
        assertThat(Math.multiplyExact((long) Limits.MAX_SEQUENCES, Limits.MAX_TOKENS)).isEqualTo(1L << 44);
        // a step's tokens times a layer's widest row (heads 2^10 × 3 × head dim 2^12 < 2^24): below 2^56
        assertThat(Math.multiplyExact(Limits.MAX_STEP_TOKENS, 1L << 24)).isEqualTo(1L << 56);
    }

    @Test
    void messagesSpellCountsAndSizesForPeople() {
        assertThat(Limits.count(1_048_576)).isEqualTo("1,048,576");
        assertThat(Limits.size(Limits.MAX_CONFIG_FILE_BYTES)).isEqualTo("1 MiB");
        assertThat(Limits.size(Limits.MAX_TRACE_FILE_BYTES)).isEqualTo("1 GiB");
        assertThat(Limits.size(64)).isEqualTo("64 bytes");
        assertThat(Limits.outOfRange("decode.instances", 1_000_000_000, 1, Limits.MAX_CHIPS))
                .isEqualTo("decode.instances must be from 1 to 1,048,576, got 1000000000");
    }
}
