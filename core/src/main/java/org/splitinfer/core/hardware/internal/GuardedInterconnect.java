package org.splitinfer.core.hardware.internal;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/**
 * A plugin's interconnect behind the host's guard: its domain size and bandwidths were read and checked when the
 * plugin loaded, and every time is checked as it comes back.
 */
final class GuardedInterconnect implements Interconnect {
    private final Interconnect plugin;
    private final PluginGuard guard;
    private final int domainChips;
    private final int nodeChips;
    private final double scaleUpBytesPerSecond;
    private final double scaleOutBytesPerSecond;

    /**
     * @param plugin the plugin's interconnect
     * @param guard  the accelerator's guard
     * @throws org.splitinfer.core.hardware.PluginFaultException when a figure is refused
     */
    GuardedInterconnect(Interconnect plugin, PluginGuard guard) {
        this.plugin = plugin;
        this.guard = guard;
        try {
            domainChips = plugin.scaleUpDomainChips();
            nodeChips = plugin.nodeChips();
            scaleUpBytesPerSecond = plugin.scaleUpBytesPerSecond();
            scaleOutBytesPerSecond = plugin.scaleOutBytesPerSecond();
        } catch (Throwable thrown) {
            throw guard.failed("interconnect", thrown);
        }
        if (domainChips < 1) {
            throw guard.rejected("scaleUpDomainChips", "it returned " + domainChips + " chips, where it needs >= 1");
        }
        if (nodeChips < 1) {
            throw guard.rejected("nodeChips", "it returned " + nodeChips + " chips, where it needs >= 1");
        }
        guard.positive("scaleUpBytesPerSecond", "bytes per second", scaleUpBytesPerSecond);
        guard.positive("scaleOutBytesPerSecond", "bytes per second", scaleOutBytesPerSecond);
    }

    @Override
    public int scaleUpDomainChips() {
        return domainChips;
    }

    @Override
    public int nodeChips() {
        return nodeChips;
    }

    @Override
    public double scaleUpBytesPerSecond() {
        return scaleUpBytesPerSecond;
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return scaleOutBytesPerSecond;
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        double seconds;
        try {
            seconds = plugin.collectiveSeconds(collective);
        } catch (Throwable thrown) {
            throw guard.failed("collectiveSeconds", thrown);
        }
        return guard.seconds("collectiveSeconds", seconds);
    }

    @Override
    public int collectiveLatencySteps(Collective collective) {
        int steps;
        try {
            steps = plugin.collectiveLatencySteps(collective);
        } catch (Throwable thrown) {
            throw guard.failed("collectiveLatencySteps", thrown);
        }
        if (steps < 0) {
            throw guard.rejected("collectiveLatencySteps", "it returned " + steps + " steps, where it needs >= 0");
        }
        return steps;
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        double seconds;
        try {
            seconds = plugin.transferSeconds(bytes, reach);
        } catch (Throwable thrown) {
            throw guard.failed("transferSeconds", thrown);
        }
        return guard.seconds("transferSeconds", seconds);
    }
}
