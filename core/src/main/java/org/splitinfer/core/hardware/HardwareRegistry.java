package org.splitinfer.core.hardware;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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

    /**
     * The accelerator an id names, or the beginning of exactly one id, ignoring case: what a person types
     * ({@code h100} for {@code h100-sxm} while no other id begins so). {@link #get} stays exact, for programs and
     * files, where a prefix that resolves today could name another chip once a plugin adds one.
     *
     * @param idOrPrefix an accelerator id, or the beginning of one
     * @return the accelerator
     * @throws UnknownAcceleratorException naming the candidates when several ids begin so, or suggesting the closest
     *                                     id when none does
     */
    public Accelerator resolve(String idOrPrefix) {
        InstalledAccelerator exact = byId.get(idOrPrefix);
        if (exact != null) {
            return exact.accelerator();
        }
        String needle = idOrPrefix.strip().toLowerCase(Locale.ROOT);
        List<String> beginning = new ArrayList<>();
        for (String id : byId.keySet()) {
            if (id.toLowerCase(Locale.ROOT).equals(needle)) {
                return byId.get(id).accelerator();
            }
            if (!needle.isEmpty() && id.toLowerCase(Locale.ROOT).startsWith(needle)) {
                beginning.add(id);
            }
        }
        if (beginning.size() == 1) {
            return byId.get(beginning.get(0)).accelerator();
        }
        if (beginning.size() > 1) {
            throw UnknownAcceleratorException.ambiguous(idOrPrefix, beginning);
        }
        throw new UnknownAcceleratorException(idOrPrefix, ids());
    }

    /** @return plugins that were skipped, in load order */
    public List<PluginProblem> problems() {
        return problems;
    }
}
