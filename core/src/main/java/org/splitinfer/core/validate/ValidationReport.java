package org.splitinfer.core.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of predicting a set of cases: each case predicted (with its relative and log errors) or listed with
 * its problem, and the error statistics over the predicted cases.
 *
 * <p>Statistics: the median and the 90th percentile of the relative errors |p − m| / m (fractions), by linear
 * interpolation ({@link Quantiles}); the median |ln(p / m)|; and the median relative error per hardware family.
 * Problems are counted apart and enter no statistic. A report with any problem is incomplete: the command-line
 * tool prints it whole and exits 1.
 *
 * @param outcomes every case, in the order given
 * @since 0.1
 */
public record ValidationReport(List<CaseOutcome> outcomes) {

    /** Copies the outcomes. */
    public ValidationReport {
        outcomes = List.copyOf(outcomes);
    }

    /** @return the predicted cases, in order */
    public List<CaseOutcome.Predicted> predicted() {
        List<CaseOutcome.Predicted> predicted = new ArrayList<>();
        for (CaseOutcome outcome : outcomes) {
            if (outcome instanceof CaseOutcome.Predicted p) {
                predicted.add(p);
            }
        }
        return predicted;
    }

    /** @return the cases that could not be predicted, in order */
    public List<CaseOutcome.Unpredicted> problems() {
        List<CaseOutcome.Unpredicted> problems = new ArrayList<>();
        for (CaseOutcome outcome : outcomes) {
            if (outcome instanceof CaseOutcome.Unpredicted u) {
                problems.add(u);
            }
        }
        return problems;
    }

    /** @return how many cases could not be predicted */
    public int problemCount() {
        return outcomes.size() - predicted().size();
    }

    /** @return whether every case was predicted */
    public boolean complete() {
        return problemCount() == 0;
    }

    /** @return the median relative error (a fraction), or empty when no case was predicted */
    public OptionalDouble medianError() {
        return quantile(relativeErrors(predicted()), 0.5);
    }

    /** @return the 90th percentile of relative errors (a fraction), or empty when no case was predicted */
    public OptionalDouble p90Error() {
        return quantile(relativeErrors(predicted()), 0.9);
    }

    /** @return the median |ln(predicted / measured)|, or empty when no case was predicted */
    public OptionalDouble medianLogError() {
        List<Double> errors = new ArrayList<>();
        for (CaseOutcome.Predicted p : predicted()) {
            errors.add(p.logError());
        }
        return quantile(errors, 0.5);
    }

    /** @return per hardware family, sorted by name: its predicted cases and their median relative error */
    public SortedMap<String, FamilyError> familyErrors() {
        Map<String, List<CaseOutcome.Predicted>> byFamily = new TreeMap<>();
        for (CaseOutcome.Predicted p : predicted()) {
            byFamily.computeIfAbsent(p.family(), family -> new ArrayList<>()).add(p);
        }
        SortedMap<String, FamilyError> errors = new TreeMap<>();
        byFamily.forEach((family, cases) -> errors.put(family,
                new FamilyError(cases.size(), Quantiles.median(relativeErrors(cases)))));
        return Collections.unmodifiableSortedMap(errors);
    }

    /**
     * The error of one hardware family.
     *
     * @param cases       predicted cases of the family
     * @param medianError their median relative error, a fraction
     */
    public record FamilyError(int cases, double medianError) {
    }

    private static List<Double> relativeErrors(List<CaseOutcome.Predicted> predicted) {
        List<Double> errors = new ArrayList<>(predicted.size());
        for (CaseOutcome.Predicted p : predicted) {
            errors.add(p.relativeError());
        }
        return errors;
    }

    private static OptionalDouble quantile(List<Double> values, double q) {
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Quantiles.of(values, q));
    }
}
