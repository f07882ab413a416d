package org.splitinfer.core.band;

import java.util.List;

/**
 * How a predicted figure's band is taken from leave-one-out residuals.
 *
 * <h2>Notes: the method</h2>
 * <ol>
 *   <li><b>Residuals.</b> Each validation case is predicted by a calibration fitted without it
 *       ({@link org.splitinfer.core.validate.LeaveOneOut}); its residual is {@code s = ln(predicted time ÷ measured
 *       time)} ({@link Residual#slowness()}): a time metric's log ratio, a rate's negated. Cases of every metric
 *       pool in this one orientation: the shipped set has too few of each metric per family for a band of its own
 *       (no TTFT case at all; prefill cases are 11 of 45, at most 5 in a family), and what the calibration gets
 *       wrong, a stack's efficiency and overhead, touches prefill and decode alike. Split by phase, no family
 *       keeps enough prefill cases for a band of its own and the coverage check below fell from 37 to 35 of 45
 *       (on the residuals the method was designed on; the shipped ones now give 38 pooled);
 *       pooled, a prefill figure's band is centred on the decode cases' error (the shipped prefill cases' median
 *       residual is −0.26, the decode cases' −0.02), so TTFT's band is the least centred.</li>
 *   <li><b>Nearest cases.</b> The residuals of the cases of the chip's family measured with the estimate's stack
 *       when they are at least {@value #MIN_CASES}; else those of the family's cases when they are; else every
 *       case's. {@value #MIN_CASES} is the fewest residuals whose interval below exists at the nominal coverage
 *       ({@code n + 1 ≥ 2 ÷ (1 − c)}); with fewer it could only be the residuals' whole range, which holds a new
 *       residual with probability {@code (n − 1) ÷ (n + 1)}, less than {@code c}. A stack is the one named ({@code --software}), else the one whose profile the family runs with (its
 *       usual stack); without either the first step is skipped.</li>
 *   <li><b>Interval.</b> With the {@code n} residuals sorted, {@code q−} is the {@code a}-th and {@code q+} the
 *       {@code b}-th, {@code a = ⌊(n + 1)(1 − c) ÷ 2⌋} and {@code b = ⌈(n + 1)(1 + c) ÷ 2⌉} (counting from 1), at
 *       the nominal coverage {@code c} = {@value #COVERAGE}: the split-conformal interval (Vovk, Gammerman and
 *       Shafer 2005; Lei et al., "Distribution-free predictive inference for regression", JASA 2018), which holds
 *       a new residual exchangeable with them with probability {@code (b − a) ÷ (n + 1) ≥ c}. Interpolated
 *       sample quantiles would hold it with probability near {@code c (n − 1) ÷ (n + 1)} only, too little for the
 *       few cases of a family (30 of 45 inside against 37 of 45 on the residuals the method was designed on). A
 *       time {@code T} (and a cost per token) truly lies in {@code [T·e^−q+, T·e^−q−]},
 *       since {@code T_true = T ÷ e^s}; a rate {@code R} (tokens per second, per user, per joule) in
 *       {@code [R·e^q−, R·e^q+]}. A model that predicted its cases too fast ({@code s < 0}) thus raises a time's band
 *       and lowers a rate's; the band need not contain the prediction when every nearby case erred one way.</li>
 *   <li><b>Derived figures.</b> Dollars and joules per token are the deployment's cost and power per hour ÷ its
 *       throughput: the cost and power are assumptions, not predictions, so the band is the throughput's, inverted
 *       for dollars per token ({@link BandedFigure}).</li>
 *   <li><b>Unmeasured chips.</b> An announced or projected chip gets the union of its nearest band and the
 *       all-cases band, never narrower than either, marked {@link BandBasis#ASSUMPTIONS_ONLY}: it covers the model's
 *       error on measured chips, not the error of the figures a vendor announced or the project projected, which no
 *       measurement bounds.</li>
 * </ol>
 * The band's stated coverage is checked on the shipped cases by {@link #leaveOneOutCoverage}.
 *
 * @since 0.1
 */
public final class BandMethod {
    /** The nominal share of true values a band holds. */
    public static final double COVERAGE = 0.8;
    /**
     * The fewest residuals a band is taken from before the next wider set of cases is used: the fewest {@code n}
     * with {@code 1 ≤ a} and {@code b ≤ n} at {@link #COVERAGE}, i.e. {@code n + 1 ≥ 2 ÷ (1 − c)} = 10.
     */
    public static final int MIN_CASES = 9;

    private BandMethod() {
    }

    /**
     * The residuals nearest to a chip and what they are.
     *
     * @param residuals the residuals
     * @param basis     which cases they are
     */
    public record Selection(List<Residual> residuals, BandBasis basis) {
        /** Copies the list. */
        public Selection {
            residuals = List.copyOf(residuals);
        }
    }

    /**
     * The nearest cases with at least {@link #MIN_CASES} residuals: same family and stack, then same family, then all.
     *
     * @param table  the residuals
     * @param family the chip's family
     * @param stack  the stack, or null
     * @return the selection
     */
    public static Selection select(ResidualTable table, String family, String stack) {
        if (stack != null) {
            List<Residual> same = table.ofFamilyAndStack(family, stack);
            if (same.size() >= MIN_CASES) {
                return new Selection(same, BandBasis.SAME_FAMILY_AND_STACK);
            }
        }
        List<Residual> sameFamily = table.ofFamily(family);
        if (sameFamily.size() >= MIN_CASES) {
            return new Selection(sameFamily, BandBasis.SAME_FAMILY);
        }
        return new Selection(table.residuals(), BandBasis.ALL_CASES);
    }

    /**
     * The band of a predicted figure.
     *
     * @param table           the residuals
     * @param family          the chip's family
     * @param stack           the stack, or null
     * @param unmeasuredChip  whether the chip is announced or projected
     * @param value           the prediction, positive
     * @param growsWithTime   whether the figure is a time or a cost per token (else a rate)
     * @return the band
     */
    public static Band band(ResidualTable table, String family, String stack, boolean unmeasuredChip, double value,
                            boolean growsWithTime) {
        Selection nearest = select(table, family, stack);
        Band band = band(nearest, value, growsWithTime);
        if (!unmeasuredChip) {
            return band;
        }
        Band all = band(new Selection(table.residuals(), BandBasis.ALL_CASES), value, growsWithTime);
        return new Band(Math.min(band.low(), all.low()), Math.max(band.high(), all.high()),
                BandBasis.ASSUMPTIONS_ONLY, all.cases(), COVERAGE);
    }

    /**
     * The band of a prediction from a selection of residuals.
     *
     * @param selection     residuals, at least one
     * @param value         the prediction, positive
     * @param growsWithTime whether the figure is a time or a cost per token (else a rate)
     * @return the band
     */
    public static Band band(Selection selection, double value, boolean growsWithTime) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("a band needs a positive finite prediction, got " + value);
        }
        double[] slowness = selection.residuals().stream().mapToDouble(Residual::slowness).sorted().toArray();
        int n = slowness.length;
        if (n == 0) {
            throw new IllegalArgumentException("a band needs at least one residual");
        }
        double lower = slowness[lowerRank(n) - 1];
        double upper = slowness[upperRank(n) - 1];
        // s = ln(predicted time ÷ true time): a true time is the predicted one ÷ e^s, a true rate the predicted one × e^s
        double low = growsWithTime ? value * Math.exp(-upper) : value * Math.exp(lower);
        double high = growsWithTime ? value * Math.exp(-lower) : value * Math.exp(upper);
        return new Band(low, high, selection.basis(), n, COVERAGE);
    }

    /**
     * @param n residuals
     * @return the rank (from 1) of the band's lower end: {@code ⌊(n + 1)(1 − c) ÷ 2⌋}, at least 1
     */
    static int lowerRank(int n) {
        // the small epsilon keeps 0.1 × 10 = 0.9999… from flooring to 0
        return Math.max(1, (int) Math.floor((n + 1) * (1 - COVERAGE) / 2 + 1e-9));
    }

    /**
     * @param n residuals
     * @return the rank (from 1) of the band's upper end: {@code ⌈(n + 1)(1 + c) ÷ 2⌉}, at most n
     */
    static int upperRank(int n) {
        return Math.min(n, (int) Math.ceil((n + 1) * (1 + COVERAGE) / 2 - 1e-9));
    }

    /**
     * How often a case's measurement lies in its own band, the band taken without the case's residual: each case in
     * turn is banded by the others' residuals, nearest first, as an estimate is. The others' residuals come from
     * fits that saw this case (a nested leave-one-out would refit for every pair); leaving the case's own residual
     * out is what keeps the check honest, and a case moves the others' fits little.
     *
     * @param table the residuals, at least two
     * @return how many were covered of how many
     */
    public static Coverage leaveOneOutCoverage(ResidualTable table) {
        int covered = 0;
        for (Residual residual : table.residuals()) {
            ResidualTable others = table.without(residual.caseId());
            Band band = band(others, residual.family(), residual.stack(), false, residual.predicted(),
                    Residual.isTime(residual.metric()));
            if (band.contains(residual.measured())) {
                covered++;
            }
        }
        return new Coverage(covered, table.residuals().size());
    }

    /**
     * How many cases lay in their bands.
     *
     * @param covered cases inside
     * @param cases   cases checked
     */
    public record Coverage(int covered, int cases) {
        /** @return the share inside */
        public double fraction() {
            return (double) covered / cases;
        }
    }
}
