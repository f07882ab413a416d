package org.splitinfer.facade;

import org.splitinfer.core.cost.ProfileSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.UnknownModelException;

/** The entry point a library user starts from, with the plugins on the class path. */
class SplitInferTest {
    private static final PipelineSpec GPU_LPU = PipelineSpec.split(PoolSpec.of("h100-sxm", 8).withPrecision("fp8"),
            PoolSpec.auto("groq-lpu-v1").withPrecision("int8"));
    private static final Workload CHAT = Workload.closedLoop(2000, 300, 32);

    @Test
    void createFindsThePluginsOnTheClassPath() {
        SplitInfer splitInfer = SplitInfer.create();

        assertThat(splitInfer.hardware().ids()).contains("h100-sxm", "groq-lpu-v1", "cerebras-wse3",
                "sambanova-sn40l", "lumai-tetra-2029", "tt-wormhole-galaxy");
        assertThat(splitInfer.hardware().problems()).isEmpty();
        assertThat(splitInfer.models().ids()).contains("llama-3.1-70b");
    }

    @Test
    void itsEstimateIsTheEstimatorWiredWithTheShippedDefaults() {
        Estimate fromFacade = SplitInfer.create().estimate("llama-3.1-70b", GPU_LPU, CHAT);
        Estimator byHand = new Estimator(new HardwareLoader().load(PluginSearchPath.classPathOnly()),
                LinkCatalog.builtIn(), CostAssumptions.DEFAULT, ServingCalibration.shipped());

        assertThat(fromFacade).isEqualTo(byHand.estimate(ModelCatalog.builtIn().get("llama-3.1-70b"), GPU_LPU, CHAT));
        assertThat(fromFacade.pipeline()).isEqualTo(PipelineKind.SPLIT);
        assertThat(fromFacade.phases()).extracting(p -> p.role()).containsExactly(PoolRole.PREFILL, PoolRole.DECODE);
    }

    @Test
    void anEntryPointWithWhatIfFiguresKeepsTheErrorBandsOfItsCalibration() {
        SplitInfer base = SplitInfer.create();
        SplitInfer faster = base.withOverrides(List.of("h100-sxm.hbm.bytesPerSecond=6e12"));

        assertThat(base.bands()).isPresent();
        assertThat(faster.bands()).isPresent();
        assertThat(faster.hardware().get("h100-sxm").spec().figures()).anyMatch(f -> f.name()
                .equals("hbm.bytesPerSecond") && f.value() == 6e12);
        // the same list gives the same entry point: a sweep's points share their loaded plugins
        assertThat(base.withOverrides(List.of("h100-sxm.hbm.bytesPerSecond=6e12"))).isSameAs(faster);
    }

    @Test
    void theBuilderReplacesADefault() {
        PipelineSpec gpu = PipelineSpec.colocated(PoolSpec.of("h100-sxm", 8).withPrecision("fp8"));
        Estimate plain = SplitInfer.builder().calibration(ServingCalibration.NONE).build()
                .estimate("llama-3.1-70b", gpu, CHAT);
        Estimate calibrated = SplitInfer.create().estimate("llama-3.1-70b", gpu, CHAT);

        // the GPU family's unknown-stack profile runs kernels at a fitted fraction (< 1) of the modelled speed
        assertThat(plain.tpotSeconds()).isLessThan(calibrated.tpotSeconds());
        assertThat(plain.assumptions()).first().isEqualTo(new Assumption.StackProfileApplied(null, "gpu",
                ProfileSource.PLAIN_MODEL, null, 1, 0));
    }

    @Test
    void pluginsComeOnlyFromTheSearchPathGiven(@TempDir Path empty) {
        SplitInfer none = SplitInfer.builder().searchPath(new PluginSearchPath(false, List.of(empty))).build();

        assertThat(none.hardware().ids()).isEmpty();
        assertThatThrownBy(() -> none.estimate("llama-3.1-70b", GPU_LPU, CHAT))
                .isInstanceOf(SplitInferException.class)
                .hasMessageStartingWith("unknown accelerator 'groq-lpu-v1'");
    }

    @Test
    void anUnknownModelIsTheCallersToFix() {
        assertThatThrownBy(() -> SplitInfer.create().estimate("llama-9", GPU_LPU, CHAT))
                .isInstanceOf(UnknownModelException.class)
                .isInstanceOf(SplitInferException.class);
    }

    @Test
    void theReadmeShowsTheLibraryExampleThatTheBuildCompilesAndRuns() throws Exception {
        // the example under examples/library-usage is built against the staged artifacts by the invoker build;
        // this keeps the README's copy of it word for word the same
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        String example = Files.readString(root.resolve(
                "examples/library-usage/src/main/java/com/example/capacity/SplitEstimate.java"));
        String body = example.substring(example.indexOf("        SplitInfer splitInfer"),
                example.indexOf("    }\n}"));
        String readme = Files.readString(root.resolve("README.md"));

        String unindented = body.lines().map(line -> line.substring(Math.min(8, line.length())))
                .collect(Collectors.joining("\n"));

        assertThat(body.lines().count()).isLessThanOrEqualTo(10);
        assertThat(readme).contains(unindented);
    }
}
