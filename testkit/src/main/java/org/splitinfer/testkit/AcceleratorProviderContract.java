package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.OperandClass;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Source;
import org.splitinfer.spi.SpiVersion;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.TierUsage;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * The compatibility kit. A plugin's test extends it in a few lines:
 *
 * <pre>{@code
 * class AcmePluginCompatibilityTest extends AcceleratorProviderContract {
 *     @Override
 *     protected Class<? extends AcceleratorProvider> providerType() {
 *         return AcmePlugin.class;
 *     }
 * }
 * }</pre>
 *
 * It loads the provider exactly as the host does (ServiceLoader, then the host's strict hardware-sheet parser) and
 * checks what every plugin owes the host: well-formed unique ids; every figure positive with a dated source or a
 * marked assumption; kernel time never below the roofline bound max(FLOPs ÷ peak, bytes ÷ tier bandwidth), which
 * catches unit slips such as GB/GiB or Gb/GB; time monotone in FLOPs and bytes; placements within each tier's
 * capacity; power between idle and peak; collectives free for one chip and monotone in bytes; repeatable results.
 */
public abstract class AcceleratorProviderContract {
    /** Relative slack for floating-point comparisons. */
    private static final double SLACK = 1e-9;

    private AcceleratorProvider provider;
    private List<Accelerator> accelerators;

    /** @return the plugin's entry class, as registered with {@code @AutoService(AcceleratorProvider.class)} */
    protected abstract Class<? extends AcceleratorProvider> providerType();

    /** Loads the provider through ServiceLoader and asks it for its accelerators, as the host does. */
    @BeforeEach
    final void loadProviderAsTheHostDoes() {
        provider = ServiceLoader.load(AcceleratorProvider.class, providerType().getClassLoader()).stream()
                .filter(p -> p.type().equals(providerType()))
                .map(ServiceLoader.Provider::get)
                .findFirst()
                .orElse(null);
        assertThat(provider)
                .as("ServiceLoader finds %s: annotate it @AutoService(AcceleratorProvider.class) and list auto-service"
                        + " in the compiler's annotationProcessorPaths", providerType().getName())
                .isNotNull();
        accelerators = provider.accelerators(HardwareLoader.contextFor(providerType().getClassLoader()));
    }

    /** @return the accelerators the provider gave, for subclasses' own checks */
    protected final List<Accelerator> accelerators() {
        return accelerators;
    }

    @Test
    void entryClassIsFinalWithAPublicNoArgumentConstructor() throws NoSuchMethodException {
        assertThat(Modifier.isFinal(providerType().getModifiers())).as("%s is final", providerType()).isTrue();
        assertThat(Modifier.isPublic(providerType().getConstructor().getModifiers())).isTrue();
    }

    @Test
    void providerWasBuiltForThisSpi() {
        assertThat(provider.spiVersion().canRunOn(SpiVersion.current()))
                .as("plugin built for SPI %s runs on SPI %s", provider.spiVersion(), SpiVersion.current())
                .isTrue();
    }

    @Test
    void acceleratorIdsAreUniqueWellFormedAndOfTheProvidersFamily() {
        assertThat(accelerators).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Accelerator accelerator : accelerators) {
            AcceleratorSpec spec = accelerator.spec();
            assertThat(ids.add(spec.id())).as("id %s is unique", spec.id()).isTrue();
            assertThat(spec.id()).matches("[a-z0-9][a-z0-9._-]*");
            assertThat(spec.family()).as("%s family", spec.id()).isEqualTo(provider.family());
        }
    }

    @Test
    void everyFigureIsPositiveWithADatedSourceOrAMarkedAssumption() {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            AcceleratorSpec spec = accelerator.spec();
            softly.assertThat(spec.figures()).as("%s has figures", spec.id()).isNotEmpty();
            for (Figure figure : spec.figures()) {
                softly.assertThat(figure.value()).as("%s %s", spec.id(), figure.name()).isPositive();
                if (!figure.isAssumption()) {
                    Source source = spec.source(figure.sourceId()).orElse(null);
                    softly.assertThat(source).as("%s %s cites a source of the spec", spec.id(), figure.name())
                            .isNotNull();
                    if (source != null) {
                        softly.assertThat(source.document()).isNotBlank();
                        softly.assertThat(source.date()).matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
                    }
                } else {
                    softly.assertThat(figure.assumption()).as("%s %s rationale", spec.id(), figure.name())
                            .isNotBlank();
                }
            }
            accelerator.price().ifPresent(price -> {
                price.purchaseUsd().ifPresent(v -> softly.assertThat(v).isPositive());
                price.usdPerChipHour().ifPresent(v -> softly.assertThat(v).isPositive());
            });
        }
        softly.assertAll();
    }

    @Test
    void kernelTimeIsNeverBelowTheRooflineBound() {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            Roofline roofline = accelerator.roofline();
            for (Precision precision : roofline.computePrecisions()) {
                double peak = roofline.peakFlopsPerSecond(precision);
                softly.assertThat(peak).as("%s peak %s", accelerator.id(), precision).isPositive();
                for (Residency residency : residencies(accelerator.memory())) {
                    for (Kernel kernel : SampleKernels.in(precision)) {
                        double seconds = roofline.kernelSeconds(kernel, residency);
                        double bound = kernel.count() * Math.max(kernel.flops() / peak,
                                memorySeconds(kernel.bytesMoved(), residency, accelerator.memory()));
                        softly.assertThat(seconds)
                                .as("%s %s %s in %s: time %s s vs roofline bound %s s", accelerator.id(),
                                        kernel.name(), precision, residency, seconds, bound)
                                .isFinite()
                                .isGreaterThanOrEqualTo(bound * (1 - SLACK));
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void kernelTimeIsMonotoneInFlopsAndBytes() {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            Roofline roofline = accelerator.roofline();
            Residency residency = Residency.allIn(fastestFullSpeedTier(accelerator.memory()).name());
            for (Precision precision : roofline.computePrecisions()) {
                for (Kernel kernel : SampleKernels.in(precision)) {
                    double base = roofline.kernelSeconds(kernel, residency);
                    Kernel moreFlops = new Kernel(kernel.name(), kernel.kind(), kernel.count(), kernel.flops() * 2,
                            precision, kernel.bytesRead(), kernel.bytesWritten(), kernel.shape());
                    Kernel moreBytes = new Kernel(kernel.name(), kernel.kind(), kernel.count(), kernel.flops(),
                            precision, kernel.bytesRead().times(2), kernel.bytesWritten(), kernel.shape());
                    softly.assertThat(roofline.kernelSeconds(moreFlops, residency))
                            .as("%s %s with twice the FLOPs", accelerator.id(), kernel.name())
                            .isGreaterThanOrEqualTo(base * (1 - SLACK));
                    softly.assertThat(roofline.kernelSeconds(moreBytes, residency))
                            .as("%s %s with twice the bytes read", accelerator.id(), kernel.name())
                            .isGreaterThanOrEqualTo(base * (1 - SLACK));
                    softly.assertThat(roofline.kernelSeconds(kernel.withCount(kernel.count() * 2), residency))
                            .as("%s %s twice as often", accelerator.id(), kernel.name())
                            .isGreaterThanOrEqualTo(base * (1 - SLACK));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aPrecisionTheChipCannotRunIsRefused() {
        Precision alien = new Precision("kit-alien-format", 3);
        for (Accelerator accelerator : accelerators) {
            Kernel kernel = SampleKernels.in(alien).get(0);
            Residency residency = Residency.allIn(fastestFullSpeedTier(accelerator.memory()).name());
            assertThatThrownBy(() -> accelerator.roofline().kernelSeconds(kernel, residency))
                    .as("%s refuses %s", accelerator.id(), alien)
                    .isInstanceOf(UnsupportedPrecisionException.class);
            assertThatThrownBy(() -> accelerator.roofline().peakFlopsPerSecond(alien))
                    .isInstanceOf(UnsupportedPrecisionException.class);
        }
    }

    @Test
    void stepTimeIsNeverBelowTheStepsRooflineBound() {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            Roofline roofline = accelerator.roofline();
            MemoryModel memory = accelerator.memory();
            Residency residency = Residency.allIn(fastestFullSpeedTier(memory).name());
            for (Precision precision : roofline.computePrecisions()) {
                List<Kernel> kernels = SampleKernels.in(precision);
                for (int pipeline : new int[] {1, 4}) {
                    Step step = new Step(Phase.PREFILL, kernels, residency, new ParallelLayout(1, pipeline, 1, 1),
                            80 / pipeline, 1);
                    StepTiming timing = roofline.stepTiming(step);
                    double flops = 0;
                    OperandBytes bytes = OperandBytes.NONE;
                    for (Kernel kernel : kernels) {
                        flops += kernel.totalFlops();
                        bytes = bytes.plus(kernel.bytesMoved().times(kernel.count()));
                    }
                    double stageBound = Math.max(flops / roofline.peakFlopsPerSecond(precision),
                            memorySeconds(bytes, residency, memory));
                    softly.assertThat(timing.intervalSeconds())
                            .as("%s step interval, %d stages", accelerator.id(), pipeline)
                            .isGreaterThanOrEqualTo(stageBound * (1 - SLACK));
                    softly.assertThat(timing.latencySeconds())
                            .as("%s step latency, %d stages", accelerator.id(), pipeline)
                            .isGreaterThanOrEqualTo(stageBound * pipeline * (1 - SLACK));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void placementsNeverExceedATiersCapacity() {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            MemoryModel memory = accelerator.memory();
            for (Footprint footprint : sampleFootprints()) {
                for (int chips : new int[] {1, 8, 64, 512}) {
                    List<Placement> placements = new ArrayList<>();
                    placements.add(memory.place(footprint, chips));
                    placements.addAll(memory.alternatives(footprint, chips));
                    for (Placement placement : placements) {
                        softly.assertThat(placement.chips()).isEqualTo(chips);
                        for (TierUsage usage : placement.perChip()) {
                            MemoryTier tier = memory.tier(usage.tier());
                            softly.assertThat(usage.totalBytes())
                                    .as("%s %s on %d chips: %s bytes in %s", accelerator.id(), placement.name(),
                                            chips, usage.totalBytes(), tier.name())
                                    .isLessThanOrEqualTo(tier.capacityBytes() * (1 + SLACK));
                            if (placement.fitsFullSpeed()) {
                                softly.assertThat(tier.fullSpeed())
                                        .as("%s %s fits at full speed yet uses %s", accelerator.id(),
                                                placement.name(), tier.name())
                                        .isTrue();
                                softly.assertThat(usage.totalBytes()).isLessThanOrEqualTo(
                                        tier.usableBytes() * (1 + SLACK));
                            }
                        }
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void minChipsIsTheFewestChipsThatFit() {
        for (Accelerator accelerator : accelerators) {
            MemoryModel memory = accelerator.memory();
            for (Footprint footprint : sampleFootprints()) {
                OptionalInt fewest = memory.minChips(footprint);
                if (fewest.isEmpty()) {
                    continue;
                }
                int chips = fewest.getAsInt();
                assertThat(memory.place(footprint, chips).fitsFullSpeed())
                        .as("%s fits %s on %d chips", accelerator.id(), footprint, chips).isTrue();
                if (chips > 1) {
                    assertThat(memory.place(footprint, chips - 1).fitsFullSpeed())
                            .as("%s does not fit %s on %d chips", accelerator.id(), footprint, chips - 1).isFalse();
                }
            }
        }
    }

    @Test
    void powerStaysBetweenIdleAndPeak() {
        for (Accelerator accelerator : accelerators) {
            PowerModel power = accelerator.power();
            assertThat(power.idleWatts()).as("%s idle", accelerator.id()).isPositive();
            assertThat(power.peakWatts()).as("%s peak", accelerator.id()).isGreaterThanOrEqualTo(power.idleWatts());
            assertThat(power.nodeOverheadWattsPerChip()).isGreaterThanOrEqualTo(0);
            double previous = 0;
            for (int step = 0; step <= 10; step++) {
                double watts = power.watts(step / 10.0);
                assertThat(watts).as("%s at utilisation %d/10", accelerator.id(), step)
                        .isBetween(power.idleWatts() * (1 - SLACK), power.peakWatts() * (1 + SLACK))
                        .isGreaterThanOrEqualTo(previous * (1 - SLACK));
                previous = watts;
            }
        }
    }

    @Test
    void collectivesAreFreeForOneChipAndGrowWithBytes() {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            var interconnect = accelerator.interconnect();
            softly.assertThat(interconnect.scaleUpDomainChips()).isPositive();
            softly.assertThat(interconnect.scaleUpBytesPerSecond()).isPositive();
            softly.assertThat(interconnect.scaleOutBytesPerSecond()).isPositive();
            for (CollectiveKind kind : List.of(CollectiveKind.ALL_REDUCE, CollectiveKind.ALL_GATHER,
                    CollectiveKind.REDUCE_SCATTER, CollectiveKind.ALL_TO_ALL)) {
                softly.assertThat(interconnect.collectiveSeconds(new Collective("kit", kind, 1e6, 1, 1)))
                        .as("%s %s over one chip", accelerator.id(), kind).isZero();
                for (int participants : new int[] {2, 8, 64}) {
                    double small = interconnect.collectiveSeconds(new Collective("kit", kind, 1e6, participants, 1));
                    double large = interconnect.collectiveSeconds(new Collective("kit", kind, 1e8, participants, 1));
                    softly.assertThat(small).as("%s %s small", accelerator.id(), kind).isFinite().isPositive();
                    softly.assertThat(large).as("%s %s on %d chips grows with bytes", accelerator.id(), kind,
                            participants).isGreaterThanOrEqualTo(small);
                }
            }
            for (Reach reach : Reach.values()) {
                double small = interconnect.transferSeconds(1e6, reach);
                softly.assertThat(small).isFinite().isPositive();
                softly.assertThat(interconnect.transferSeconds(1e8, reach)).isGreaterThanOrEqualTo(small);
            }
        }
        softly.assertAll();
    }

    @Test
    void answersAreRepeatable() {
        for (Accelerator accelerator : accelerators) {
            Roofline roofline = accelerator.roofline();
            Residency residency = Residency.allIn(fastestFullSpeedTier(accelerator.memory()).name());
            Precision precision = roofline.computePrecisions().get(0);
            for (Kernel kernel : SampleKernels.in(precision)) {
                assertThat(roofline.kernelSeconds(kernel, residency))
                        .isEqualTo(roofline.kernelSeconds(kernel, residency));
            }
            for (Footprint footprint : sampleFootprints()) {
                assertThat(accelerator.memory().place(footprint, 8)).isEqualTo(accelerator.memory().place(footprint, 8));
                assertThat(accelerator.memory().minChips(footprint)).isEqualTo(accelerator.memory().minChips(footprint));
            }
            Collective collective = new Collective("kit", CollectiveKind.ALL_REDUCE, 1e7, 8, 80);
            assertThat(accelerator.interconnect().collectiveSeconds(collective))
                    .isEqualTo(accelerator.interconnect().collectiveSeconds(collective));
        }
    }

    private static List<Footprint> sampleFootprints() {
        return List.of(
                new Footprint(16e9, 131_072, 4096, 1e9),       // an 8B model in BF16
                new Footprint(70e9, 327_680, 32 * 4096, 4e9),   // a 70B model in FP8, 32 sequences of 4k
                new Footprint(1.34e12, 70_272, 4096, 8e9),      // a 671B MoE in BF16
                new Footprint(0.2e9, 4096, 1024, 0));           // a model far smaller than any chip
    }

    private static List<Residency> residencies(MemoryModel memory) {
        List<Residency> residencies = new ArrayList<>();
        String fastest = fastestFullSpeedTier(memory).name();
        for (MemoryTier tier : memory.tiers()) {
            residencies.add(Residency.allIn(tier.name()));
            residencies.add(new Residency(tier.name(), fastest, fastest));
        }
        return residencies;
    }

    private static MemoryTier fastestFullSpeedTier(MemoryModel memory) {
        MemoryTier best = null;
        for (MemoryTier tier : memory.tiers()) {
            if (tier.fullSpeed() && (best == null || tier.bytesPerSecond() > best.bytesPerSecond())) {
                best = tier;
            }
        }
        assertThat(best).as("the memory model has a full-speed tier").isNotNull();
        return best;
    }

    /** The memory lower bound: tiers may be read in parallel, classes sharing a tier share its bandwidth. */
    private static double memorySeconds(OperandBytes bytes, Residency residency, MemoryModel memory) {
        double slowest = 0;
        for (MemoryTier tier : memory.tiers()) {
            double inTier = 0;
            for (OperandClass operand : OperandClass.values()) {
                if (residency.tierOf(operand).equals(tier.name())) {
                    inTier += bytes.of(operand);
                }
            }
            slowest = Math.max(slowest, inTier / tier.bytesPerSecond());
        }
        return slowest;
    }
}
