package org.splitinfer.core.hardware.internal;

import java.util.List;
import java.util.Optional;
import org.splitinfer.core.testing.PlainChip;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;

/**
 * {@link PlainChip} with one SPI method that misbehaves: it throws what it is given, or returns a given number (or
 * null, for a method that returns an object). Every other call answers as the plain chip does.
 */
final class MisbehavingChip implements Accelerator, Roofline, MemoryModel, Interconnect, PowerModel {
    private final PlainChip plain = new PlainChip();
    private final String call;
    private final Throwable thrown;
    private final double returned;

    private MisbehavingChip(String call, Throwable thrown, double returned) {
        this.call = call;
        this.thrown = thrown;
        this.returned = returned;
    }

    /** @return a chip whose {@code call} throws {@code thrown} */
    static MisbehavingChip throwing(String call, Throwable thrown) {
        return new MisbehavingChip(call, thrown, 0);
    }

    /** @return a chip whose {@code call} returns {@code value} (null for one returning an object) */
    static MisbehavingChip returning(String call, double value) {
        return new MisbehavingChip(call, null, value);
    }

    /** @return an honest chip */
    static MisbehavingChip honest() {
        return new MisbehavingChip("", null, 0);
    }

    private double number(String here, double honest) {
        if (!here.equals(call)) {
            return honest;
        }
        throwIfAsked();
        return returned;
    }

    private <T> T object(String here, T honest) {
        if (!here.equals(call)) {
            return honest;
        }
        throwIfAsked();
        return null;
    }

    private void throwIfAsked() {
        if (thrown instanceof RuntimeException exception) {
            throw exception;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    @Override
    public AcceleratorSpec spec() {
        return object("spec", plain.spec());
    }

    @Override
    public Roofline roofline() {
        return object("roofline", this);
    }

    @Override
    public MemoryModel memory() {
        return object("memory", this);
    }

    @Override
    public Interconnect interconnect() {
        return object("interconnect", this);
    }

    @Override
    public PowerModel power() {
        return object("power", this);
    }

    @Override
    public Optional<Price> price() {
        return object("price", Optional.empty());
    }

    @Override
    public List<Precision> computePrecisions() {
        return object("computePrecisions", plain.computePrecisions());
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        return number("peakFlopsPerSecond", plain.peakFlopsPerSecond(precision));
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        return number("kernelSeconds", plain.kernelSeconds(kernel, residency));
    }

    @Override
    public StepTiming stepTiming(Step step) {
        return object("stepTiming", plain.stepTiming(step));
    }

    @Override
    public List<MemoryTier> tiers() {
        return object("tiers", plain.tiers());
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        return object("place", plain.place(footprint, chips));
    }

    @Override
    public int scaleUpDomainChips() {
        return (int) number("scaleUpDomainChips", plain.scaleUpDomainChips());
    }

    @Override
    public double scaleUpBytesPerSecond() {
        return number("scaleUpBytesPerSecond", plain.scaleUpBytesPerSecond());
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return number("scaleOutBytesPerSecond", plain.scaleOutBytesPerSecond());
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        return number("collectiveSeconds", plain.collectiveSeconds(collective));
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        return number("transferSeconds", plain.transferSeconds(bytes, reach));
    }

    @Override
    public double idleWatts() {
        return number("idleWatts", plain.idleWatts());
    }

    @Override
    public double peakWatts() {
        return number("peakWatts", plain.peakWatts());
    }

    @Override
    public double watts(double utilisation) {
        return number("watts", plain.watts(utilisation));
    }

    @Override
    public double nodeOverheadWattsPerChip() {
        return number("nodeOverheadWattsPerChip", plain.nodeOverheadWattsPerChip());
    }
}
