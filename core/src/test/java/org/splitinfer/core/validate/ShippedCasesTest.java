package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedCasesTest {

    @Test
    void theShippedCaseFileParsesAndEveryCaseNamesASource() {
        List<ValidationCase> cases = ValidationCases.builtIn();

        // the first 23 cases, then 22 added for the non-GPU families (issue 13): 12 tt-metal, 7 SambaNova, 3 Groq
        assertThat(cases).hasSize(43);
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
}
