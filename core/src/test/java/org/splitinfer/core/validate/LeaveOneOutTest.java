package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.util.DoubleComparator;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.error.SplitInferException;

class LeaveOneOutTest {

    /**
     * A one-parameter calibration: every case's prediction is scale × 1, the scale fitted by least squares in log
     * space, which is the geometric mean of the measured values: ln s = mean(ln m).
     */
    private static final class ScaleCalibration implements Calibration<Double> {
        final List<List<String>> fits = Collections.synchronizedList(new ArrayList<>());
        private final boolean concurrent;

        ScaleCalibration() {
            this(false);
        }

        /** @param concurrent whether leave-one-out may run its fits in parallel */
        ScaleCalibration(boolean concurrent) {
            this.concurrent = concurrent;
        }

        @Override
        public Double fit(List<ValidationCase> cases) {
            fits.add(cases.stream().map(ValidationCase::id).toList());
            if (cases.isEmpty()) {
                throw new SplitInferException("no cases to fit the scale on.");
            }
            double sum = 0;
            for (ValidationCase c : cases) {
                sum += Math.log(c.value());
            }
            return Math.exp(sum / cases.size());
        }

        @Override
        public CasePredictor predictorWith(Double scale) {
            return c -> Prediction.of(scale, "tp=8 pp=1 dp=1");
        }

        @Override
        public boolean fitsConcurrently() {
            return concurrent;
        }
    }

    @Test
    void eachCaseIsPredictedByAFitWithoutIt() {
        List<ValidationCase> cases = List.of(Cases.prefill("one", "h100-sxm", 1), Cases.prefill("two", "h100-sxm", 2),
                Cases.prefill("four", "h100-sxm", 4));
        ScaleCalibration calibration = new ScaleCalibration();

        ValidationReport report = LeaveOneOut.run(cases, calibration);

        assertThat(calibration.fits).containsExactly(List.of("two", "four"), List.of("one", "four"),
                List.of("one", "two"));
        // without "one": s = √(2·4) = 2^1.5 = 2.828427; error |2.828427 − 1| / 1 = 1.828427
        // without "two": s = √(1·4) = 2;                 error |2 − 2| / 2 = 0
        // without "four": s = √(1·2) = 1.414214;         error |1.414214 − 4| / 4 = 0.646447
        assertThat(report.predicted()).extracting(CaseOutcome.Predicted::predicted)
                .usingElementComparator(new DoubleComparator(1e-12))
                .containsExactly(Math.pow(2, 1.5), 2.0, Math.sqrt(2));
        assertThat(report.predicted()).extracting(CaseOutcome.Predicted::relativeError)
                .usingElementComparator(new DoubleComparator(1e-12))
                .containsExactly(Math.pow(2, 1.5) - 1, 0.0, 1 - Math.sqrt(2) / 4);
        // sorted 0, 0.646447, 1.828427: median 0.646447;
        // p90 at position (3 − 1) × 0.9 = 1.8 → 0.646447 + 0.8 × (1.828427 − 0.646447) = 1.592031
        assertThat(report.medianError()).hasValueCloseTo(0.646447, within(1e-6));
        assertThat(report.p90Error()).hasValueCloseTo(1.592031, within(1e-6));
    }

    @Test
    void casesWithAnInvalidMetricAreNeitherFittedNorPredicted() {
        List<ValidationCase> cases = List.of(Cases.prefill("one", "h100-sxm", 1), Cases.offlineInSeconds("wrong"),
                Cases.prefill("four", "h100-sxm", 4));
        ScaleCalibration calibration = new ScaleCalibration();

        ValidationReport report = LeaveOneOut.run(cases, calibration);

        assertThat(calibration.fits).containsExactly(List.of("four"), List.of("one"));
        assertThat(report.outcomes()).extracting(o -> o.validationCase().id()).containsExactly("one", "wrong", "four");
        assertThat(report.problems()).extracting(p -> p.validationCase().id()).containsExactly("wrong");
        // one predicted by 4 (error 3), four by 1 (error 0.75)
        assertThat(report.predicted()).extracting(CaseOutcome.Predicted::relativeError).containsExactly(3.0, 0.75);
    }

    @Test
    void aFitThatFailsMakesTheHeldOutCaseAProblem() {
        ValidationReport report = LeaveOneOut.run(List.of(Cases.prefill("alone", "h100-sxm", 1)),
                new ScaleCalibration());

        assertThat(report.problems()).singleElement().extracting(CaseOutcome.Unpredicted::problem)
                .isEqualTo("the fit without this case failed: no cases to fit the scale on");
    }

    @Test
    void fitsRunInParallelWhereTheCalibrationAllowsAndTheReportKeepsTheCasesOrder() {
        List<ValidationCase> cases = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            cases.add(Cases.prefill("case" + i, "h100-sxm", i));
        }
        ScaleCalibration concurrent = new ScaleCalibration(true);
        List<Integer> progress = new ArrayList<>();

        ValidationReport report = LeaveOneOut.run(cases, concurrent, hardware -> null, progress::add);

        // case i is predicted by the geometric mean of the other 23 values: exp((ln 24! − ln i) ÷ 23)
        double lnFactorial = 0;
        for (int i = 1; i <= 24; i++) {
            lnFactorial += Math.log(i);
        }
        List<Double> expected = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            expected.add(Math.exp((lnFactorial - Math.log(i)) / 23));
        }
        assertThat(report.outcomes()).extracting(o -> o.validationCase().id())
                .containsExactlyElementsOf(cases.stream().map(ValidationCase::id).toList());
        assertThat(report.predicted()).extracting(CaseOutcome.Predicted::predicted)
                .usingElementComparator(new DoubleComparator(1e-9)).containsExactlyElementsOf(expected);
        assertThat(concurrent.fits).hasSize(24).allSatisfy(training -> assertThat(training).hasSize(23));
        // progress counts up from 0 to 24 whatever order the fits finish in
        assertThat(progress).containsExactlyElementsOf(IntStream.rangeClosed(0, 24).boxed().toList());
    }
}
