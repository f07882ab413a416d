package org.splitinfer.core.hardware.internal;

import org.splitinfer.spi.PowerModel;

/**
 * A plugin's power model behind the host's guard: idle, peak and node overhead were read and checked when the plugin
 * loaded, and every power is checked as it comes back.
 */
final class GuardedPowerModel implements PowerModel {
    private final PowerModel plugin;
    private final PluginGuard guard;
    private final double idleWatts;
    private final double peakWatts;
    private final double nodeOverheadWattsPerChip;
    private final boolean defaultWatts;

    /**
     * @param plugin the plugin's power model
     * @param guard  the accelerator's guard
     * @throws org.splitinfer.core.hardware.PluginFaultException when a figure is refused
     */
    GuardedPowerModel(PowerModel plugin, PluginGuard guard) {
        this.plugin = plugin;
        this.guard = guard;
        try {
            idleWatts = plugin.idleWatts();
            peakWatts = plugin.peakWatts();
            nodeOverheadWattsPerChip = plugin.nodeOverheadWattsPerChip();
        } catch (Throwable thrown) {
            throw guard.failed("power", thrown);
        }
        defaultWatts = PluginGuard.keepsDefault(plugin, "watts", double.class);
        guard.positive("idleWatts", "watts", idleWatts);
        guard.watts("nodeOverheadWattsPerChip", nodeOverheadWattsPerChip);
        if (!(guard.positive("peakWatts", "watts", peakWatts) >= idleWatts)) {
            throw guard.rejected("peakWatts", "it returned " + peakWatts + " watts, below the idle " + idleWatts);
        }
    }

    @Override
    public double idleWatts() {
        return idleWatts;
    }

    @Override
    public double peakWatts() {
        return peakWatts;
    }

    @Override
    public double watts(double utilisation) {
        if (!(utilisation >= 0 && utilisation <= 1)) {
            // the host's mistake, not the plugin's: the SPI's own refusal
            throw new IllegalArgumentException("utilisation must be in [0, 1], got " + utilisation);
        }
        if (defaultWatts) {
            // the SPI's straight line between the idle and peak read at load: no call into the plugin
            return PowerModel.super.watts(utilisation);
        }
        double watts;
        try {
            watts = plugin.watts(utilisation);
        } catch (Throwable thrown) {
            throw guard.failed("watts", thrown);
        }
        return guard.watts("watts", watts);
    }

    @Override
    public double nodeOverheadWattsPerChip() {
        return nodeOverheadWattsPerChip;
    }
}
