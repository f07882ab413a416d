package org.splitinfer.core.calibration;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.splitinfer.core.validate.ValidationCase;

/**
 * One parameter while the calibration fits it: whose it is ({@code gpu.tensorrt-llm}), its name in the profile, its
 * bounds and unit, the cases it draws on, and its current value. Mutable, and private to one fit.
 */
final class FitParameter {
    final String owner;
    final String name;
    final double lower;
    final double upper;
    final String unit;
    final List<ValidationCase> cases;
    double value;
    // searched on the logarithm of its bounds: a ceiling that spans decades leaves the objective flat above the point
    // where it starts to bite, and a search on the plain scale never steps below that
    private final boolean logScale;

    FitParameter(String owner, String name, double lower, double upper, double start, String unit,
                 List<ValidationCase> cases) {
        this(owner, name, lower, upper, start, unit, cases, false);
    }

    FitParameter(String owner, String name, double lower, double upper, double start, String unit,
                 List<ValidationCase> cases, boolean logScale) {
        this.owner = owner;
        this.name = name;
        this.lower = lower;
        this.upper = upper;
        this.value = start;
        this.unit = unit;
        this.cases = cases;
        this.logScale = logScale;
    }

    /** @return a parameter with the same bounds and cases, at this one's value, to be fitted apart */
    FitParameter copy() {
        return refitted(owner, cases);
    }

    /**
     * This parameter for another owner on other cases (a variant refitting its parent's), starting at this one's
     * value, with its bounds, unit and scale.
     *
     * @param newOwner the owner
     * @param newCases the cases it draws on
     * @return the parameter
     */
    FitParameter refitted(String newOwner, List<ValidationCase> newCases) {
        return new FitParameter(newOwner, name, lower, upper, value, unit, newCases, logScale);
    }

    /**
     * The value in the bounds that minimises {@code objective}, by {@link GoldenSection}.
     *
     * @param objective the objective as a function of this parameter's value
     * @return the best value seen
     */
    double search(DoubleUnaryOperator objective) {
        if (!logScale) {
            return GoldenSection.minimise(objective, lower, upper);
        }
        double best = GoldenSection.minimise(x -> objective.applyAsDouble(Math.exp(x)), Math.log(lower),
                Math.log(upper));
        return Math.min(upper, Math.max(lower, Math.exp(best)));
    }
}
