package org.splitinfer.core.hardware;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.spi.AcceleratorSheet;

/**
 * The hardware-figure names every family may use, as docs/hardware-sheets.md documents them: a dense peak per format
 * ({@code peak.flopsPerSecond.<format>}), the figures of each memory tier ({@code <tier>.capacityBytes}, ...), the
 * interconnect, power, price and launch figures and the GPU-class model parameters. A family adds its own names and
 * documents them; the compatibility kit checks every name of a sheet against these and the family's, so that a
 * typo in an optional figure (read with a fallback, so silently ignored) is caught with a suggestion.
 *
 * @since 0.1
 */
public final class FigureNames {
    /** What each memory tier may give, after its name: {@code hbm.capacityBytes}. */
    public static final List<String> TIER_FIGURES = List.of("capacityBytes", "bytesPerSecond", "usableFraction",
            "achievableFraction", "joulesPerByte");

    /** The documented tier names, known to every chip whether or not its memory model lists them. */
    public static final List<String> TIER_NAMES = List.of("sram", "hbm", "ddr", "gddr", "external", "host");

    /** The names that are neither a peak nor a tier's figure. */
    public static final List<String> COMMON = List.of(
            "scaleUp.domainChips", "scaleUp.bytesPerSecond", "scaleUp.latencySeconds", "scaleUp.switched",
            "scaleOut.bytesPerSecond", "scaleOut.latencySeconds",
            "power.peakWatts", "power.idleWatts", "node.overheadWattsPerChip",
            "price.purchaseUsd", "price.usdPerChipHour", "kernel.launchSeconds",
            "efficiency.gemmCeiling", "efficiency.gemmHalfTokens", "efficiency.attentionCeiling",
            "efficiency.attentionHalfTokens", "efficiency.hbmBandwidth", "efficiency.hostBandwidth",
            "efficiency.scaleUpBandwidth", "vector.flopsPerSecond", "compute.achievableFraction");

    private FigureNames() {
    }

    /**
     * The names a chip may use.
     *
     * @param tiers  the tier names of its memory model (beyond the documented ones)
     * @param family the names its family adds
     * @return every known name, sorted; peaks are matched by their prefix instead (see {@link #unknown})
     */
    public static Set<String> known(Collection<String> tiers, Collection<String> family) {
        Set<String> known = new TreeSet<>(COMMON);
        Set<String> tierNames = new TreeSet<>(TIER_NAMES);
        tierNames.addAll(tiers);
        for (String tier : tierNames) {
            for (String figure : TIER_FIGURES) {
                known.add(tier + "." + figure);
            }
        }
        known.addAll(family);
        return known;
    }

    /**
     * The problem with a figure name, if it is unknown.
     *
     * @param name  a figure name of a sheet
     * @param known {@link #known} for the chip
     * @return empty when the name is known or a peak; else {@code unknown figure 'x'; did you mean 'y'? Available:
     *         ...}
     */
    public static Optional<String> unknown(String name, Set<String> known) {
        if (name.startsWith(AcceleratorSheet.PEAK_PREFIX) || known.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(Suggestions.unknown("figure", name, List.copyOf(known)));
    }
}
