package org.splitinfer.core.calibration;

import java.util.List;

/**
 * One fitted parameter, for the fit's table.
 *
 * @param name       e.g. {@code tensorrt-llm.kernelEfficiency}
 * @param value      the fitted value
 * @param lowerBound the smallest value the fit may choose
 * @param upperBound the largest value the fit may choose
 * @param unit       its unit: {@code fraction}, {@code s}
 * @param cases      ids of the cases it draws on
 */
public record FittedParameter(String name, double value, double lowerBound, double upperBound, String unit,
                              List<String> cases) {
    /** Copies the list. */
    public FittedParameter {
        cases = List.copyOf(cases);
    }
}
