package org.splitinfer.core.hardware.internal;

import java.util.List;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * A plugin's roofline behind the host's guard. The formats and whether steps include their hand-offs were read and
 * checked when the plugin loaded; every time is checked as it comes back. The SPI's
 * {@link UnsupportedPrecisionException} passes through: it is the plugin's answer, not a fault.
 */
final class GuardedRoofline implements Roofline {
    private final Roofline plugin;
    private final PluginGuard guard;
    private final List<Precision> precisions;
    private final boolean includesHandOffs;
    private final boolean defaultStepTiming;

    /**
     * @param plugin the plugin's roofline
     * @param guard  the accelerator's guard
     * @throws org.splitinfer.core.hardware.PluginFaultException when its formats or peaks are refused
     */
    GuardedRoofline(Roofline plugin, PluginGuard guard) {
        this.plugin = plugin;
        this.guard = guard;
        List<Precision> formats;
        try {
            formats = plugin.computePrecisions();
        } catch (Throwable thrown) {
            throw guard.failed("computePrecisions", thrown);
        }
        if (guard.elements("computePrecisions", formats).isEmpty()) {
            throw guard.rejected("computePrecisions", "it listed no format");
        }
        this.precisions = List.copyOf(formats);
        for (Precision precision : precisions) {
            double peak;
            try {
                peak = plugin.peakFlopsPerSecond(precision);
            } catch (Throwable thrown) {
                // at load even the SPI's refusal is a fault: the plugin listed the format itself
                throw guard.failed("peakFlopsPerSecond", thrown);
            }
            guard.positive("peakFlopsPerSecond", "FLOP/s in " + precision.name(), peak);
        }
        defaultStepTiming = PluginGuard.keepsDefault(plugin, "stepTiming", Step.class);
        try {
            includesHandOffs = plugin.stepTimingIncludesStageHandOffs();
        } catch (Throwable thrown) {
            throw guard.failed("stepTimingIncludesStageHandOffs", thrown);
        }
    }

    @Override
    public List<Precision> computePrecisions() {
        return precisions;
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        double peak;
        try {
            peak = plugin.peakFlopsPerSecond(precision);
        } catch (UnsupportedPrecisionException refused) {
            throw refused;
        } catch (Throwable thrown) {
            throw guard.failed("peakFlopsPerSecond", thrown);
        }
        return guard.positive("peakFlopsPerSecond", "FLOP/s", peak);
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        double seconds;
        try {
            seconds = plugin.kernelSeconds(kernel, residency);
        } catch (UnsupportedPrecisionException refused) {
            throw refused;
        } catch (Throwable thrown) {
            throw guard.failed("kernelSeconds", thrown);
        }
        return guard.seconds("kernelSeconds", seconds);
    }

    @Override
    public StepTiming stepTiming(Step step) {
        if (defaultStepTiming) {
            // the SPI's sum, over the guarded kernelSeconds: a fault names the kernel call
            return Roofline.super.stepTiming(step);
        }
        StepTiming timing;
        try {
            timing = plugin.stepTiming(step);
        } catch (UnsupportedPrecisionException refused) {
            throw refused;
        } catch (Throwable thrown) {
            throw guard.failed("stepTiming", thrown);
        }
        // StepTiming's constructor already refused NaN, infinite and negative times (inside the plugin's call)
        return guard.present("stepTiming", timing);
    }

    @Override
    public boolean stepTimingIncludesStageHandOffs() {
        return includesHandOffs;
    }
}
