package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedCasesTest {

    @Test
    void theShippedCaseFileParsesAndEveryCaseNamesASource() {
        List<ValidationCase> cases = ValidationCases.builtIn();

        // the first 23 cases, 22 added for the non-GPU families (issue 13: 12 tt-metal, 7 SambaNova, 3 Groq; two
        // SambaNova ones since kept out), and Cerebras 70B plain and speculative: 23 + 20 + 2 = 45
        assertThat(cases).hasSize(45);
        assertThat(cases).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(cases).extracting(ValidationCase::id).doesNotHaveDuplicates()
                .startsWith("mlperf41-h100x8-llama2-70b-offline")
                .contains("groq-llama2-70b-per-user", "tt-galaxy-llama3.1-70b-b32-per-user")
                .endsWith("anl-sn40lx8-llama3-70b-c16-1024");
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
