package org.splitinfer.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.spi.Family;

class ServingCalibrationFileTest {
    /** VALID's tt-metal profile on riscv chips. */
    private static final StackProfile TT_METAL = new StackProfile(0.4, 0.0025).withPrefillKernelEfficiency(0.3)
            .withSequenceSeconds(0.0003);
    private static final String VALID = """
            stacks:
              vllm:
                gpu: {kernelEfficiency: 0.8, stepOverheadSeconds: 0.002}
              tt-metal:
                riscv: {kernelEfficiency: 0.4, stepOverheadSeconds: 0.0025, prefillKernelEfficiency: 0.3, sequenceSeconds: 0.0003}
            stackOverheads:
              vendor-api: 0.0004
            unknownStack:
              gpu: {kernelEfficiency: 0.7, stepOverheadSeconds: 0}
            familyStacks:
              riscv: tt-metal
            collectiveStepSeconds:
              gpu: 2.0e-06
            """;

    @Test
    void whatCalibrateWritesReadsBackEqual(@TempDir Path folder) throws IOException {
        ServingCalibration shipped = ServingCalibration.shipped();
        Path file = folder.resolve("calibration.yaml");
        Files.writeString(file, ServingCalibrationFile.render(shipped, "a header"));

        assertThat(ServingCalibrationFile.read(file)).isEqualTo(shipped);
    }

    @Test
    void aValidFileGivesItsParameters() {
        ServingCalibration calibration = ServingCalibrationFile.parse("c.yaml", VALID);

        assertThat(calibration.stacks()).isEqualTo(Map.of("vllm", Map.of("gpu", new StackProfile(0.8, 0.002)),
                "tt-metal", Map.of("riscv", TT_METAL)));
        // a profile without a prefill efficiency runs prefill at its one efficiency
        assertThat(calibration.stacks().get("vllm").get("gpu").prefillKernelEfficiency()).isEqualTo(0.8);
        assertThat(calibration.unknownStack()).isEqualTo(Map.of("gpu", new StackProfile(0.7, 0)));
        assertThat(calibration.collectiveStepSeconds()).isEqualTo(Map.of("gpu", 2.0e-06));
    }

    @Test
    void aStackWithoutItsOwnProfileOnAFamilyTakesThatFamilysEfficiencyNeverAnothers() {
        ServingCalibration calibration = ServingCalibrationFile.parse("c.yaml", VALID);

        // vllm on gpu: its own; vllm on lpu: no lpu profile at all, so the lpu's efficiency (the plain model's 1, not
        // the gpu's 0.7 or 0.8) with vllm's own step overhead, 0.002 s on its one other family
        assertThat(calibration.profile("vllm", Family.GPU)).isEqualTo(new StackProfile(0.8, 0.002));
        assertThat(calibration.profile("sglang", Family.GPU)).isEqualTo(new StackProfile(0.7, 0));
        assertThat(calibration.profile(null, Family.GPU)).isEqualTo(new StackProfile(0.7, 0));
        assertThat(calibration.profile("vllm", Family.LPU)).isEqualTo(new StackProfile(1, 0.002));
        // vendor-api has no profile of its own anywhere: each family's efficiency, with the stack's overhead
        assertThat(calibration.profile("vendor-api", Family.GPU)).isEqualTo(new StackProfile(0.7, 0.0004));
        assertThat(calibration.profile("vendor-api", Family.WAFER)).isEqualTo(new StackProfile(1, 0.0004));
        // riscv has no profile for unknown stacks: an unnamed or unknown stack gets its usual stack's, tt-metal's
        assertThat(calibration.profile(null, Family.RISCV)).isEqualTo(TT_METAL);
        assertThat(calibration.profile("sglang", Family.RISCV)).isEqualTo(TT_METAL);
        assertThat(calibration.applied("vllm", Family.GPU).source()).isEqualTo(ProfileSource.OWN);
        assertThat(calibration.applied("vllm", Family.LPU).source()).isEqualTo(ProfileSource.STACK_OVERHEAD);
        assertThat(calibration.applied("sglang", Family.LPU).source()).isEqualTo(ProfileSource.PLAIN_MODEL);
        assertThat(calibration.applied("vendor-api", Family.GPU).source()).isEqualTo(ProfileSource.STACK_OVERHEAD);
        assertThat(calibration.applied(null, Family.RISCV))
                .isEqualTo(new AppliedProfile(TT_METAL, ProfileSource.FAMILY_STACK,
                        "tt-metal"));
    }

    @Test
    void aStacksOverheadOnAFamilyWithoutItsProfileIsTheMedianOfItsOwnElsewhere() {
        // vllm has profiles on gpu (0.002 s a step) and rdu (0.004 s): on an lpu, the median of the two, 0.003 s,
        // at the lpu's efficiency (the plain model's: the file has no lpu profile for unknown stacks)
        ServingCalibration calibration = ServingCalibrationFile.parse("c.yaml", VALID.replace(
                "    gpu: {kernelEfficiency: 0.8, stepOverheadSeconds: 0.002}\n",
                "    gpu: {kernelEfficiency: 0.8, stepOverheadSeconds: 0.002}\n"
                        + "    rdu: {kernelEfficiency: 0.9, stepOverheadSeconds: 0.004}\n"));

        assertThat(calibration.applied("vllm", Family.LPU)).isEqualTo(new AppliedProfile(
                new StackProfile(1, (0.002 + 0.004) / 2), ProfileSource.STACK_OVERHEAD, "vllm"));
        // a fitted overhead on the families without the stack's profile comes first
        assertThat(calibration.profile("vendor-api", Family.LPU)).isEqualTo(new StackProfile(1, 0.0004));
    }

    @Test
    void aVariantOfAStackRunsWithItsOwnProfileOrElseItsParents() {
        ServingCalibration calibration = ServingCalibrationFile.parse("c.yaml", VALID.replace("stackOverheads:",
                """
                  tt-metal/llama3_70b_galaxy:
                    riscv: {kernelEfficiency: 0.4, stepOverheadSeconds: 0.001, prefillKernelEfficiency: 0.3}
                stackOverheads:"""));

        assertThat(calibration.profile("tt-metal/llama3_70b_galaxy", Family.RISCV))
                .isEqualTo(new StackProfile(0.4, 0.001).withPrefillKernelEfficiency(0.3));
        // a variant the calibration never saw is served as the stack it varies
        assertThat(calibration.applied("tt-metal/some_new_demo", Family.RISCV))
                .isEqualTo(new AppliedProfile(TT_METAL, ProfileSource.OWN,
                        "tt-metal/some_new_demo"));
    }

    @Test
    void aStacksTimePerLayerIsReadAndANegativeOneRefused() {
        String groq = VALID.replace("stackOverheads:", """
                  vendor-api:
                    lpu: {kernelEfficiency: 1.0, stepOverheadSeconds: 0.0004, layerSeconds: 2.8e-05}
                stackOverheads:""");

        assertThat(ServingCalibrationFile.parse("c.yaml", groq).profile("vendor-api", Family.LPU))
                .isEqualTo(new StackProfile(1, 0.0004).withLayerSeconds(2.8e-5));
        assertThatThrownBy(() -> ServingCalibrationFile.parse("c.yaml", groq.replace("2.8e-05", "-1.0e-06")))
                .isInstanceOf(CalibrationFileException.class)
                .hasMessage("c.yaml has 1 problem: stacks.vendor-api.lpu.layerSeconds: must be a number in [0.0, 1.0],"
                        + " got '-1.0E-6'; see ServingCalibrationFile for the schema");
    }

    @Test
    void aStacksAttentionCeilingIsReadWrittenBackAndAZeroOneRefused() {
        String galaxy = VALID.replace("stackOverheads:", """
                  tt-metal/llama3_70b_galaxy:
                    riscv: {kernelEfficiency: 0.8, stepOverheadSeconds: 0.0, attentionEfficiency: 0.1}
                stackOverheads:""");

        ServingCalibration calibration = ServingCalibrationFile.parse("c.yaml", galaxy);
        assertThat(calibration.profile("tt-metal/llama3_70b_galaxy", Family.RISCV))
                .isEqualTo(new StackProfile(0.8, 0).withAttentionEfficiency(0.1));
        // left out, it caps nothing
        assertThat(calibration.profile("vllm", Family.GPU).attentionEfficiency()).isEqualTo(1);
        assertThat(ServingCalibrationFile.parse("c.yaml", ServingCalibrationFile.render(calibration, "")))
                .isEqualTo(calibration);
        assertThatThrownBy(() -> ServingCalibrationFile.parse("c.yaml", galaxy.replace("attentionEfficiency: 0.1",
                "attentionEfficiency: 0")))
                .isInstanceOf(CalibrationFileException.class)
                .hasMessage("c.yaml has 1 problem: stacks.tt-metal/llama3_70b_galaxy.riscv.attentionEfficiency: must"
                        + " be a number in (0.0, 1.0], got '0'; see ServingCalibrationFile for the schema");
    }

    @Test
    void aProfileUnderANameThatIsNoFamilysIsRefused() {
        String bad = VALID.replace("  gpu: {kernelEfficiency: 0.7", "  GPU cards: {kernelEfficiency: 0.7");

        assertThatThrownBy(() -> ServingCalibrationFile.parse("c.yaml", bad))
                .hasMessage("c.yaml has 1 problem: unknownStack.GPU cards: not an accelerator family's name (gpu, lpu,"
                        + " wafer, rdu, optical, riscv, ...); see ServingCalibrationFile for the schema");
    }

    @Test
    void everyParameterOutOfItsRangeIsNamedAtOnce() {
        // before: stepOverheadSeconds accepted infinity (only >= 0 was checked)
        String bad = VALID.replace("0.8,", "1.5,").replace("stepOverheadSeconds: 0}", "stepOverheadSeconds: 1e999}")
                .replace("2.0e-06", "'fast'").replace("prefillKernelEfficiency: 0.3", "prefillKernelEfficiency: 0");

        assertThatThrownBy(() -> ServingCalibrationFile.parse("c.yaml", bad))
                .isInstanceOf(CalibrationFileException.class)
                .hasMessage("c.yaml has 4 problems: stacks.vllm.gpu.kernelEfficiency: must be a number in (0.0, 1.0],"
                        + " got '1.5'; stacks.tt-metal.riscv.prefillKernelEfficiency: must be a number in (0.0, 1.0],"
                        + " got '0'; unknownStack.gpu.stepOverheadSeconds: must be a number in [0.0, 1.0], got"
                        + " 'Infinity';"
                        + " collectiveStepSeconds.gpu: must be a number in [0.0, 1.0], got 'fast'; see"
                        + " ServingCalibrationFile for the schema");
    }

    @Test
    void unknownAndRepeatedKeysAreRefused() {
        assertThatThrownBy(() -> ServingCalibrationFile.parse("c.yaml", VALID + "stack: {}\n"))
                .hasMessageContaining("stack: unknown key; did you mean 'stacks'?");
        assertThatThrownBy(() -> ServingCalibrationFile.parse("c.yaml", VALID + "stacks: {}\n"))
                .hasMessage("c.yaml:14:7: key 'stacks' appears twice in one mapping; keep one");
    }
}
