package org.splitinfer.core.hardware;

import java.nio.file.Path;
import java.util.List;

/**
 * What-if changes to the installed hardware, applied where a plugin reads its hardware sheet: figures overridden or
 * derived chips added ({@link FigureOverride}), and sheets of chips of a known family added from files (the
 * documented schema, {@code family: X}), whose chips are appended to the sheet that family's plugin reads. The
 * plugin models every chip from the changed sheet as it would from its own; core has no other path for them.
 *
 * <p>Order: added sheets' chips are appended first, then derived chips are copied from their originals as the sheet
 * (with those additions) lists them, then in-place overrides apply, to derived chips too.
 *
 * @param overrides  figures to set, in order
 * @param sheetFiles YAML hardware sheets whose chips to add, in order
 * @since 0.2
 */
public record HardwareChanges(List<FigureOverride> overrides, List<Path> sheetFiles) {
    /** No change: the hardware as installed. */
    public static final HardwareChanges NONE = new HardwareChanges(List.of(), List.of());

    /** Copies the lists. */
    public HardwareChanges {
        overrides = List.copyOf(overrides);
        sheetFiles = List.copyOf(sheetFiles);
    }

    /** @return whether there is nothing to change */
    public boolean isEmpty() {
        return overrides.isEmpty() && sheetFiles.isEmpty();
    }

    /**
     * These changes and one more override.
     *
     * @param override the figure to set too
     * @return the changes
     */
    public HardwareChanges with(FigureOverride override) {
        List<FigureOverride> all = new java.util.ArrayList<>(overrides);
        all.add(override);
        return new HardwareChanges(all, sheetFiles);
    }
}
