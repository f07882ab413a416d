package org.splitinfer.core.calibration;

import java.util.List;
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

    FitParameter(String owner, String name, double lower, double upper, double start, String unit,
                 List<ValidationCase> cases) {
        this.owner = owner;
        this.name = name;
        this.lower = lower;
        this.upper = upper;
        this.value = start;
        this.unit = unit;
        this.cases = cases;
    }

    /** @return a parameter with the same bounds and cases, at this one's value, to be fitted apart */
    FitParameter copy() {
        return new FitParameter(owner, name, lower, upper, value, unit, cases);
    }
}
