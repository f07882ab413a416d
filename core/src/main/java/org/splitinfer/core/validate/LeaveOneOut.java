package org.splitinfer.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.splitinfer.core.error.SplitInferException;

/**
 * Leave-one-out cross-validation of a {@link Calibration}: for each case in turn, fit on every other fittable case
 * (those whose metric is valid with their scenario), predict the held-out case with the parameters of that fit, and
 * report the out-of-sample errors. It tells how well a calibration generalises to a case it has not seen, which the
 * in-sample errors of a fit on all cases overstate.
 *
 * <p>A held-out case is a problem of the report when its metric is not valid with its scenario, when the fit
 * without it fails ({@link SplitInferException}), or when its prediction fails as in {@link Validator}. Cost: one
 * fit per case, run in parallel where the calibration {@linkplain Calibration#fitsConcurrently() allows it}.
 *
 * @since 0.1
 */
public final class LeaveOneOut {
    private LeaveOneOut() {
    }

    /**
     * Runs leave-one-out with every case in one family ({@link Validator#UNKNOWN_FAMILY}).
     *
     * @param cases       the cases
     * @param calibration what to refit
     * @param <P>         the fitted parameters
     * @return the report of out-of-sample predictions
     */
    public static <P> ValidationReport run(List<ValidationCase> cases, Calibration<P> calibration) {
        return run(cases, calibration, hardware -> null);
    }

    /**
     * Runs leave-one-out.
     *
     * @param cases            the cases, in the order to report them
     * @param calibration      what to refit
     * @param familyOfHardware the family name of an accelerator id, or null when it does not know the id
     * @param <P>              the fitted parameters
     * @return the report of out-of-sample predictions
     */
    public static <P> ValidationReport run(List<ValidationCase> cases, Calibration<P> calibration,
                                           Function<String, String> familyOfHardware) {
        return run(cases, calibration, familyOfHardware, null);
    }

    /**
     * Runs leave-one-out and tells how far it is: each case costs a fit, and a fit of the shipped calibration takes
     * a while.
     *
     * @param cases            the cases, in the order to report them
     * @param calibration      what to refit
     * @param familyOfHardware the family name of an accelerator id, or null when it does not know the id
     * @param progress         told the number of cases done after each, or null
     * @param <P>              the fitted parameters
     * @return the report of out-of-sample predictions
     */
    public static <P> ValidationReport run(List<ValidationCase> cases, Calibration<P> calibration,
                                           Function<String, String> familyOfHardware, IntConsumer progress) {
        List<ValidationCase> fittable = Validator.fittable(cases);
        // the fits are independent: where the calibration allows, they run on every core, each outcome in its case's
        // place, so the report is the same as one fit after another gives
        CaseOutcome[] outcomes = new CaseOutcome[cases.size()];
        AtomicInteger done = new AtomicInteger();
        if (progress != null) {
            progress.accept(0);
        }
        IntStream indices = IntStream.range(0, cases.size());
        (calibration.fitsConcurrently() ? indices.parallel() : indices).forEach(i -> {
            outcomes[i] = heldOut(cases.get(i), fittable, calibration, familyOfHardware);
            if (progress != null) {
                synchronized (progress) {
                    progress.accept(done.incrementAndGet());
                }
            }
        });
        return new ValidationReport(List.of(outcomes));
    }

    private static <P> CaseOutcome heldOut(ValidationCase heldOut, List<ValidationCase> fittable,
                                           Calibration<P> calibration, Function<String, String> familyOfHardware) {
        if (heldOut.metricProblem().isPresent()) {
            return new CaseOutcome.Unpredicted(heldOut, heldOut.metricProblem().get());
        }
        List<ValidationCase> training = new ArrayList<>(fittable.size());
        for (ValidationCase other : fittable) {
            if (other != heldOut) {
                training.add(other);
            }
        }
        P parameters;
        try {
            parameters = calibration.fit(List.copyOf(training));
        } catch (SplitInferException e) {
            return new CaseOutcome.Unpredicted(heldOut,
                    "the fit without this case failed: " + Validator.sentence(e.getMessage()));
        }
        return Validator.predict(heldOut, calibration.predictorWith(parameters), familyOfHardware);
    }
}
