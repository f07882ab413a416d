package org.splitinfer.core.cost;

import java.util.List;
import org.splitinfer.core.model.ModelPrecision;

/**
 * Formats to run a model in on one chip, and how they were chosen.
 *
 * @param precision      the formats
 * @param rule           the rule that chose them
 * @param missingFormats the native compute formats the chip lacks (empty for {@link FormatRule#GIVEN} and
 *                       {@link FormatRule#NATIVE}), in first-use order
 * @since 0.1
 */
public record FormatChoice(ModelPrecision precision, FormatRule rule, List<String> missingFormats) {
    /** Copies the list. */
    public FormatChoice {
        missingFormats = List.copyOf(missingFormats);
    }

    /**
     * @param precision formats the caller named
     * @return a choice by {@link FormatRule#GIVEN}
     */
    public static FormatChoice given(ModelPrecision precision) {
        return new FormatChoice(precision, FormatRule.GIVEN, List.of());
    }
}
