package org.splitinfer.core.estimate;

import java.util.List;

/**
 * How chips are paid for when their sheet gives a purchase price: amortised over a lifetime, plus energy at a
 * price per kWh and a data-centre PUE. A chip with only an hourly rental price is charged that (it includes
 * power). Every value is echoed in an estimate's assumptions.
 *
 * @param lifetimeYears      straight-line amortisation period, {@code > 0}
 * @param usdPerKilowattHour electricity price, {@code >= 0}
 * @param powerUsageEffectiveness facility power ÷ IT power, {@code >= 1}
 */
public record CostAssumptions(double lifetimeYears, double usdPerKilowattHour, double powerUsageEffectiveness) {
    /**
     * The defaults: 4 years (the depreciation period hyperscalers' filings give for servers, e.g. Microsoft's and
     * Alphabet's 2022-2023 10-Ks: 4 to 6 years; the short end because accelerators age fast); $0.083/kWh (US
     * average industrial retail price 2023, EIA Electric Power Monthly table 5.6.A); PUE 1.3 (between the Uptime
     * Institute 2023 survey average of 1.58 and hyperscale sites near 1.1).
     */
    public static final CostAssumptions DEFAULT = new CostAssumptions(4, 0.083, 1.3);

    /** Validates the values. */
    public CostAssumptions {
        if (!(lifetimeYears > 0) || !(usdPerKilowattHour >= 0) || !(powerUsageEffectiveness >= 1)) {
            throw new EstimateException("cost.lifetimeYears must be > 0, cost.usdPerKilowattHour >= 0 and"
                    + " cost.powerUsageEffectiveness >= 1, got " + lifetimeYears + ", " + usdPerKilowattHour + " and "
                    + powerUsageEffectiveness, List.of("cost.lifetimeYears", "cost.usdPerKilowattHour",
                    "cost.powerUsageEffectiveness"));
        }
    }

    /** @return hours in the amortisation lifetime */
    public double lifetimeHours() {
        return lifetimeYears * 365.25 * 24;
    }
}
