package org.splitinfer.cli;

import java.util.List;
import java.util.Locale;
import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.KvLink;
import org.splitinfer.core.estimate.LayoutGoal;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Status;

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

    /**
     * A pool's formats: one name when all three agree, else each with its tensor-group overrides.
     *
     * @param precision the formats
     * @return e.g. {@code fp8} or {@code weights=fp4,activations=fp8,kv=fp8}
     */
    static String formats(ModelPrecision precision) {
        StringBuilder weights = new StringBuilder(precision.weights().name());
        precision.weightOverrides().forEach((group, format) -> weights.append(" (")
                .append(group.name().toLowerCase(Locale.ROOT)).append('=').append(format.name()).append(')'));
        if (precision.weights().equals(precision.activations()) && precision.weights().equals(precision.kvCache())
                && precision.weightOverrides().isEmpty()) {
            return weights.toString();
        }
        return "weights=" + weights + ",activations=" + precision.activations().name() + ",kv="
                + precision.kvCache().name();
    }

    /**
     * @param role a pool's role
     * @return {@code prefill}, {@code decode} or {@code colocated}
     */
    static String role(PoolRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param status a chip's status
     * @return {@code shipping}, {@code announced} or {@code projected}
     */
    static String status(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param statuses the chips of a deployment
     * @return e.g. "h100-sxm: shipping, 14 assumed figures; groq-lpu-v1: shipping, 11 assumed figures"
     */
    static List<String> chipStatuses(List<ChipStatus> statuses) {
        return statuses.stream().map(s -> s.hardware() + ": " + status(s.status()) + ", " + s.assumedFigures()
                + " assumed figures").toList();
    }

    /**
     * @param assumption one of an estimate's assumptions
     * @return it in one sentence
     */
    static String assumption(Assumption assumption) {
        if (assumption instanceof Assumption.StackProfileApplied stack) {
            return String.format(Locale.ROOT, "serving stack %s: %.3g of the modelled kernel speed and %.3g s per step"
                            + " (fitted by the calibration)", stack.known() ? stack.software()
                            : stack.software() == null ? "profile for unknown stacks"
                            : "'" + stack.software() + "' is not calibrated; the profile for unknown stacks",
                    stack.kernelEfficiency(), stack.stepOverheadSeconds());
        }
        if (assumption instanceof Assumption.DefaultFormatsChosen formats) {
            return role(formats.role()) + " pool formats: " + formats(formats.choice().precision()) + " ("
                    + formatChoice(formats.choice(), formats.hardware()) + ")";
        }
        if (assumption instanceof Assumption.AutoChips auto) {
            String sentence = String.format(Locale.ROOT, "%s pool: %d %s chips per instance, the fewest whose"
                            + " full-speed memory holds %.4g bytes of weights and the KV cache of %d sequence%s of %d"
                            + " tokens", role(auto.role()), auto.chips(), auto.hardware(), auto.weightBytes(),
                    auto.sequences(), auto.sequences() == 1 ? "" : "s", auto.contextTokens());
            if (auto.chips() > auto.memoryChips()) {
                sentence += String.format(Locale.ROOT, " and that a runnable layout uses (memory alone needs %d)",
                        auto.memoryChips());
            }
            return sentence;
        }
        if (assumption instanceof Assumption.LayoutChosen layout) {
            return String.format(Locale.ROOT, "%s pool layout tp=%d pp=%d, the fastest runnable split of %d chips for"
                            + " %s", role(layout.role()), layout.tensor(), layout.pipeline(), layout.chips(),
                    layout.goal() == LayoutGoal.PROMPT_LATENCY ? "one prompt's latency" : "the time per output token");
        }
        if (assumption instanceof Assumption.KvTransfer transfer) {
            KvLink link = transfer.link();
            return String.format(Locale.ROOT, "KV cache of a %d-token prompt: %.4g bytes over one %s link per"
                            + " instance pair (%.4g B/s after either end's NICs, %.3g s latency: %s)",
                    transfer.promptTokens(), transfer.kvBytes(), link.id(), transfer.bytesPerSecond(),
                    link.latencySeconds(), link.source());
        }
        if (assumption instanceof Assumption.LayerStreaming) {
            return "KV streamed layer by layer during prefill: only the part that outlasts the prefill is exposed";
        }
        if (assumption instanceof Assumption.KvConversion conversion) {
            return String.format(Locale.ROOT, "KV cache converted from %s to %s on arrival: %.4g s (read and write"
                    + " once at the decode chips' memory bandwidth)", conversion.from().name(),
                    conversion.to().name(), conversion.seconds());
        }
        if (assumption instanceof Assumption.MemoryLimitedBatch limited) {
            return String.format(Locale.ROOT, "%s pool: memory holds %d sequences per instance, so %d of the %d"
                            + " requests wait", role(limited.role()), limited.maxBatch(), limited.waitingRequests(),
                    limited.concurrency());
        }
        if (assumption instanceof Assumption.ColocatedBatching) {
            return "colocated: continuous batching with chunked prefill; prompts and decode steps time-share the same"
                    + " chips, and TPOT excludes prefill stalls";
        }
        CostAssumptions cost = ((Assumption.CostBasis) assumption).cost();
        return String.format(Locale.ROOT, "cost: purchase prices amortised over %.3g years plus energy at $%.3g/kWh"
                        + " and PUE %.3g; chips with only an hourly price are charged that", cost.lifetimeYears(),
                cost.usdPerKilowattHour(), cost.powerUsageEffectiveness());
    }

    /**
     * @param assumption one of an estimate's assumptions
     * @return its kind for JSON, e.g. {@code kvTransfer}
     */
    static String kind(Assumption assumption) {
        String name = assumption.getClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
