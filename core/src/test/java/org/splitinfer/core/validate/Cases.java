package org.splitinfer.core.validate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;

/** Hand-made cases and YAML for the validation tests. */
final class Cases {
    private Cases() {
    }

    static List<ValidationCase> read(String yaml) {
        return ValidationCases.read("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A prefill case measured at {@code value} seconds. */
    static ValidationCase prefill(String id, String hardware, double value) {
        return new ValidationCase(id, "a paper", "llama-2-70b", null, hardware, ChipCount.of(8),
                new ParallelLayout(8, 1, 1, 1), ModelPrecision.uniform(Precision.FP16), null,
                new Workload.Prefill(1, 512), Metric.SECONDS, value, null);
    }

    /** An offline case whose metric is not measured offline. */
    static ValidationCase offlineInSeconds(String id) {
        return new ValidationCase(id, "a paper", "llama-2-70b", null, "h100-sxm", ChipCount.of(8), null,
                ModelPrecision.uniform(Precision.FP8), null, new Workload.Offline(300, 273), Metric.SECONDS, 1.0,
                null);
    }
}
