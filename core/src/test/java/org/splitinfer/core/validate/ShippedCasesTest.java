package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedCasesTest {

    @Test
    void theShippedCaseFileParsesAndEveryCaseNamesASource() {
        List<ValidationCase> cases = ValidationCases.builtIn();

        assertThat(cases).hasSize(23);
        assertThat(cases).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(cases).extracting(ValidationCase::id).doesNotHaveDuplicates()
                .startsWith("mlperf41-h100x8-llama2-70b-offline")
                .endsWith("groq-llama2-70b-per-user");
    }

    @Test
    void everyShippedMetricIsMeasuredInItsScenario() {
        assertThat(ValidationCases.builtIn()).allSatisfy(c -> assertThat(c.metricProblem()).isEmpty());
    }
}
