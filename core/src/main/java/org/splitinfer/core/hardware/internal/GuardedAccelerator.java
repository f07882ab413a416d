package org.splitinfer.core.hardware.internal;

import org.splitinfer.spi.Figure;
import org.splitinfer.core.hardware.FigureOverride;
import java.util.Optional;
import org.splitinfer.core.hardware.PluginFaultException;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Roofline;

/**
 * A plugin's accelerator as the host uses it: every call into the plugin is guarded (see {@link PluginGuard}). What
 * the SPI promises is constant — the spec, the facets, the price, the formats, tiers, bandwidths and power figures —
 * is read once, when the plugin loads, and checked then, so a plugin that answers nonsense there is skipped with a
 * warning; the functions of a kernel, a footprint or a collective are checked on each call.
 */
public final class GuardedAccelerator implements Accelerator {
    private final AcceleratorSpec spec;
    private final Roofline roofline;
    private final MemoryModel memory;
    private final Interconnect interconnect;
    private final PowerModel power;
    private final Optional<Price> price;

    private GuardedAccelerator(AcceleratorSpec spec, Roofline roofline, MemoryModel memory,
                               Interconnect interconnect, PowerModel power, Optional<Price> price) {
        this.spec = spec;
        this.roofline = roofline;
        this.memory = memory;
        this.interconnect = interconnect;
        this.power = power;
        this.price = price;
    }

    /**
     * Reads and checks what a plugin accelerator promises is constant, and guards the rest.
     *
     * @param plugin     the plugin's accelerator
     * @param pluginName the plugin, as messages name it
     * @param position   the accelerator's place in its provider's list (1-based), for a spec that cannot be read
     * @return the guarded accelerator
     * @throws PluginFaultException when the plugin throws or answers what no chip can
     */
    public static GuardedAccelerator of(Accelerator plugin, String pluginName, int position) {
        PluginGuard unnamed = new PluginGuard(pluginName, "#" + position);
        AcceleratorSpec spec;
        try {
            spec = plugin.spec();
        } catch (Throwable thrown) {
            throw unnamed.failed("spec", thrown);
        }
        unnamed.present("spec", spec);
        PluginGuard guard = new PluginGuard(pluginName, spec.id(), spec.figures().stream()
                .filter(f -> f.isAssumption() && f.assumption().startsWith(FigureOverride.ASSUMPTION_PREFIX))
                .map(Figure::name).toList());
        Roofline roofline;
        MemoryModel memory;
        Interconnect interconnect;
        PowerModel power;
        Optional<Price> price;
        String call = "roofline";
        try {
            roofline = plugin.roofline();
            call = "memory";
            memory = plugin.memory();
            call = "interconnect";
            interconnect = plugin.interconnect();
            call = "power";
            power = plugin.power();
            call = "price";
            price = plugin.price();
        } catch (Throwable thrown) {
            throw guard.failed(call, thrown);
        }
        return new GuardedAccelerator(spec,
                new GuardedRoofline(guard.present("roofline", roofline), guard),
                new GuardedMemoryModel(guard.present("memory", memory), guard),
                new GuardedInterconnect(guard.present("interconnect", interconnect), guard),
                new GuardedPowerModel(guard.present("power", power), guard),
                guard.present("price", price));
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
    public String id() {
        return spec.id();
    }

    @Override
    public String toString() {
        return spec.id();
    }
}
