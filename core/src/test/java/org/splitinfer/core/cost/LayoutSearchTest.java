package org.splitinfer.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.ParallelLayout;

class LayoutSearchTest {
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final ModelSpec LLAMA_70B = CATALOG.get("llama-3.1-70b");

    @Test
    void tensorDegreesDivideTheHeadsAndStayInTheScaleUpDomain() {
        // llama-3.1-70b: 64 query heads, 8 KV heads. Degrees dividing 64 whose relation to 8 is a divisor or a
        // multiple: 1, 2, 4, 8 (divide 8), 16, 32, 64 (multiples of 8)
        assertThat(new LayoutSearch(new DomainChip("gpu", 8), LLAMA_70B).tensorDegrees()).containsExactly(1, 2, 4, 8);
        assertThat(new LayoutSearch(new DomainChip("lpu", 10_440), LLAMA_70B).tensorDegrees())
                .containsExactly(1, 2, 4, 8, 16, 32, 64);
        // a wafer is its own domain: layers are pipelined over wafers only
        assertThat(new LayoutSearch(new DomainChip("wafer", 1), LLAMA_70B).tensorDegrees()).containsExactly(1);
    }

    @Test
    void aDegreeThatNeitherDividesNorIsAMultipleOfTheKvHeadsIsNotProposed() {
        // mixtral-8x22b: 48 query heads, 8 KV heads. 3, 6, 12 divide 48 but neither divide 8 nor are multiples of
        // it; 16, 24 and 48 are multiples of 8 (each KV head replicated on 2, 3, 6 chips)
        ModelSpec mixtral = CATALOG.get("mixtral-8x22b");
        assertThat(new LayoutSearch(new DomainChip("big", 1024), mixtral).tensorDegrees())
                .containsExactly(1, 2, 4, 8, 16, 24, 48);
        // llama-2-13b has as many KV heads as query heads (40): every divisor of 40
        assertThat(new LayoutSearch(new DomainChip("big", 1024), CATALOG.get("llama-2-13b")).tensorDegrees())
                .containsExactly(1, 2, 4, 5, 8, 10, 20, 40);
    }

    @Test
    void latentAttentionCountsOnlyTheQueryHeads() {
        // deepseek-r1: 128 query heads sharing one latent
        assertThat(new LayoutSearch(new DomainChip("big", 1024), CATALOG.get("deepseek-r1")).tensorDegrees())
                .containsExactly(1, 2, 4, 8, 16, 32, 64, 128);
    }

    @Test
    void layoutsUseExactlyTheChipsWithNoMoreStagesThanLayers() {
        LayoutSearch search = new LayoutSearch(new DomainChip("gpu", 8), LLAMA_70B);

        // 16 chips: tp 8 × pp 2, tp 4 × pp 4, tp 2 × pp 8, tp 1 × pp 16, by increasing stages
        assertThat(search.layouts(16)).containsExactly(new ParallelLayout(8, 2, 1, 1), new ParallelLayout(4, 4, 1, 1),
                new ParallelLayout(2, 8, 1, 1), new ParallelLayout(1, 16, 1, 1));
        // 227 is prime and above 80 layers: tp 1 would need 227 stages
        assertThat(search.layouts(227)).isEmpty();
    }

    @Test
    void theFewestChipsThatRunIsTheNextCountATensorTimesPipelineSplitReaches() {
        LayoutSearch search = new LayoutSearch(new DomainChip("lpu", 10_440), CATALOG.get("mixtral-8x7b"));

        // mixtral-8x7b: 32 heads, 8 KV heads, 32 layers; degrees 1, 2, 4, 8, 16, 32. From 227 up: 228 = 4 × 57
        // (57 > 32 stages), ... 232 = 8 × 29 is the first that runs
        assertThat(search.fewestChips(227)).hasValue(232);
        assertThat(search.layouts(232)).containsExactly(new ParallelLayout(8, 29, 1, 1));
        // the largest instance: 32 × 32 chips
        assertThat(search.fewestChips(1025)).isEmpty();
    }

    @Test
    void theFewestChipsAreWholeNodesOfTheChip() {
        ModelSpec llama8b = CATALOG.get("llama-3.1-8b");
        LayoutSearch single = new LayoutSearch(new DomainChip("lpu", 10_440), llama8b);
        LayoutSearch groq = new LayoutSearch(new DomainChip("lpu", 10_440, 8), llama8b);

        // llama-3.1-8b: 32 heads, 8 KV heads, 32 layers. From 44 chips, one at a time: 44 = 4 × 11 runs.
        assertThat(single.fewestChips(44)).hasValue(44);
        // In GroqNodes of 8: 44 rounds up to 48 = 6 nodes, which runs (8 × 6, 16 × 3, ...).
        assertThat(groq.fewestChips(44)).hasValue(48);
        // From 3: 3 = 1 × 3 runs one chip at a time; a node is the least a buyer gets.
        assertThat(single.fewestChips(3)).hasValue(3);
        assertThat(groq.fewestChips(3)).hasValue(8);
        // A count already whole stays.
        assertThat(groq.fewestChips(48)).hasValue(48);
        // A count the caller gives is not rounded: 44 chips still have layouts.
        assertThat(groq.layouts(44)).isNotEmpty();
    }

    @Test
    void theFastestLayoutWinsAndTiesKeepFewerStages() {
        LayoutSearch search = new LayoutSearch(new DomainChip("gpu", 8), LLAMA_70B);

        assertThat(search.fastest(16, layout -> layout.pipeline() == 4 ? 1.0 : 2.0, "decode.chips"))
                .isEqualTo(new ParallelLayout(4, 4, 1, 1));
        assertThat(search.fastest(16, layout -> 1.0, "decode.chips")).isEqualTo(new ParallelLayout(8, 2, 1, 1));
    }

    @Test
    void aChipCountNoLayoutReachesNamesTheFieldAndTheNearestCountsThatRun() {
        LayoutSearch search = new LayoutSearch(new DomainChip("lpu", 10_440), CATALOG.get("mixtral-8x7b"));

        assertThatThrownBy(() -> search.fastest(227, layout -> 1.0, "decode.chips"))
                .isInstanceOf(LayoutException.class)
                .hasMessage("no layout of 227 'lpu' chips runs 'mixtral-8x7b': tensor-parallel degrees must split the"
                        + " 32 attention heads of 'mixtral-8x7b' and its 8 KV heads within the 10440-chip scale-up"
                        + " domain (1, 2, 4, 8, 16, 32), and pipeline stages cannot exceed its 32 layers; set"
                        + " decode.chips to 224 or 232")
                .satisfies(e -> assertThat(((LayoutException) e).fields()).isEqualTo(List.of("decode.chips")));
    }

    @Test
    void aGivenLayoutMustSplitTheHeads() {
        LayoutSearch search = new LayoutSearch(new DomainChip("gpu", 8), LLAMA_70B);

        // a given layout may cross the scale-up domain (16 > 8) but must split the heads
        assertThat(search.given(16, 1, 16, "prefill")).isEqualTo(new ParallelLayout(16, 1, 1, 1));
        assertThatThrownBy(() -> search.given(6, 1, 6, "prefill"))
                .isInstanceOf(LayoutException.class)
                .hasMessage("prefill.tp = 6 does not split the 64 attention heads of 'llama-3.1-70b' and its 8 KV heads;"
                        + " use one of 1, 2, 4, 8, 16, 32, 64");
        assertThatThrownBy(() -> search.given(1, 81, 81, "prefill"))
                .hasMessage("prefill.pp = 81 exceeds the 80 layers of 'llama-3.1-70b'; use at most 80 stages");
        assertThatThrownBy(() -> search.given(4, 3, 8, "decode"))
                .hasMessage("decode.tp × decode.pp = 4 × 3 must equal decode.chips = 8; change decode.tp, decode.pp or"
                        + " decode.chips");
    }
}
