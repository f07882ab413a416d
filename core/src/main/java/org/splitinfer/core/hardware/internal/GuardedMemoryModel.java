package org.splitinfer.core.hardware.internal;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.splitinfer.core.hardware.PluginFaultException;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

/**
 * A plugin's memory model behind the host's guard. Its tiers were read and checked when the plugin loaded (and
 * {@link #tier} looks them up without calling the plugin); every placement is checked as it comes back: the chips
 * asked for, and only tiers the chip has, since the host prices each byte at its tier's bandwidth. The SPI's records
 * already refused negative and non-finite bytes inside the plugin's call.
 */
final class GuardedMemoryModel implements MemoryModel {
    private final MemoryModel plugin;
    private final PluginGuard guard;
    private final List<MemoryTier> tiers;
    private final boolean defaultMinChips;

    /**
     * @param plugin the plugin's memory model
     * @param guard  the accelerator's guard
     * @throws org.splitinfer.core.hardware.PluginFaultException when its tiers are refused
     */
    GuardedMemoryModel(MemoryModel plugin, PluginGuard guard) {
        this.plugin = plugin;
        this.guard = guard;
        List<MemoryTier> listed;
        try {
            listed = plugin.tiers();
        } catch (Throwable thrown) {
            throw guard.failed("tiers", thrown);
        }
        if (guard.elements("tiers", listed).isEmpty()) {
            throw guard.rejected("tiers", "it listed no memory tier");
        }
        Set<String> names = new HashSet<>();
        for (MemoryTier tier : listed) {
            if (!names.add(tier.name())) {
                throw guard.rejected("tiers", "it listed the tier '" + tier.name() + "' twice");
            }
        }
        this.tiers = List.copyOf(listed);
        this.defaultMinChips = PluginGuard.keepsDefault(plugin, "minChips", Footprint.class);
    }

    @Override
    public List<MemoryTier> tiers() {
        return tiers;
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        Placement placement;
        try {
            placement = plugin.place(footprint, chips);
        } catch (Throwable thrown) {
            throw guard.failed("place", thrown);
        }
        return checked("place", placement, chips);
    }

    @Override
    public OptionalInt minChips(Footprint footprint) {
        if (defaultMinChips) {
            // the SPI's search, over the guarded place: a fault names the placement call
            return MemoryModel.super.minChips(footprint);
        }
        OptionalInt fewest;
        try {
            fewest = plugin.minChips(footprint);
        } catch (Throwable thrown) {
            throw guard.failed("minChips", thrown);
        }
        if (guard.present("minChips", fewest).isPresent() && fewest.getAsInt() < 1) {
            throw guard.rejected("minChips", "it returned " + fewest.getAsInt() + " chips, where it needs >= 1");
        }
        return fewest;
    }

    @Override
    public List<Placement> alternatives(Footprint footprint, int chips) {
        List<Placement> alternatives;
        try {
            // copied inside the guard: the host then iterates a list of its own, not the plugin's
            alternatives = List.copyOf(guard.elements("alternatives", plugin.alternatives(footprint, chips)));
        } catch (PluginFaultException fault) {
            throw fault;
        } catch (Throwable thrown) {
            throw guard.failed("alternatives", thrown);
        }
        for (Placement placement : alternatives) {
            checked("alternatives", placement, chips);
        }
        return alternatives;
    }

    private Placement checked(String call, Placement placement, int chips) {
        guard.present(call, placement);
        if (placement.chips() != chips) {
            throw guard.rejected(call, "it placed '" + placement.name() + "' on " + placement.chips()
                    + " chips when asked for " + chips);
        }
        Residency residency = placement.residency();
        knownTier(call, placement, residency.weightsTier());
        knownTier(call, placement, residency.kvCacheTier());
        knownTier(call, placement, residency.activationsTier());
        for (TierUsage usage : placement.perChip()) {
            knownTier(call, placement, usage.tier());
        }
        return placement;
    }

    private void knownTier(String call, Placement placement, String name) {
        for (MemoryTier tier : tiers) {
            if (tier.name().equals(name)) {
                return;
            }
        }
        throw guard.rejected(call, "its placement '" + placement.name() + "' uses the tier '" + name
                + "', which the chip's tiers() do not list");
    }
}
