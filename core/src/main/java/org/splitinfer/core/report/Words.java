package org.splitinfer.core.report;

import java.util.List;
import java.util.Locale;
import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.KvLink;
import org.splitinfer.core.estimate.LayoutGoal;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.hardware.FigureOverride;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Status;

/**
 * Core's typed results in words: one sentence or phrase per record, the same for the command-line tool's tables and
 * JSON and for the HTML reports, so a report never says a thing differently from the terminal. Numbers are in
 * {@link Locale#ROOT}. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Words {
    private Words() {
    }

    /**
     * How a pool's formats were chosen.
     *
     * @param choice        how a pool's formats were chosen
     * @param acceleratorId the chip
     * @return e.g. "the model's native formats, which 'h100-sxm' computes"
     */
    public static String formatChoice(FormatChoice choice, String acceleratorId) {
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
    public static String formats(ModelPrecision precision) {
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
     * A pool's role.
     *
     * @param role a pool's role
     * @return {@code prefill}, {@code decode} or {@code colocated}
     */
    public static String role(PoolRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A chip's status.
     *
     * @param status a chip's status
     * @return {@code shipping}, {@code announced} or {@code projected}
     */
    public static String status(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Each chip kind of a deployment with its status and assumed figures.
     *
     * @param statuses the chips of a deployment
     * @return e.g. "h100-sxm: shipping, 14 assumed figures; groq-lpu-v1: shipping, 11 assumed figures"
     */
    public static List<String> chipStatuses(List<ChipStatus> statuses) {
        return statuses.stream().map(s -> s.hardware() + ": " + status(s.status()) + ", " + s.assumedFigures()
                + " assumed figures").toList();
    }

    /**
     * "0.643 of the modelled kernel speed", or, with a prefill efficiency apart, the two by phase; then the host's
     * cost per decoded sequence, the ring-collective latency, the time per decoder layer and attention's ceiling where
     * the stack has them.
     */
    private static String kernelSpeed(Assumption.StackProfileApplied stack) {
        String speed = stack.prefillKernelEfficiency() == stack.kernelEfficiency()
                ? String.format(Locale.ROOT, "%.3g of the modelled kernel speed", stack.kernelEfficiency())
                : String.format(Locale.ROOT, "%.3g of the modelled kernel speed in decode and %.3g in prefill",
                        stack.kernelEfficiency(), stack.prefillKernelEfficiency());
        if (stack.sequenceSeconds() > 0) {
            speed += String.format(Locale.ROOT, ", %.3g s per sequence of a decode step", stack.sequenceSeconds());
        }
        if (stack.ringStepSeconds() > 0) {
            speed += String.format(Locale.ROOT, ", %.3g s per step of its ring collectives", stack.ringStepSeconds());
        }
        if (stack.layerSeconds() > 0) {
            speed += String.format(Locale.ROOT, ", %.3g s per decoder layer of a step", stack.layerSeconds());
        }
        if (stack.attentionEfficiency() < 1) {
            speed += String.format(Locale.ROOT, ", attention at most %.3g of the chip's peak compute",
                    stack.attentionEfficiency());
        }
        return speed;
    }

    /**
     * An assumption in one sentence.
     *
     * @param assumption one of an estimate's assumptions
     * @return it in one sentence
     */
    public static String assumption(Assumption assumption) {
        if (assumption instanceof Assumption.StackProfileApplied stack) {
            return switch (stack.source()) {
                case OWN -> String.format(Locale.ROOT, "serving stack %s on %s chips: %s and %.3g s per step"
                                + " (fitted by the calibration)", stack.software(), stack.family(), kernelSpeed(stack),
                        stack.stepOverheadSeconds());
                case FAMILY_UNKNOWN_STACKS -> String.format(Locale.ROOT, "serving stack %s on %s chips: %s and %.3g s"
                                + " per step (fitted by the calibration)",
                        stack.software() == null ? "profile for unknown stacks"
                                : "'" + stack.software() + "' is not calibrated there; the profile for unknown stacks",
                        stack.family(), kernelSpeed(stack), stack.stepOverheadSeconds());
                case STACK_OVERHEAD -> String.format(Locale.ROOT, "serving stack %s on %s chips: %s"
                                + " (the family's for stacks it does not know) and %.3g s per step"
                                + " (the stack's own on families without its profile; fitted by the calibration)",
                        stack.software(), stack.family(), kernelSpeed(stack), stack.stepOverheadSeconds());
                case FAMILY_STACK -> String.format(Locale.ROOT, "serving stack %s on %s chips: %s and %.3g s"
                                + " per step (the profile of %s, the stack this family's"
                                + " calibration cases were served with; fitted by the calibration)",
                        stack.software() == null ? "unnamed" : "'" + stack.software() + "'", stack.family(),
                        kernelSpeed(stack), stack.stepOverheadSeconds(), stack.profileStack());
                case PLAIN_MODEL -> "serving stack " + (stack.software() == null ? "unnamed" : "'" + stack.software()
                        + "'") + " on " + stack.family() + " chips: the plain hardware model (fewer than 3"
                        + " calibration cases of this family for such a stack to fit a profile to)";
            };
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
                sentence += String.format(Locale.ROOT, " and, in whole nodes, that a runnable layout uses (memory"
                                + " alone needs %d)",
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
        if (assumption instanceof Assumption.SpeculativeDecodingApplied speculative) {
            String draft = speculative.draftModel() != null ? "draft " + speculative.draftModel()
                    : String.format(Locale.ROOT, "heads of %d decoder layer%s", speculative.headLayers(),
                    speculative.headLayers() == 1 ? "" : "s");
            return String.format(Locale.ROOT, "%s pool decodes speculatively: %s (on %d chip%s, tp%d pp%d, %.4g bytes"
                            + " of weights) proposes %d token%s per step, each accepted with an assumed probability of"
                            + " %.3g, so a step emits %.3g tokens on average, (1 - a^(k+1)) / (1 - a) (Leviathan et"
                            + " al. 2023); a step is %d draft pass%s of %s and one verification of %d tokens per"
                            + " sequence of %s", role(speculative.role()), draft, speculative.draftChips(),
                    speculative.draftChips() == 1 ? "" : "s", speculative.draftTensor(), speculative.draftPipeline(),
                    speculative.draftWeightBytes(), speculative.tokens(), speculative.tokens() == 1 ? "" : "s",
                    speculative.acceptance(), speculative.tokensPerStep(), speculative.tokens(),
                    speculative.tokens() == 1 ? "" : "es", seconds(speculative.draftPassSeconds()),
                    speculative.tokens() + 1, seconds(speculative.verifySeconds()));
        }
        if (assumption instanceof Assumption.UserSetFigure user) {
            return user.hardware() + " " + user.figure() + " = " + FigureOverride.number(user.value()) + ", "
                    + user.assumption();
        }
        CostAssumptions cost = ((Assumption.CostBasis) assumption).cost();
        return String.format(Locale.ROOT, "cost: purchase prices amortised over %.3g years plus energy at $%.3g/kWh"
                        + " and PUE %.3g; chips with only an hourly price are charged that", cost.lifetimeYears(),
                cost.usdPerKilowattHour(), cost.powerUsageEffectiveness());
    }

    /**
     * An assumption's kind, for JSON and for the {@code class} of a report's list item.
     *
     * @param assumption one of an estimate's assumptions
     * @return its kind, e.g. {@code kvTransfer}
     */
    public static String kind(Assumption assumption) {
        String name = assumption.getClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A duration with three significant digits in the unit that reads best.
     *
     * @param seconds a duration, {@code >= 0}
     * @return e.g. {@code 0 s}, {@code 412 us}, {@code 29.2 ms}, {@code 1.20 s}
     */
    public static String seconds(double seconds) {
        if (seconds == 0) {
            return "0 s";
        }
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.3g us", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.3g s", seconds);
    }

    /**
     * A figure for a table: whole and grouped from 100 up, three significant digits below.
     *
     * @param value any number
     * @return e.g. {@code 1,234}, {@code 0.203}, or {@code -} for a value that is not finite
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /**
     * A share as a whole percentage.
     *
     * @param fraction a share, e.g. {@code 0.9}
     * @return e.g. {@code 90%}
     */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
