package org.splitinfer.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.testing.PluginJars;
import org.splitinfer.core.testing.SheetChipProvider;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Figure;

/** What-if figures and added sheets, applied where a plugin reads its sheet, on a sheet-modelled fixture plugin. */
class WhatIfHardwareTest {
    private static final String SHEET = "org/splitinfer/core/testing/sheet-chip.yaml";

    @TempDir
    Path temp;
    private Path plugins;

    @BeforeEach
    void plugin() throws IOException {
        plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginJars.write(plugins, SheetChipProvider.class, List.of(SHEET));
    }

    private HardwareRegistry load(HardwareChanges changes) {
        return new HardwareLoader().load(new PluginSearchPath(false, List.of(plugins)), changes);
    }

    private static HardwareChanges set(String... texts) {
        return new HardwareChanges(List.of(texts).stream().map(FigureOverride::parse).toList(), List.of());
    }

    @Test
    void parsesAnOverrideAndADerivedChip() {
        assertThat(FigureOverride.parse("groq-lpu-v1.sram.capacityBytes=460e6"))
                .isEqualTo(new FigureOverride("groq-lpu-v1", null, "sram.capacityBytes", 460e6));
        FigureOverride derived = FigureOverride.parse("groq-lpu-v1@groq-2x.sram.capacityBytes=4.6e8");
        assertThat(derived).isEqualTo(new FigureOverride("groq-lpu-v1", "groq-2x", "sram.capacityBytes", 4.6e8));
        assertThat(derived.targetId()).isEqualTo("groq-2x");
        assertThat(derived.text()).isEqualTo("groq-lpu-v1@groq-2x.sram.capacityBytes=4.6e+08");
    }

    @Test
    void refusesAValueThatIsNotAPlainFiniteNonNegativeNumber() {
        assertThatThrownBy(() -> FigureOverride.parse("a.b=NaN")).isInstanceOf(HardwareOverrideException.class)
                .hasMessage("--set 'a.b=NaN': 'NaN' is not a number; give a decimal value such as 460e6 in the unit"
                        + " the figure's name says");
        assertThatThrownBy(() -> FigureOverride.parse("a.b=Infinity")).isInstanceOf(HardwareOverrideException.class);
        assertThatThrownBy(() -> FigureOverride.parse("a.b=0x10")).isInstanceOf(HardwareOverrideException.class);
        assertThatThrownBy(() -> FigureOverride.parse("a.b=-1")).isInstanceOf(HardwareOverrideException.class)
                .hasMessage("--set a.b=-1 is outside the sheet's rules: a figure is a finite number >= 0");
        assertThatThrownBy(() -> FigureOverride.parse("no-figure=1")).isInstanceOf(HardwareOverrideException.class)
                .hasMessageContaining("is not ID.FIGURE=VALUE");
        // the user-error family, so every front end treats it as bad input
        assertThat(new HardwareOverrideException("x")).isInstanceOf(SplitInferException.class);
    }

    @Test
    void theSetFigureIsWhatThePluginModelsAndIsMarkedAsTheUsers() {
        HardwareRegistry registry = load(set("sheet-chip.hbm.bytesPerSecond=6e12"));

        Accelerator chip = registry.get("sheet-chip");
        // the plugin read 6e12 from the changed sheet: its one tier streams at it
        assertThat(chip.memory().tiers().get(0).bytesPerSecond()).isEqualTo(6e12);
        Figure figure = chip.spec().figures().stream().filter(f -> f.name().equals("hbm.bytesPerSecond"))
                .findFirst().orElseThrow();
        assertThat(figure.isAssumption()).isTrue();
        assertThat(figure.assumption()).isEqualTo("set by the user: --set sheet-chip.hbm.bytesPerSecond=6e+12 (the"
                + " sheet's 3e+12, assumed)");
    }

    @Test
    void aDerivedChipCompetesBesideItsOriginal() {
        HardwareRegistry registry = load(set("sheet-chip@big-chip.hbm.capacityBytes=160e9",
                "sheet-chip@big-chip.power.peakWatts=900"));

        assertThat(registry.ids()).containsExactly("big-chip", "sheet-chip");
        assertThat(registry.get("sheet-chip").memory().tiers().get(0).capacityBytes()).isEqualTo(80e9);
        assertThat(registry.get("big-chip").memory().tiers().get(0).capacityBytes()).isEqualTo(160e9);
        assertThat(registry.get("big-chip").power().peakWatts()).isEqualTo(900);
        assertThat(registry.get("big-chip").spec().displayName()).endsWith("(what-if from sheet-chip)");
    }

    @Test
    void anUnknownFigureIsRefusedWithTheChipsFigureNames() {
        assertThatThrownBy(() -> load(set("sheet-chip.hbm.bytesPerSec=1e12")))
                .isInstanceOf(HardwareOverrideException.class)
                .hasMessage("--set sheet-chip.hbm.bytesPerSec=1e+12: chip 'sheet-chip' has no figure"
                        + " 'hbm.bytesPerSec' (did you mean 'hbm.bytesPerSecond'?); its figures:"
                        + " peak.flopsPerSecond.bf16, hbm.capacityBytes, hbm.bytesPerSecond, scaleOut.bytesPerSecond,"
                        + " power.idleWatts, power.peakWatts, price.purchaseUsd");
    }

    @Test
    void aValueThePluginsRulesRefuseIsRefusedAsTheUsersChangeNotSkipped() {
        assertThatThrownBy(() -> load(set("sheet-chip.hbm.bytesPerSecond=0")))
                .isInstanceOf(HardwareOverrideException.class)
                .hasMessageStartingWith("--set sheet-chip.hbm.bytesPerSecond=0 is outside the sheet's rules: ")
                .hasMessageContaining("figure 'hbm.bytesPerSecond' must be > 0, got 0.0");
    }

    @Test
    void anUnknownChipIsRefusedWithTheInstalledIds() {
        assertThatThrownBy(() -> load(set("sheet-chp.hbm.bytesPerSecond=1e12")))
                .isInstanceOf(HardwareOverrideException.class)
                .hasMessage("--set sheet-chp.hbm.bytesPerSecond=1e+12 names no installed chip: unknown accelerator"
                        + " 'sheet-chp'; did you mean 'sheet-chip'? Available: sheet-chip");
    }

    @Test
    void aDerivedChipMayNotTakeAnInstalledId() {
        assertThatThrownBy(() -> load(set("sheet-chip@sheet-chip.hbm.capacityBytes=1e9")))
                .isInstanceOf(HardwareOverrideException.class).hasMessageContaining("new id");
    }

    private Path sheet(String name, String family, String id) throws IOException {
        return Files.writeString(temp.resolve(name), """
                family: %s
                sources:
                  - {id: memo, document: "A vendor's memo", date: 2025-01, supports: "bandwidth"}
                accelerators:
                  - id: %s
                    vendor: Example
                    displayName: "Example chip"
                    status: ANNOUNCED
                    figures:
                      peak.flopsPerSecond.bf16: {value: 2.0e+15, source: memo}
                      hbm.capacityBytes: {value: 1.4e+11, source: memo}
                      hbm.bytesPerSecond: {value: 5.0e+12, source: memo}
                      scaleOut.bytesPerSecond: {value: 5.0e+10, assumption: "one 400G NIC"}
                      power.idleWatts: {value: 150, assumption: "a fifth of peak"}
                      power.peakWatts: {value: 750, source: memo}
                """.formatted(family, id));
    }

    @Test
    void anAddedSheetsChipsAreModelledByTheirFamilysPlugin() throws IOException {
        Path file = sheet("example-hardware.yaml", "fixture", "example-chip");

        HardwareRegistry registry = load(new HardwareChanges(List.of(), List.of(file)));

        assertThat(registry.ids()).containsExactly("example-chip", "sheet-chip");
        assertThat(registry.get("example-chip").memory().tiers().get(0).bytesPerSecond()).isEqualTo(5e12);
        assertThat(registry.get("example-chip").spec().sources()).singleElement()
                .satisfies(source -> assertThat(source.id()).isEqualTo("memo"));
    }

    @Test
    void aSheetDroppedIntoThePluginFolderIsModelledToo() throws IOException {
        Files.copy(sheet("x.yaml", "fixture", "dropped-chip"), plugins.resolve("dropped-hardware.yaml"));

        HardwareRegistry registry = load(HardwareChanges.NONE);

        assertThat(registry.ids()).containsExactly("dropped-chip", "sheet-chip");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void anAddedSheetMayNotReuseAnIdOrNameAFamilyNoPluginModels() throws IOException {
        Path clash = sheet("clash.yaml", "fixture", "sheet-chip");
        assertThatThrownBy(() -> load(new HardwareChanges(List.of(), List.of(clash))))
                .isInstanceOf(HardwareOverrideException.class)
                .hasMessage("hardware sheet " + clash + " adds chip 'sheet-chip', which is already installed"
                        + " (org/splitinfer/core/testing/sheet-chip.yaml); give it a new id");
        Path other = sheet("other.yaml", "wafer", "other-chip");
        assertThatThrownBy(() -> load(new HardwareChanges(List.of(), List.of(other))))
                .isInstanceOf(HardwareOverrideException.class)
                .hasMessage("hardware sheet " + other + " is of family 'wafer', which no installed plugin models;"
                        + " installed families: fixture");
    }

    @Test
    void aSheetDroppedIntoAPluginFolderThatNoPluginCanTakeIsSkippedWithAWarningNotRefused() throws IOException {
        Files.copy(sheet("clash.yaml", "fixture", "sheet-chip"), plugins.resolve("clash-hardware.yaml"));
        Files.copy(sheet("other.yaml", "wafer", "other-chip"), plugins.resolve("other-hardware.yaml"));

        HardwareRegistry registry = load(HardwareChanges.NONE);

        assertThat(registry.ids()).containsExactly("sheet-chip");
        assertThat(registry.problems()).extracting(PluginProblem::describe).containsExactlyInAnyOrder(
                "skipped hardware sheet " + plugins.resolve("clash-hardware.yaml") + ": hardware sheet "
                        + plugins.resolve("clash-hardware.yaml") + " adds chip 'sheet-chip', which is already"
                        + " installed (org/splitinfer/core/testing/sheet-chip.yaml); give it a new id",
                "skipped hardware sheet " + plugins.resolve("other-hardware.yaml") + ": hardware sheet "
                        + plugins.resolve("other-hardware.yaml") + " is of family 'wafer', which no installed plugin"
                        + " models; installed families: fixture");
    }

    @Test
    void theSameSheetGivenTwiceIsNamedAsSuch() throws IOException {
        Path added = sheet("added.yaml", "fixture", "added-chip");

        assertThatThrownBy(() -> load(new HardwareChanges(List.of(), List.of(added, added))))
                .isInstanceOf(HardwareOverrideException.class)
                .hasMessage("hardware sheet " + added + " adds chip 'added-chip', which --hardware-sheet " + added
                        + " adds too; give each sheet once, or the chip a new id");
    }

    @Test
    void derivedChipsChainInWhateverOrderTheFlagsCome() {
        // b is derived from a, which is derived from sheet-chip: given b first, a is still copied before it
        HardwareRegistry registry = load(new HardwareChanges(List.of(
                FigureOverride.parse("a@b.hbm.bytesPerSecond=7e12"),
                FigureOverride.parse("sheet-chip@a.hbm.bytesPerSecond=6e12")), List.of()));

        assertThat(registry.ids()).containsExactly("a", "b", "sheet-chip");
        assertThat(registry.get("b").memory().tiers().get(0).bytesPerSecond()).isEqualTo(7e12);
    }

    @Test
    void oneFigureSetTwiceIsRefusedRatherThanSilentlyOverwritten() {
        assertThatThrownBy(() -> load(new HardwareChanges(List.of(
                FigureOverride.parse("sheet-chip.hbm.bytesPerSecond=6e12"),
                FigureOverride.parse("sheet-chip.hbm.bytesPerSecond=7e12")), List.of())))
                .isInstanceOf(HardwareOverrideException.class)
                .hasMessage("--set sheet-chip.hbm.bytesPerSecond=6e+12 and --set"
                        + " sheet-chip.hbm.bytesPerSecond=7e+12 both set hbm.bytesPerSecond of 'sheet-chip';"
                        + " give each figure once");
    }

    @Test
    void aMalformedAddedSheetIsRefusedWithTheParsersWords() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.yaml"), "family: fixture\nsources: []\naccelerators: []\n");
        assertThatThrownBy(() -> load(new HardwareChanges(List.of(), List.of(bad))))
                .isInstanceOf(HardwareOverrideException.class)
                .hasMessageContaining("accelerators: required, a non-empty list");
    }
}
