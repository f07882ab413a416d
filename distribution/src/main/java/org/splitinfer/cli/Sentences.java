package org.splitinfer.cli;

import org.splitinfer.core.cost.FormatChoice;

/** Core's typed results in the tool's words: one sentence or phrase per record, for tables and JSON. */
final class Sentences {
    private Sentences() {
    }

    /**
     * @param choice        how a pool's formats were chosen
     * @param acceleratorId the chip
     * @return e.g. "the model's native formats, which 'h100-sxm' computes"
     */
    static String formatChoice(FormatChoice choice, String acceleratorId) {
        String chosen = choice.precision().weights().name();
        String missing = "the model's native formats need " + String.join(", ", choice.missingFormats())
                + ", which '" + acceleratorId + "' does not compute";
        return switch (choice.rule()) {
            case GIVEN -> "given";
            case NATIVE -> "the model's native formats, which '" + acceleratorId + "' computes";
            case BF16_FALLBACK, FP16_FALLBACK -> missing + "; " + chosen + " throughout instead";
            case HIGHEST_PEAK_FALLBACK -> missing + ", nor bf16 or fp16; " + chosen
                    + " throughout instead, its highest-peak format of 8 bits or more";
        };
    }
}
