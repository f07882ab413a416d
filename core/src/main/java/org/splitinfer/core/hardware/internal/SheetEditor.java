package org.splitinfer.core.hardware.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.hardware.FigureOverride;
import org.splitinfer.core.hardware.HardwareOverrideException;
import org.splitinfer.core.hardware.PluginProblem;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.Source;

/**
 * Applies what-if changes to a sheet as a plugin reads it ({@link HostProviderContext}): added sheets of its family
 * are appended, derived chips are copied from their originals with their figures set, then figures are set in
 * place. The plugin then models the changed sheet exactly as its own, so every family supports what-ifs with no
 * code of its own. Remembers what it applied, so that a change no plugin took is refused after loading
 * ({@link #requireAllApplied}). Thread-safe: providers load on threads of their own.
 */
public final class SheetEditor {
    /**
     * An added sheet and where it came from, for messages.
     *
     * @param origin  its file
     * @param sheet   its chips
     * @param dropped whether it was dropped into a plugin folder (skipped with a warning when no plugin can take it)
     *                rather than given with {@code --hardware-sheet} (refused)
     */
    public record AddedSheet(String origin, HardwareSheet sheet, boolean dropped) {
        /** @return how a message names it: the flag the user gave, or the file in its plugin folder */
        String words() {
            return dropped ? "the sheet " + origin + " in a plugin folder" : "--hardware-sheet " + origin;
        }
    }

    /** A changed sheet and the changes it took, worded as the user gave them. */
    public record Edited(HardwareSheet sheet, List<String> changes) {
        /** Copies the list. */
        public Edited {
            changes = List.copyOf(changes);
        }
    }

    /** No change at all. */
    public static final SheetEditor NONE = new SheetEditor(List.of(), List.of());

    private final List<FigureOverride> overrides;
    private final List<AddedSheet> added;
    private final BitSet appliedOverrides = new BitSet();
    private final BitSet appliedSheets = new BitSet();
    private final Set<String> families = new TreeSet<>();
    private final Set<String> newIds = new TreeSet<>();
    private final List<PluginProblem> skipped = new ArrayList<>();

    /**
     * @param overrides figures to set
     * @param added     sheets whose chips to add
     */
    public SheetEditor(List<FigureOverride> overrides, List<AddedSheet> added) {
        this.overrides = List.copyOf(overrides);
        this.added = List.copyOf(added);
        // one figure of one chip set twice would leave the first silently unused: refused, whichever wins
        Map<String, FigureOverride> seen = new LinkedHashMap<>();
        for (FigureOverride override : this.overrides) {
            FigureOverride before = seen.put(override.targetId() + "\u0000" + override.figure(), override);
            if (before != null) {
                throw new HardwareOverrideException("--set " + before.text() + " and --set " + override.text()
                        + " both set " + override.figure() + " of '" + override.targetId() + "'; give each figure"
                        + " once");
            }
        }
    }

    /** @return the ids of chips the changes add (derived and from added sheets) */
    public synchronized Set<String> newIds() {
        return Set.copyOf(newIds);
    }

    /**
     * The sheet with every change that concerns it.
     *
     * @param sheet the sheet as the plugin's resource holds it
     * @return the changed sheet and the changes it took
     * @throws HardwareOverrideException when a change names an unknown figure or reuses an id
     */
    public synchronized Edited apply(HardwareSheet sheet) {
        families.add(sheet.family().name());
        if (overrides.isEmpty() && added.isEmpty()) {
            return new Edited(sheet, List.of());
        }
        List<String> changes = new ArrayList<>();
        List<Source> sources = new ArrayList<>(sheet.sources());
        List<AcceleratorSheet> chips = new ArrayList<>(sheet.accelerators());
        Map<String, String> addedBy = new LinkedHashMap<>();
        for (int i = 0; i < added.size(); i++) {
            AddedSheet extra = added.get(i);
            if (!extra.sheet().family().equals(sheet.family())) {
                continue;
            }
            appliedSheets.set(i);
            String clash = clash(extra, sheet, sources, chips, addedBy);
            if (clash != null) {
                if (!extra.dropped()) {
                    throw new HardwareOverrideException(clash);
                }
                skipped.add(new PluginProblem(extra.origin(), clash));
                continue;
            }
            for (Source source : extra.sheet().sources()) {
                if (sources.stream().noneMatch(s -> s.id().equals(source.id()))) {
                    sources.add(source);
                }
            }
            for (AcceleratorSheet chip : extra.sheet().accelerators()) {
                chips.add(chip);
                newIds.add(chip.id());
                addedBy.put(chip.id(), extra.words());
            }
            changes.add(extra.words());
        }
        Map<String, List<Integer>> derived = new LinkedHashMap<>();
        for (int i = 0; i < overrides.size(); i++) {
            FigureOverride override = overrides.get(i);
            if (override.newChipId() != null) {
                derived.computeIfAbsent(override.newChipId(), id -> new ArrayList<>()).add(i);
            }
        }
        // a derived chip may derive from another derived chip: copy in as many passes as the chain is long, in
        // whatever order the flags came
        Map<String, List<Integer>> pending = new LinkedHashMap<>(derived);
        boolean progressed = true;
        while (progressed && !pending.isEmpty()) {
            progressed = false;
            for (var iterator = pending.entrySet().iterator(); iterator.hasNext(); ) {
                Map.Entry<String, List<Integer>> entry = iterator.next();
                FigureOverride first = overrides.get(entry.getValue().get(0));
                AcceleratorSheet original = find(chips, first.chipId());
                if (original == null) {
                    continue;
                }
                iterator.remove();
                progressed = true;
                for (int index : entry.getValue()) {
                    if (!overrides.get(index).chipId().equals(first.chipId())) {
                        throw new HardwareOverrideException("--set derives '" + entry.getKey() + "' from both '"
                                + first.chipId() + "' and '" + overrides.get(index).chipId() + "'; derive it from one");
                    }
                }
                if (find(chips, entry.getKey()) != null) {
                    throw new HardwareOverrideException("--set " + first.text() + " derives chip '" + entry.getKey()
                            + "', which is already installed; give the derived chip a new id");
                }
                AcceleratorSheet copy = new AcceleratorSheet(original.resource(), entry.getKey(), original.vendor(),
                        original.displayName() + " (what-if from " + original.id() + ")", original.status(),
                        original.figures());
                for (int index : entry.getValue()) {
                    copy = set(copy, overrides.get(index));
                    appliedOverrides.set(index);
                    changes.add("--set " + overrides.get(index).text());
                }
                chips.add(copy);
                newIds.add(copy.id());
            }
        }
        for (int i = 0; i < overrides.size(); i++) {
            FigureOverride override = overrides.get(i);
            if (override.newChipId() != null) {
                continue;
            }
            AcceleratorSheet chip = find(chips, override.chipId());
            if (chip != null) {
                chips.set(chips.indexOf(chip), set(chip, override));
                appliedOverrides.set(i);
                changes.add("--set " + override.text());
            }
        }
        if (changes.isEmpty()) {
            return new Edited(sheet, List.of());
        }
        return new Edited(new HardwareSheet(sheet.resource(), sheet.family(), sources, chips), changes);
    }

    /**
     * Refuses a change that no plugin's sheet took: an override of a chip no sheet lists, a sheet of a family no
     * plugin models.
     *
     * @param installedIds every chip id the plugins provide
     * @throws HardwareOverrideException naming the first such change and what is installed
     */
    public synchronized void requireAllApplied(List<String> installedIds) {
        for (int i = 0; i < overrides.size(); i++) {
            if (!appliedOverrides.get(i)) {
                FigureOverride override = overrides.get(i);
                throw new HardwareOverrideException("--set " + override.text() + " names no installed chip: "
                        + Suggestions.unknown("accelerator", override.chipId(), installedIds));
            }
        }
        for (int i = 0; i < added.size(); i++) {
            AddedSheet extra = added.get(i);
            if (!extra.dropped() && !appliedSheets.get(i)) {
                throw new HardwareOverrideException(unknownFamily(extra));
            }
        }
    }

    /** Why an added sheet cannot join the sheet, or null: a source defined otherwise, or a chip id already taken. */
    private static String clash(AddedSheet extra, HardwareSheet sheet, List<Source> sources,
                                List<AcceleratorSheet> chips, Map<String, String> addedBy) {
        for (Source source : extra.sheet().sources()) {
            Source same = sources.stream().filter(s -> s.id().equals(source.id())).findFirst().orElse(null);
            if (same != null && !same.equals(source)) {
                return "hardware sheet " + extra.origin() + " defines source '" + source.id() + "', which the"
                        + " installed " + sheet.family() + " sheet defines otherwise; give the source a new id";
            }
        }
        for (AcceleratorSheet chip : extra.sheet().accelerators()) {
            if (find(chips, chip.id()) != null) {
                String other = addedBy.get(chip.id());
                return "hardware sheet " + extra.origin() + " adds chip '" + chip.id() + "', which "
                        + (other != null ? other + " adds too; give each sheet once, or the chip a new id"
                        : "is already installed (" + sheet.resource() + "); give it a new id");
            }
        }
        return null;
    }

    /**
     * @return the sheets dropped into plugin folders that no plugin took (a family none models, a chip id already
     *         taken), to report as skipped
     */
    public synchronized List<PluginProblem> skippedSheets() {
        List<PluginProblem> all = new ArrayList<>(skipped);
        for (int i = 0; i < added.size(); i++) {
            AddedSheet extra = added.get(i);
            if (extra.dropped() && !appliedSheets.get(i)) {
                all.add(new PluginProblem(extra.origin(), unknownFamily(extra)));
            }
        }
        return all;
    }

    private String unknownFamily(AddedSheet extra) {
        return "hardware sheet " + extra.origin() + " is of family '" + extra.sheet().family() + "', which no"
                + " installed plugin models; installed families: " + String.join(", ", families);
    }

    private static AcceleratorSheet set(AcceleratorSheet chip, FigureOverride override) {
        List<Figure> figures = new ArrayList<>(chip.figures());
        for (int i = 0; i < figures.size(); i++) {
            Figure old = figures.get(i);
            if (old.name().equals(override.figure())) {
                figures.set(i, Figure.assumed(old.name(), override.value(), override.assumption()
                        + " (the sheet's " + FigureOverride.number(old.value())
                        + (old.sourceId() != null ? ", source " + old.sourceId() : ", assumed") + ")"));
                return new AcceleratorSheet(chip.resource(), chip.id(), chip.vendor(), chip.displayName(),
                        chip.status(), figures);
            }
        }
        List<String> names = chip.figures().stream().map(Figure::name).toList();
        String best = Suggestions.closest(override.figure(), names);
        throw new HardwareOverrideException("--set " + override.text() + ": chip '" + chip.id() + "' has no figure '"
                + override.figure() + "'" + (best != null ? " (did you mean '" + best + "'?)" : "")
                + "; its figures: " + String.join(", ", names));
    }

    private static AcceleratorSheet find(List<AcceleratorSheet> chips, String id) {
        for (AcceleratorSheet chip : chips) {
            if (chip.id().equals(id)) {
                return chip;
            }
        }
        return null;
    }

    /** Families of the sheets the plugins read. */
    synchronized Set<String> families() {
        return Set.copyOf(families);
    }
}
