package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedCasesTest {

    @Test
    void theShippedCaseFileParsesAndEveryCaseNamesASource() {
        List<ValidationCase> cases = ValidationCases.builtIn();

        // the first 23 cases, 22 added for the non-GPU families (issue 13: 12 tt-metal, 7 SambaNova, 3 Groq; two
        // SambaNova ones since kept out), Cerebras 70B plain and speculative, and six more tt-metal rows (Llama 3.2
        // 1B and 3B and Mistral 7B on an n150, each decode and prefill), and eight more rows of Argonne's SN40L data
        // (Llama 3 8B and 70B at lengths 128 and 2,048, batch 1 and 16), and Splitwise's six TP2 counterparts of
        // its TP8 cases, and five more TTFT rows of the Galaxy's long-context table (4K, 8K, 16K, 64K, 128K), and
        // tt_transformers' 64K-token table (10 configurations, each a TTFT and a decode speed): 23 + 20 + 2 + 6 + 8 +
        // 6 + 5 + 20 = 90
        assertThat(cases).hasSize(90);
        assertThat(cases).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(cases).extracting(ValidationCase::id).doesNotHaveDuplicates()
                .startsWith("mlperf41-h100x8-llama2-70b-offline")
                .contains("groq-llama2-70b-per-user", "tt-galaxy-llama3.1-70b-b32-per-user",
                        "tt-galaxy-llama3.3-70b-prefill-128k", "tt-t3k-llama3.1-70b-ctx64k-b1-per-user")
                .endsWith("anl-sn40lx8-llama3-70b-c16-2048");
    }

    @Test
    void everyShippedMetricIsMeasuredInItsScenario() {
        assertThat(ValidationCases.builtIn()).allSatisfy(c -> assertThat(c.metricProblem()).isEmpty());
    }

    @Test
    void theCerebrasLlama70bSpeedReachedWithSpeculativeDecodingIsLabelledAsSuch() {
        ValidationCase plain = ValidationCases.builtIn().stream()
                .filter(c -> c.id().equals("cerebras-llama3.1-70b-per-user")).findFirst().orElseThrow();
        ValidationCase speculative = ValidationCases.builtIn().stream()
                .filter(c -> c.id().equals("cerebras-llama3.1-70b-speculative-per-user")).findFirst().orElseThrow();

        assertThat(plain.speculative()).isNull();
        assertThat(plain.value()).isEqualTo(450);
        assertThat(speculative.speculative().draft()).isEqualTo("llama-3.1-8b");
        assertThat(speculative.speculative().tokens()).isEmpty();
        assertThat(speculative.speculative().acceptance()).isEmpty();
        assertThat(speculative.value()).isEqualTo(2100);
    }
}
