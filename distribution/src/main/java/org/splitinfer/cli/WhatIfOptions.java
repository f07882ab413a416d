package org.splitinfer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitinfer.core.hardware.FigureOverride;
import org.splitinfer.core.hardware.HardwareChanges;
import picocli.CommandLine.Option;

/**
 * What-if hardware, shared by {@code estimate}, {@code simulate}, {@code plan}, {@code compare}, {@code fit},
 * {@code roofline} and {@code sensitivity}: {@code --set ID.FIGURE=VALUE} sets a figure of an installed chip's
 * hardware sheet, {@code --set ID@NEWID.FIGURE=VALUE} adds a chip derived from one, and {@code --hardware-sheet FILE}
 * adds the chips of a sheet of a known family. The chip's plugin models the changed sheet; nothing else changes.
 */
final class WhatIfOptions {
    @Option(names = "--set", paramLabel = "ID[@NEWID].FIGURE=VALUE",
            description = "Set a figure of a chip's hardware sheet (its names: 'splitinfer hardware --format json'), e.g."
                    + " groq-lpu-v1.sram.capacityBytes=460e6; ID@NEWID.FIGURE=VALUE adds a chip NEWID, a copy of ID"
                    + " with the figure set, beside it. Repeatable; the figure becomes an assumption of the user.")
    List<String> set = new ArrayList<>();

    @Option(names = "--hardware-sheet", paramLabel = "FILE", converter = PathFlags.InputFile.class,
            description = "Add the chips of a YAML hardware sheet (docs/hardware-sheets.md, family: an installed"
                    + " family), modelled by that family's plugin. Repeatable.")
    List<Path> sheets = new ArrayList<>();

    /**
     * @return the changes the flags ask for
     * @throws org.splitinfer.core.hardware.HardwareOverrideException when a {@code --set} is malformed
     */
    HardwareChanges changes() {
        List<FigureOverride> overrides = new ArrayList<>();
        for (String text : set) {
            overrides.add(FigureOverride.parse(text));
        }
        return new HardwareChanges(overrides, sheets);
    }
}
