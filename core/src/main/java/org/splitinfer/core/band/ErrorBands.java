package org.splitinfer.core.band;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.PhaseEstimate;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Status;

/**
 * Bands the figures of estimates and planned deployments ({@link BandMethod}): each figure from the residuals
 * nearest to the chip it rests on ({@link BandedFigure}), its family and the stack it runs with. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class ErrorBands {
    private final ResidualTable residuals;
    private final ServingCalibration calibration;
    private final Function<String, Family> familyOfHardware;
    private final Predicate<String> whatIf;

    /**
     * @param residuals        the leave-one-out residuals of the calibration in use
     * @param calibration      the calibration in use: which stack a family runs with when none is named
     * @param familyOfHardware the family of an installed accelerator id
     */
    public ErrorBands(ResidualTable residuals, ServingCalibration calibration,
                      Function<String, Family> familyOfHardware) {
        this(residuals, calibration, familyOfHardware, id -> false);
    }

    /**
     * @param residuals        the leave-one-out residuals of the calibration in use
     * @param calibration      the calibration in use: which stack a family runs with when none is named
     * @param familyOfHardware the family of an installed accelerator id
     * @param whatIf           whether an accelerator id has figures the user set ({@code --set}, a derived chip, an
     *                         added sheet): like a projected part, its bands rest on assumptions, not on the
     *                         measurements of its family's chips
     * @since 0.2
     */
    public ErrorBands(ResidualTable residuals, ServingCalibration calibration,
                      Function<String, Family> familyOfHardware, Predicate<String> whatIf) {
        this.residuals = Objects.requireNonNull(residuals, "residuals");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        this.familyOfHardware = Objects.requireNonNull(familyOfHardware, "familyOfHardware");
        this.whatIf = Objects.requireNonNull(whatIf, "whatIf");
    }

    /**
     * The bands of an estimate's TTFT, TPOT, throughput, speed per user, tokens per joule and dollars per million
     * tokens. The stack is the one the estimate names in its profile assumptions.
     *
     * @param estimate an estimate
     * @return its bands
     */
    public FigureBands of(Estimate estimate) {
        String software = null;
        for (Assumption assumption : estimate.assumptions()) {
            if (assumption instanceof Assumption.StackProfileApplied applied) {
                software = applied.software();
            }
        }
        PhaseEstimate prefill = estimate.phases().get(0);
        PhaseEstimate decode = estimate.phases().get(estimate.phases().size() - 1);
        Map<BandedFigure, Band> bands = new EnumMap<>(BandedFigure.class);
        put(bands, BandedFigure.TTFT_SECONDS, estimate.ttftSeconds(), prefill.hardware(), prefill.status(), software);
        put(bands, BandedFigure.TPOT_SECONDS, estimate.tpotSeconds(), decode.hardware(), decode.status(), software);
        put(bands, BandedFigure.OUTPUT_TOKENS_PER_SECOND, estimate.outputTokensPerSecond(), decode.hardware(),
                decode.status(), software);
        put(bands, BandedFigure.OUTPUT_TOKENS_PER_SECOND_PER_USER, estimate.outputTokensPerSecondPerUser(),
                decode.hardware(), decode.status(), software);
        put(bands, BandedFigure.TOKENS_PER_JOULE, estimate.tokensPerJoule(), decode.hardware(), decode.status(),
                software);
        put(bands, BandedFigure.USD_PER_MILLION_TOKENS, estimate.usdPerMillionTokens(), decode.hardware(),
                decode.status(), software);
        return new FigureBands(bands);
    }

    /**
     * The bands of a planned deployment's p90 TTFT and TPOT, dollars per million tokens and tokens per joule. A
     * simulated percentile is banded as the estimate's figure is: the residuals measure the step model both share.
     *
     * @param deployment a planned deployment
     * @param software   the stack the plan names, or null
     * @return its bands
     */
    public FigureBands of(PlannedDeployment deployment, String software) {
        Status prefill = status(deployment, deployment.prefillHardware());
        Status decode = status(deployment, deployment.decodeHardware());
        Map<BandedFigure, Band> bands = new EnumMap<>(BandedFigure.class);
        put(bands, BandedFigure.TTFT_SECONDS, deployment.ttftP90Seconds(), deployment.prefillHardware(), prefill,
                software);
        put(bands, BandedFigure.TPOT_SECONDS, deployment.tpotP90Seconds(), deployment.decodeHardware(), decode,
                software);
        put(bands, BandedFigure.TOKENS_PER_JOULE, deployment.tokensPerJoule(), deployment.decodeHardware(), decode,
                software);
        put(bands, BandedFigure.USD_PER_MILLION_TOKENS, deployment.usdPerMillionTokens(),
                deployment.decodeHardware(), decode, software);
        return new FigureBands(bands);
    }

    /**
     * The band of one figure on one chip.
     *
     * @param figure   the figure
     * @param value    its prediction
     * @param hardware the accelerator id it rests on
     * @param status   the chip's status
     * @param software the stack named, or null for the one the family runs with
     * @return the band
     */
    public Band band(BandedFigure figure, double value, String hardware, Status status, String software) {
        Family family = familyOfHardware.apply(hardware);
        // the stack whose cases are nearest: the one named, else the one whose profile the family runs with
        String stack = software != null ? software : calibration.applied(null, family).stack();
        return BandMethod.band(residuals, family.name(), stack, status != Status.SHIPPING || whatIf.test(hardware),
                value, figure.growsWithTime());
    }

    private void put(Map<BandedFigure, Band> bands, BandedFigure figure, double value, String hardware,
                     Status status, String software) {
        // a figure the result does not have (no tokens per joule without power, say) carries no band
        if (value > 0 && Double.isFinite(value)) {
            bands.put(figure, band(figure, value, hardware, status, software));
        }
    }

    private static Status status(PlannedDeployment deployment, String hardware) {
        for (ChipStatus chip : deployment.chipStatuses()) {
            if (chip.hardware().equals(hardware)) {
                return chip.status();
            }
        }
        return Status.SHIPPING;
    }
}
