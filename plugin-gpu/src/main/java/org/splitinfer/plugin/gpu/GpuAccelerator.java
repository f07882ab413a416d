package org.splitinfer.plugin.gpu;

import static org.splitinfer.plugin.gpu.GpuFigures.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Roofline;

/**
 * One GPU-class chip built from its sheet entry: the figures of {@link GpuFigures}, read once, validated together,
 * and turned into the roofline, memory, interconnect and power models. Immutable and thread-safe.
 */
final class GpuAccelerator implements Accelerator {
    private static final Pattern NAME_WITH_BITS = Pattern.compile("[a-z]+([1-9][0-9]?)");

    private final AcceleratorSpec spec;
    private final GpuRoofline roofline;
    private final GpuMemoryModel memory;
    private final GpuInterconnect interconnect;
    private final GpuPowerModel power;
    private final Optional<Price> price;

    private GpuAccelerator(AcceleratorSpec spec, GpuRoofline roofline, GpuMemoryModel memory,
                           GpuInterconnect interconnect, GpuPowerModel power, Optional<Price> price) {
        this.spec = spec;
        this.roofline = roofline;
        this.memory = memory;
        this.interconnect = interconnect;
        this.power = power;
        this.price = price;
    }

    /**
     * Builds a chip from its sheet entry.
     *
     * @param spec  the chip's spec (the sheet entry with its sources)
     * @param sheet the chip's sheet entry
     * @return the chip
     * @throws org.splitinfer.spi.HardwareDataException listing every missing or invalid figure of the chip
     */
    static GpuAccelerator from(AcceleratorSpec spec, AcceleratorSheet sheet) {
        FigureReader read = new FigureReader(sheet);

        List<Precision> precisions = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        for (Figure figure : sheet.figures()) {
            if (!figure.name().startsWith(PEAK_FLOPS_PREFIX)) {
                continue;
            }
            String format = figure.name().substring(PEAK_FLOPS_PREFIX.length());
            Optional<Precision> precision = precision(format);
            if (precision.isEmpty()) {
                read.problem("figure '" + figure.name() + "' names precision '" + format + "', which is neither one of "
                        + Precision.WELL_KNOWN.stream().map(Precision::name).toList()
                        + " nor a lowercase name ending in its bits per element, such as tf32 or fp6");
            } else if (precisions.contains(precision.get())) {
                read.problem("figure '" + figure.name() + "' repeats precision '" + precision.get().name()
                        + "' (fp4 is an alias of nvfp4)");
            } else {
                precisions.add(precision.get());
                peaks.add(read.positive(figure.name()));
            }
        }
        if (precisions.isEmpty() && !hasPeakFigure(sheet)) {
            read.problem("lacks any '" + PEAK_FLOPS_PREFIX + "<precision>' figure; add the dense peak of each"
                    + " precision the chip computes in");
        }

        MemoryTier hbm = tier(read, HBM, HBM_CAPACITY, HBM_BANDWIDTH, HBM_USABLE, true);
        double hbmFraction = read.fraction(HBM_EFFICIENCY);
        MemoryTier host = null;
        double hostFraction = 1;
        if (read.has(HOST_CAPACITY) || read.has(HOST_BANDWIDTH)) {
            host = tier(read, HOST, HOST_CAPACITY, HOST_BANDWIDTH, HOST_USABLE, false);
            hostFraction = read.fraction(HOST_EFFICIENCY);
        }

        double launchSeconds = read.nonNegative(LAUNCH_SECONDS);
        double gemmCeiling = read.fraction(GEMM_CEILING);
        double gemmHalfTokens = read.nonNegative(GEMM_HALF_TOKENS);
        double attentionCeiling = read.fraction(ATTENTION_CEILING);
        double attentionHalfTokens = read.nonNegative(ATTENTION_HALF_TOKENS);
        double vectorFlopsPerSecond = read.positive(VECTOR_FLOPS, 0);

        int domainChips = read.count(SCALE_UP_CHIPS);
        double scaleUpBytesPerSecond = read.positive(SCALE_UP_BANDWIDTH);
        double scaleUpFraction = read.fraction(SCALE_UP_EFFICIENCY, 1);
        double scaleUpLatencySeconds = read.nonNegative(SCALE_UP_LATENCY);
        double scaleOutBytesPerSecond = read.positive(SCALE_OUT_BANDWIDTH);
        double scaleOutFraction = read.fraction(SCALE_OUT_EFFICIENCY, 1);
        double scaleOutLatencySeconds = read.nonNegative(SCALE_OUT_LATENCY);
        boolean switched = read.has(SCALE_UP_SWITCHED) && read.nonNegative(SCALE_UP_SWITCHED) >= 1;

        double idleWatts = read.positive(IDLE_WATTS);
        double peakWatts = read.positive(PEAK_WATTS);
        if (peakWatts < idleWatts) {
            read.problem("figure '" + PEAK_WATTS + "' (" + peakWatts + ") must be >= '" + IDLE_WATTS + "' ("
                    + idleWatts + ")");
        }
        double nodeWatts = read.nonNegative(NODE_WATTS);

        OptionalDouble purchase = read.has(PURCHASE_USD)
                ? OptionalDouble.of(read.positive(PURCHASE_USD)) : OptionalDouble.empty();
        OptionalDouble hourly = read.has(USD_PER_HOUR)
                ? OptionalDouble.of(read.positive(USD_PER_HOUR)) : OptionalDouble.empty();

        read.finish();

        // Precisions in the SPI's well-known order, so the list is stable whatever the sheet's order.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < precisions.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> wellKnownRank(precisions.get(i)))
                .thenComparing(i -> precisions.get(i).name()));
        List<Precision> sortedPrecisions = new ArrayList<>();
        double[] sortedPeaks = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            sortedPrecisions.add(precisions.get(order.get(i)));
            sortedPeaks[i] = peaks.get(order.get(i));
        }

        GpuMemoryModel memory = new GpuMemoryModel(hbm, host);
        double[] fractions = host == null ? new double[] {hbmFraction} : new double[] {hbmFraction, hostFraction};
        GpuRoofline roofline = new GpuRoofline(spec.id(), sortedPrecisions, sortedPeaks, memory.tiers(), fractions,
                launchSeconds, gemmCeiling, gemmHalfTokens, attentionCeiling, attentionHalfTokens,
                vectorFlopsPerSecond);
        GpuInterconnect interconnect = new GpuInterconnect(domainChips, switched, scaleUpBytesPerSecond,
                scaleUpFraction, scaleUpLatencySeconds, scaleOutBytesPerSecond, scaleOutFraction,
                scaleOutLatencySeconds);
        GpuPowerModel power = new GpuPowerModel(idleWatts, peakWatts, nodeWatts);
        Optional<Price> price = purchase.isEmpty() && hourly.isEmpty()
                ? Optional.empty() : Optional.of(new Price(purchase, hourly));
        return new GpuAccelerator(spec, roofline, memory, interconnect, power, price);
    }

    /**
     * A well-known precision, or one the SPI does not name (tf32, fp64, fp6) whose storage bits are the digits that end
     * its name: datasheets list such formats, and dropping their peaks would lose data the host may use.
     */
    private static Optional<Precision> precision(String name) {
        Optional<Precision> known = Precision.wellKnown(name);
        if (known.isPresent()) {
            return known;
        }
        Matcher matcher = NAME_WITH_BITS.matcher(name);
        return matcher.matches() ? Optional.of(new Precision(name, Integer.parseInt(matcher.group(1))))
                : Optional.empty();
    }

    /** Well-known formats in the SPI's order, then the others by name. */
    private static int wellKnownRank(Precision precision) {
        int index = Precision.WELL_KNOWN.indexOf(precision);
        return index < 0 ? Precision.WELL_KNOWN.size() : index;
    }

    private static boolean hasPeakFigure(AcceleratorSheet sheet) {
        return sheet.figures().stream().anyMatch(f -> f.name().startsWith(PEAK_FLOPS_PREFIX));
    }

    private static MemoryTier tier(FigureReader read, String name, String capacity, String bandwidth, String usable,
                                   boolean fullSpeed) {
        return new MemoryTier(name, read.positive(capacity), read.positive(bandwidth), fullSpeed,
                read.fraction(usable));
    }

    @Override
    public AcceleratorSpec spec() {
        return spec;
    }

    @Override
    public Roofline roofline() {
        return roofline;
    }

    @Override
    public MemoryModel memory() {
        return memory;
    }

    @Override
    public Interconnect interconnect() {
        return interconnect;
    }

    @Override
    public PowerModel power() {
        return power;
    }

    @Override
    public Optional<Price> price() {
        return price;
    }

    @Override
    public String toString() {
        return "GpuAccelerator[" + spec.id() + "]";
    }
}
