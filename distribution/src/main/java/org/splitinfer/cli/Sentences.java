package org.splitinfer.cli;

import java.util.List;
import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.report.Words;
import org.splitinfer.spi.Status;

/**
 * Core's typed results in the tool's words, for tables and JSON: the sentences are core's {@link Words}, which the HTML
 * reports share, so the terminal and a report never word one record two ways.
 */
final class Sentences {
    private Sentences() {
    }

    /**
     * @param choice        how a pool's formats were chosen
     * @param acceleratorId the chip
     * @return e.g. "the model's native formats, which 'h100-sxm' computes"
     */
    static String formatChoice(FormatChoice choice, String acceleratorId) {
        return Words.formatChoice(choice, acceleratorId);
    }

    /**
     * A pool's formats: one name when all three agree, else each with its tensor-group overrides.
     *
     * @param precision the formats
     * @return e.g. {@code fp8} or {@code weights=fp4,activations=fp8,kv=fp8}
     */
    static String formats(ModelPrecision precision) {
        return Words.formats(precision);
    }

    /**
     * @param role a pool's role
     * @return {@code prefill}, {@code decode} or {@code colocated}
     */
    static String role(PoolRole role) {
        return Words.role(role);
    }

    /**
     * @param status a chip's status
     * @return {@code shipping}, {@code announced} or {@code projected}
     */
    static String status(Status status) {
        return Words.status(status);
    }

    /**
     * @param statuses the chips of a deployment
     * @return e.g. "h100-sxm: shipping, 14 assumed figures; groq-lpu-v1: shipping, 11 assumed figures"
     */
    static List<String> chipStatuses(List<ChipStatus> statuses) {
        return Words.chipStatuses(statuses);
    }

    /**
     * @param assumption one of an estimate's assumptions
     * @return it in one sentence
     */
    static String assumption(Assumption assumption) {
        return Words.assumption(assumption);
    }

    /**
     * @param assumption one of an estimate's assumptions
     * @return its kind for JSON, e.g. {@code kvTransfer}
     */
    static String kind(Assumption assumption) {
        return Words.kind(assumption);
    }
}
