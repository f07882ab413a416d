package org.splitinfer.core.hardware;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.splitinfer.spi.Accelerator;

/**
 * The accelerators of every loaded plugin, sorted by id, plus the plugins that were skipped. Immutable and
 * thread-safe. Build one with {@link HardwareLoader}.
 */
public final class HardwareRegistry {
    private final Map<String, InstalledAccelerator> byId;
    private final List<PluginProblem> problems;

    /**
     * @param accelerators accelerators, ids unique
     * @param problems     skipped plugins
     * @throws DuplicateAcceleratorException when two accelerators share an id
     */
    public HardwareRegistry(List<InstalledAccelerator> accelerators, List<PluginProblem> problems) {
        Map<String, InstalledAccelerator> sorted = new TreeMap<>();
        for (InstalledAccelerator installed : accelerators) {
            InstalledAccelerator previous = sorted.putIfAbsent(installed.id(), installed);
            if (previous != null) {
                throw new DuplicateAcceleratorException(installed.id(), describe(previous), describe(installed));
            }
        }
        this.byId = Collections.unmodifiableMap(sorted);
        this.problems = List.copyOf(problems);
    }

    private static String describe(InstalledAccelerator installed) {
        return installed.provider() + " (" + installed.origin() + ")";
    }

    /** @return every accelerator, sorted by id */
    public List<InstalledAccelerator> installed() {
        return List.copyOf(byId.values());
    }

    /** @return every accelerator, sorted by id */
    public List<Accelerator> accelerators() {
        List<Accelerator> all = new ArrayList<>(byId.size());
        for (InstalledAccelerator installed : byId.values()) {
            all.add(installed.accelerator());
        }
        return all;
    }

    /** @return the ids, sorted */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /**
     * The accelerator of an id.
     *
     * @param id accelerator id
     * @return the accelerator
     * @throws UnknownAcceleratorException with a suggestion when no plugin provides it
     */
    public Accelerator get(String id) {
        InstalledAccelerator installed = byId.get(id);
        if (installed == null) {
            throw new UnknownAcceleratorException(id, ids());
        }
        return installed.accelerator();
    }

    /** @return plugins that were skipped, in load order */
    public List<PluginProblem> problems() {
        return problems;
    }
}
