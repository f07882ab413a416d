package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.SpiVersion;

/**
 * The compatibility kit. A plugin's test extends it in a few lines:
 *
 * <pre>{@code
 * class AcmePluginCompatibilityTest extends AcceleratorProviderContract {
 *     @Override
 *     protected Class<? extends AcceleratorProvider> providerType() {
 *         return AcmePlugin.class;
 *     }
 *
 *     @Override
 *     protected Set<String> familyFigureNames() {   // only if the family adds its own figure names
 *         return Set.of("link.bytesPerSecond", "link.latencySeconds");
 *     }
 * }
 * }</pre>
 *
 * It loads the provider once, exactly as the host does (ServiceLoader, then the host's strict hardware-sheet
 * parser), and checks what the host relies on. About each chip: well-formed unique ids; every figure positive with a
 * dated source or a marked assumption; every figure name one the host documents or the family declares (a typo in
 * an optional figure is otherwise silently ignored); a price that {@code Accelerator.price()} gives, as the cost
 * model reads it. Then one group per facet:
 * <ul>
 *   <li><b>roofline</b>: kernel time never below max(FLOPs ÷ peak, bytes ÷ tier bandwidth), which catches unit slips
 *       such as GB/GiB or Gb/GB; monotone in FLOPs and bytes; steps never below their kernels' bound; a format the
 *       chip lacks refused; a ridge point within what real chips have;</li>
 *   <li><b>memory</b>: placements within each tier's capacity; the fewest chips that fit; the KV capacity per chip
 *       consistent with the usable bytes left over the bytes per token; bandwidth per byte of capacity within what
 *       real chips have;</li>
 *   <li><b>interconnect</b>: collectives free for one chip and growing with bytes; link bandwidths within what real
 *       chips have;</li>
 *   <li><b>power</b>: between idle and peak; FLOP/s per watt within what real chips have;</li>
 * </ul>
 * and in each facet the same answers from many threads at once. The ranges and how they were derived are on
 * {@code Plausibility}. A provider that does not load fails one check, {@code theProviderLoadsAsTheHostLoadsIt},
 * with the host's message, and every other check is aborted rather than failed; a check of one facet that needs a
 * broken other facet is aborted too, so a vendor reads each mistake once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AcceleratorProviderContract {
    private AcceleratorProvider provider;
    private List<Accelerator> accelerators;
    private Throwable loadFailure;

    /** @return the plugin's entry class, as registered with {@code @AutoService(AcceleratorProvider.class)} */
    protected abstract Class<? extends AcceleratorProvider> providerType();

    /**
     * The figure names the family adds to the ones the host documents ({@code peak.flopsPerSecond.<format>},
     * {@code <tier>.capacityBytes} and the other tier figures, {@code scaleUp.*}, {@code scaleOut.*},
     * {@code power.*}, {@code price.*}, ...: {@code org.splitinfer.core.hardware.FigureNames}).
     *
     * @return the family's own names, documented with the family; none by default
     */
    protected Set<String> familyFigureNames() {
        return Set.of();
    }

    /** Loads the provider through ServiceLoader and asks it for its accelerators, as the host does, once. */
    @BeforeAll
    final void loadProviderAsTheHostDoes() {
        try {
            provider = ServiceLoader.load(AcceleratorProvider.class, providerType().getClassLoader()).stream()
                    .filter(p -> p.type().equals(providerType()))
                    .map(ServiceLoader.Provider::get)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("ServiceLoader does not find " + providerType().getName()
                            + ": annotate it @AutoService(AcceleratorProvider.class) and list auto-service in the"
                            + " compiler's annotationProcessorPaths"));
            accelerators = List.copyOf(provider.accelerators(HardwareLoader.contextFor(
                    providerType().getClassLoader())));
        } catch (Throwable failure) {
            loadFailure = failure;
        }
    }

    /** @return the accelerators the provider gave, for subclasses' own checks (aborts when it did not load) */
    protected final List<Accelerator> accelerators() {
        Assumptions.assumeTrue(loadFailure == null,
                "the provider did not load; theProviderLoadsAsTheHostLoadsIt says why");
        return accelerators;
    }

    @Test
    void theProviderLoadsAsTheHostLoadsIt() {
        if (loadFailure != null) {
            throw new AssertionError(providerType().getName() + " does not load as the host loads it: "
                    + loadFailure.getMessage(), loadFailure);
        }
    }

    @Test
    void entryClassIsFinalWithAPublicNoArgumentConstructor() throws NoSuchMethodException {
        assertThat(Modifier.isFinal(providerType().getModifiers())).as("%s is final", providerType()).isTrue();
        assertThat(Modifier.isPublic(providerType().getConstructor().getModifiers())).isTrue();
    }

    @Test
    void providerWasBuiltForThisSpi() {
        accelerators();
        assertThat(provider.spiVersion().canRunOn(SpiVersion.current()))
                .as("plugin built for SPI %s runs on SPI %s", provider.spiVersion(), SpiVersion.current())
                .isTrue();
    }

    @Test
    void acceleratorIdsAreUniqueWellFormedAndOfTheProvidersFamily() {
        SpecChecks.ids(accelerators(), provider.family());
    }

    @Test
    void everyFigureIsPositiveWithADatedSourceOrAMarkedAssumption() {
        SpecChecks.figuresSourced(accelerators());
    }

    @Test
    void everyFigureNameIsOneTheHostOrTheFamilyKnows() {
        SpecChecks.figureNamesKnown(accelerators(), familyFigureNames());
    }

    @Test
    void everyChipHasThePriceTheCostModelReads() {
        SpecChecks.priced(accelerators());
    }

    /** The roofline facet. */
    @Nested
    @DisplayName("roofline")
    class RooflineFacet {
        @Test
        void kernelTimeIsNeverBelowTheRooflineBound() {
            RooflineChecks.bound(accelerators());
        }

        @Test
        void kernelTimeIsMonotoneInFlopsAndBytes() {
            RooflineChecks.monotone(accelerators());
        }

        @Test
        void aPrecisionTheChipCannotRunIsRefused() {
            RooflineChecks.alienPrecisionRefused(accelerators());
        }

        @Test
        void stepTimeIsNeverBelowTheStepsRooflineBound() {
            RooflineChecks.stepBound(accelerators());
        }

        @Test
        void theRidgePointIsOneARealChipCouldHave() {
            RooflineChecks.ridge(accelerators());
        }

        @Test
        void answersAreTheSameFromManyThreads() throws InterruptedException {
            RooflineChecks.manyThreads(accelerators());
        }
    }

    /** The memory facet. */
    @Nested
    @DisplayName("memory")
    class MemoryFacet {
        @Test
        void placementsNeverExceedATiersCapacity() {
            MemoryChecks.placementsWithinCapacity(accelerators());
        }

        @Test
        void minChipsIsTheFewestChipsThatFit() {
            MemoryChecks.minChipsIsTheFewest(accelerators());
        }

        @Test
        void kvCapacityPerChipIsTheUsableBytesLeftOverTheBytesPerToken() {
            MemoryChecks.kvCapacityPerChip(accelerators());
        }

        @Test
        void bandwidthPerByteOfCapacityIsOneARealChipCouldHave() {
            MemoryChecks.bandwidthPerByte(accelerators());
        }

        @Test
        void answersAreTheSameFromManyThreads() throws InterruptedException {
            MemoryChecks.manyThreads(accelerators());
        }
    }

    /** The interconnect facet. */
    @Nested
    @DisplayName("interconnect")
    class InterconnectFacet {
        @Test
        void collectivesAreFreeForOneChipAndGrowWithBytes() {
            InterconnectChecks.collectivesAndTransfers(accelerators());
        }

        @Test
        void linkBandwidthsAreOnesARealChipCouldHave() {
            InterconnectChecks.linkBandwidths(accelerators());
        }

        @Test
        void answersAreTheSameFromManyThreads() throws InterruptedException {
            InterconnectChecks.manyThreads(accelerators());
        }
    }

    /** The power facet. */
    @Nested
    @DisplayName("power")
    class PowerFacet {
        @Test
        void powerStaysBetweenIdleAndPeak() {
            PowerChecks.betweenIdleAndPeak(accelerators());
        }

        @Test
        void flopsPerWattIsOneARealChipCouldHave() {
            PowerChecks.flopsPerWatt(accelerators());
        }

        @Test
        void answersAreTheSameFromManyThreads() throws InterruptedException {
            PowerChecks.manyThreads(accelerators());
        }
    }
}
