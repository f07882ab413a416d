package org.splitinfer.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Precision;

class ModelSpecKvCacheTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    @Test
    void llama31With70BillionParametersCaches327680BytesPerTokenInBf16() {
        // 80 layers × (K and V) 2 × 8 KV heads × 128 head_dim × 2 bytes
        assertThat(CATALOG.get("llama-3.1-70b").kvBytesPerToken(Precision.BF16)).isEqualTo(80 * 2 * 8 * 128 * 2);
        assertThat(80 * 2 * 8 * 128 * 2).isEqualTo(327_680);
    }

    @Test
    void deepSeekV3CachesOnlyTheLatentAndTheRotaryKey() {
        // (kv_lora_rank 512 + qk_rope_head_dim 64) × 61 layers × 2 bytes = 70,272
        assertThat(CATALOG.get("deepseek-v3").kvBytesPerToken(Precision.BF16)).isEqualTo((512 + 64) * 61 * 2);
        assertThat(CATALOG.get("deepseek-v3").kvBytesPerToken(Precision.FP8)).isEqualTo((512 + 64) * 61);
    }

    @Test
    void gptOssSlidingLayersStopGrowingAtTheirWindow() {
        ModelSpec gptOss = CATALOG.get("gpt-oss-120b");
        // per layer and token: 2 × 8 KV heads × 64 head_dim × 2 bytes = 2,048
        // 18 full layers hold 8,192 tokens, 18 sliding layers hold 128
        double expected = 18.0 * 8192 * 2048 + 18.0 * 128 * 2048;
        assertThat(expected).isEqualTo(306_708_480d);
        assertThat(gptOss.kvBytes(8192, Precision.BF16)).isEqualTo(expected);
        assertThat(gptOss.kvBytes(100, Precision.BF16)).isEqualTo(100 * gptOss.kvBytesPerToken(Precision.BF16));
    }

    @Test
    void kvBytesOfAFullAttentionModelAreContextTimesBytesPerToken() {
        ModelSpec llama = CATALOG.get("llama-3.1-8b");
        assertThat(llama.kvBytes(4096, Precision.FP8)).isEqualTo(4096 * llama.kvBytesPerToken(Precision.FP8));
    }
}
