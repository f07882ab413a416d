package org.splitinfer.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.band.ResidualFile;
import org.splitinfer.core.band.ResidualTable;
import org.splitinfer.core.calibration.CalibrationResult;
import org.splitinfer.core.calibration.EstimatorCasePredictor;
import org.splitinfer.core.calibration.FittedParameter;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.cost.StackProfile;
import org.splitinfer.core.calibration.ServingCalibrationFit;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.core.cost.ServingCalibrationFile;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.validate.CaseOutcome;
import org.splitinfer.core.validate.LeaveOneOut;
import org.splitinfer.core.validate.ValidationCase;
import org.splitinfer.core.validate.ValidationCases;
import org.splitinfer.core.validate.ValidationReport;
import org.splitinfer.core.validate.Validator;

/**
 * The calibration against the shipped cases, with the real plugins: the fit is reproducible, obeys its own rules,
 * and the predictions meet the project's accuracy targets (overall median ≤ 25%, each family's ≤ 50%, no case off
 * by more than 3×, leave-one-out median ≤ 35%).
 */
class CalibrationTest {
    private static HardwareRegistry hardware;
    private static ModelCatalog catalog;
    private static List<ValidationCase> cases;
    /** Leave-one-out refits once per case (tens of seconds): run once, for the tests that need it. */
    private static ValidationReport leaveOneOut;
    /** The fit on every case (seconds): run once, for the tests that read it. */
    private static CalibrationResult fit;

    @BeforeAll
    static void load() {
        hardware = new HardwareLoader().load(PluginSearchPath.classPathOnly());
        catalog = ModelCatalog.builtIn();
        cases = ValidationCases.builtIn();
    }

    private static String family(String hardwareId) {
        return hardware.get(hardwareId).spec().family().name();
    }

    @Test
    void theFitReproducesTheShippedParameters() throws IOException {
        CalibrationResult result = fit();

        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ServingCalibrationFile.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the header comment says how the file was made; everything from "stacks:" on is the fit's output
        String fitted = ServingCalibrationFile.render(result.calibration(), "reproduced by the test");
        assertThat(fitted.substring(fitted.indexOf("stacks:"))).isEqualTo(shipped.substring(shipped.indexOf("stacks:")));
    }

    @Test
    void everyParameterIsBoundedAndDrawsOnAtLeastThreeCasesPerParameter() {
        CalibrationResult result = fit();

        assertThat(result.parameters()).isNotEmpty();
        assertThat(result.parameters().size() * 3).isLessThanOrEqualTo(result.cases());
        for (FittedParameter parameter : result.parameters()) {
            assertThat(parameter.value()).as(parameter.name())
                    .isBetween(parameter.lowerBound(), parameter.upperBound());
            long sameCases = result.parameters().stream().filter(p -> p.cases().equals(parameter.cases())).count();
            assertThat(parameter.cases().size()).as("cases %s draws on", parameter.name())
                    .isGreaterThanOrEqualTo(3 * (int) sameCases);
        }
    }

    @Test
    void theGalaxyImplementationFitsItsOwnProfileWithAnAttentionCeilingOnTopOfTtMetals() {
        CalibrationResult result = fit();
        Map<String, FittedParameter> own = new java.util.TreeMap<>();
        result.parameters().stream().filter(p -> p.name().startsWith("riscv.tt-metal/llama3_70b_galaxy."))
                .forEach(p -> own.put(p.name().substring("riscv.tt-metal/llama3_70b_galaxy.".length()), p));
        StackProfile parent = result.calibration().stacks().get("tt-metal").get("riscv");
        StackProfile galaxy = result.calibration().stacks().get("tt-metal/llama3_70b_galaxy").get("riscv");

        // ten Galaxy cases: an efficiency and an overhead of its own, and one parameter more (10 ÷ 3 − 2 = 1), the
        // attention ceiling, drawn on its five prefills of 8K tokens or more
        assertThat(own.keySet()).containsExactlyInAnyOrder("kernelEfficiency", "stepOverheadSeconds",
                "attentionEfficiency");
        assertThat(own.get("kernelEfficiency").cases()).hasSize(10);
        assertThat(own.get("attentionEfficiency").cases()).containsExactlyInAnyOrder(
                "tt-galaxy-llama3.3-70b-prefill-8k", "tt-galaxy-llama3.3-70b-prefill-16k",
                "tt-galaxy-llama3.3-70b-prefill-32k", "tt-galaxy-llama3.3-70b-prefill-64k",
                "tt-galaxy-llama3.3-70b-prefill-128k");
        // the table's TTFT per prompt token grows as 0.125 ms + 5.0e-9 s × length, so attention's quadratic part of
        // the 32K prefill is 5.0e-9 × 32,768² = 5.37 s for 80 layers × 4 × (32,768 × 32,769 ÷ 2) pairs × 64 heads ×
        // 128 ÷ 32 chips = 4.40e13 FLOPs a chip: 8.2 TFLOP/s, 0.111 of Wormhole's 74 TFLOP/s bf16 peak; the fit
        // lands near it
        assertThat(galaxy.attentionEfficiency()).isCloseTo(0.111, within(0.02));
        // tt-metal's prefill efficiency, which the Galaxy's cases did not fit beside the ceiling, is its parent's
        assertThat(galaxy.prefillKernelEfficiency()).isEqualTo(parent.prefillKernelEfficiency());
        // its cases all run Llama 70B (80 layers), where a fixed cost per step and a time per layer are one number:
        // an overhead of its own stands for both, and tt-metal's time per layer is not added to it
        assertThat(parent.layerSeconds()).isPositive();
        assertThat(galaxy.layerSeconds()).isZero();
        // likewise at one tensor-parallel degree (32): tt_transformers' ring steps, fitted on its 2- and 8-chip cases,
        // are not the Galaxy Llama's, whose collectives are its own; 2 × 31 steps × 160 all-reduces of a 70B decode
        // step would add 9,920 steps of the parent's latency to a 13.8 ms step
        assertThat(parent.ringStepSeconds()).isPositive();
        assertThat(galaxy.ringStepSeconds()).isZero();
        assertThat(own).doesNotContainKey("ringStepSeconds");
    }

    @Test
    void groqsTimePerLayerIsTheVendorApiStacksOnTheLpuAndItsOverheadIsFittedOnceOnEveryFamily() {
        CalibrationResult result = fit();
        Map<String, FittedParameter> byName = new java.util.TreeMap<>();
        result.parameters().forEach(p -> byName.put(p.name(), p));
        List<String> groq = cases.stream().filter(c -> c.hardware().equals("groq-lpu-v1")).map(ValidationCase::id)
                .toList();
        List<String> vendorApi = cases.stream().filter(c -> "vendor-api".equals(c.software())
                && c.speculative() == null).map(ValidationCase::id).toList();

        // the compiled program's time per layer is fitted on the Groq cases, bounded, like any stack parameter
        // (so leave-one-out refits it), and no longer sits in the chip's sheet
        FittedParameter layer = byName.get("lpu.vendor-api.layerSeconds");
        assertThat(layer).isNotNull();
        assertThat(layer.cases()).containsExactlyInAnyOrderElementsOf(groq).hasSize(5);
        assertThat(layer.value()).isBetween(10e-6, 50e-6);
        assertThat(hardware.get("groq-lpu-v1").spec().figures())
                .noneMatch(f -> f.name().equals("layer.scheduleSeconds"));
        // the stack's overhead is its host's: one parameter on its cases of every family (5 LPU, 2 wafer, 1 RDU),
        // which the LPU profile carries and the families without a profile of their own take
        FittedParameter overhead = byName.get("all-families.vendor-api.stepOverheadSeconds");
        assertThat(overhead.cases()).containsExactlyInAnyOrderElementsOf(vendorApi).hasSize(8);
        assertThat(result.calibration().stacks().get("vendor-api").get("lpu").stepOverheadSeconds())
                .isEqualTo(overhead.value());
        assertThat(result.calibration().stackOverheads().get("vendor-api")).isEqualTo(overhead.value());
        // two parameters on eight cases: within one per three
        assertThat(byName.keySet()).filteredOn(name -> name.contains("vendor-api")).hasSize(2);
    }

    @Test
    void theShippedCalibrationMeetsTheAccuracyTargets() {
        ValidationReport report = Validator.validate(cases,
                new EstimatorCasePredictor(hardware, catalog, ServingCalibration.shipped()), CalibrationTest::family);

        assertThat(report.problemCount()).isZero();
        assertThat(report.medianError().orElseThrow()).isLessThanOrEqualTo(0.25);
        for (Map.Entry<String, ValidationReport.FamilyError> family : report.familyErrors().entrySet()) {
            assertThat(family.getValue().medianError()).as("median error of family %s", family.getKey())
                    .isLessThanOrEqualTo(0.5);
        }
        for (CaseOutcome.Predicted outcome : report.predicted()) {
            assertThat(outcome.logError()).as("%s off by %.2f×", outcome.validationCase().id(),
                    outcome.predicted() / outcome.measured()).isLessThanOrEqualTo(Math.log(3));
        }
    }

    private static synchronized CalibrationResult fit() {
        if (fit == null) {
            fit = new ServingCalibrationFit(hardware, catalog).fitWithReport(cases);
        }
        return fit;
    }

    private static synchronized ValidationReport leaveOneOut() {
        if (leaveOneOut == null) {
            leaveOneOut = LeaveOneOut.run(cases, new ServingCalibrationFit(hardware, catalog),
                    CalibrationTest::family);
        }
        return leaveOneOut;
    }

    @Test
    void theShippedResidualsAreWhatLeaveOneOutGivesToday() throws IOException {
        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ResidualFile.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fresh = ResidualFile.render(ResidualTable.fromLeaveOneOut(leaveOneOut()), "reproduced by the test");

        // the header says how the file was made; everything from the line "residuals:" on is leave-one-out's output. A change
        // to the cases or the physics changes it: regenerate with the command in its header
        assertThat(fresh.substring(fresh.indexOf("\nresiduals:")))
                .as("the shipped %s; regenerate: ./splitinfer calibrate --write-bands core/src/main/resources/%s",
                        ResidualFile.RESOURCE, ResidualFile.RESOURCE)
                .isEqualTo(shipped.substring(shipped.indexOf("\nresiduals:")));
    }

    @Test
    void leaveOneOutGeneralises() {
        ValidationReport report = leaveOneOut();

        assertThat(report.problemCount()).isZero();
        assertThat(report.medianError().orElseThrow()).isLessThanOrEqualTo(0.35);
    }
}
