package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedCasesTest {

    @Test
    void theShippedCaseFileParsesAndEveryCaseNamesASource() {
        List<ValidationCase> cases = ValidationCases.builtIn();

        assertThat(cases).hasSize(25);
        assertThat(cases).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(cases).extracting(ValidationCase::id).doesNotHaveDuplicates()
                .startsWith("mlperf41-h100x8-llama2-70b-offline")
                .endsWith("groq-llama2-70b-per-user");
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
