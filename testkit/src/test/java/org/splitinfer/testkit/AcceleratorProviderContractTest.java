package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.splitinfer.spi.AcceleratorProvider;

/**
 * The kit checks what it says, and says each mistake once: it is run, as JUnit runs a vendor's test, on an honest
 * fixture (every check passes) and on fixtures that each make one mistake (that check fails, and no other).
 */
class AcceleratorProviderContractTest {
    private static final int CHECKS = 24;

    /** How each check of one run of the kit ended, by {@code method} or {@code Facet.method}. */
    private record Outcome(Map<String, TestExecutionResult> results) {
        Set<String> with(TestExecutionResult.Status status) {
            return results.entrySet().stream().filter(e -> e.getValue().getStatus() == status)
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(java.util.TreeSet::new));
        }

        String message(String check) {
            return results.get(check).getThrowable().map(Throwable::getMessage).orElse("");
        }
    }

    /** Runs the whole kit on a fixture, in this thread, as JUnit runs a vendor's test class. */
    private static Outcome kitOn(Class<? extends AcceleratorProvider> fixture) {
        FixtureKit.fixture = fixture;
        Map<String, TestExecutionResult> results = new TreeMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(FixtureKit.class)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
                            String owner = method.getClassName().substring(method.getClassName().lastIndexOf('$') + 1);
                            results.put((owner.endsWith("Facet") ? owner + "." : "") + method.getMethodName(), result);
                        }
                    }
                });
        return new Outcome(results);
    }

    /** The kit as a vendor's test runs it, on the fixture {@link #kitOn} names. */
    static final class FixtureKit extends AcceleratorProviderContract {
        private static Class<? extends AcceleratorProvider> fixture;

        @Override
        protected Class<? extends AcceleratorProvider> providerType() {
            return fixture;
        }
    }

    @Test
    void anHonestPluginPassesEveryCheck() {
        Outcome outcome = kitOn(KitFixtures.HonestPlugin.class);

        assertThat(outcome.results()).hasSize(CHECKS);
        assertThat(outcome.with(TestExecutionResult.Status.SUCCESSFUL)).hasSize(CHECKS);
    }

    @Test
    void aGigabitGigabyteSlipFailsTheRooflineBoundAndNothingOutsideTheRoofline() {
        Outcome outcome = kitOn(KitFixtures.UnitSlipPlugin.class);

        assertThat(outcome.with(TestExecutionResult.Status.FAILED))
                .contains("RooflineFacet.kernelTimeIsNeverBelowTheRooflineBound")
                .allMatch(check -> check.startsWith("RooflineFacet."));
        assertThat(outcome.message("RooflineFacet.kernelTimeIsNeverBelowTheRooflineBound"))
                .contains("vs roofline bound");
    }

    @Test
    void aThousandfoldBandwidthSlipFailsOnceNamingTheFigureAndTheRange() {
        Outcome outcome = kitOn(KitFixtures.BandwidthSlipPlugin.class);

        assertThat(outcome.with(TestExecutionResult.Status.FAILED))
                .containsExactly("MemoryFacet.bandwidthPerByteOfCapacityIsOneARealChipCouldHave");
        // 4.0e9 B/s ÷ 8.0e10 B = 0.05 whole-tier reads per second, 40 times below the lowest bound (2)
        assertThat(outcome.message("MemoryFacet.bandwidthPerByteOfCapacityIsOneARealChipCouldHave"))
                .contains("tiny-1: mem.bytesPerSecond 4E+9 over mem.capacityBytes 8E+10 reads the whole tier 0.05"
                        + " times a second, outside the 2 to 5E+6 of every full-speed tier shipped so far");
    }

    @Test
    void aChipWithoutAPriceFailsThePriceCheckAlone() {
        Outcome outcome = kitOn(KitFixtures.NoPricePlugin.class);

        assertThat(outcome.with(TestExecutionResult.Status.FAILED))
                .containsExactly("everyChipHasThePriceTheCostModelReads");
        assertThat(outcome.message("everyChipHasThePriceTheCostModelReads"))
                .contains("tiny-1: Accelerator.price() is empty, so 'splitinfer estimate' cannot cost it");
    }

    @Test
    void aKvCapacityCountedPerInstanceFailsTheKvCheckAlone() {
        Outcome outcome = kitOn(KitFixtures.PerInstanceKvPlugin.class);

        assertThat(outcome.with(TestExecutionResult.Status.FAILED))
                .containsExactly("MemoryFacet.kvCapacityPerChipIsTheUsableBytesLeftOverTheBytesPerToken");
        // 8 chips of 1e10 B hold an 8B model: ⌊(1e10 − 16e9 ÷ 8 − 1e9 ÷ 8) ÷ 131,072 B⌋ = ⌊7.875e9 ÷ 131,072⌋
        // = 60,081 tokens per chip, counted 8 times over: 480,648
        assertThat(outcome.message("MemoryFacet.kvCapacityPerChipIsTheUsableBytesLeftOverTheBytesPerToken"))
                .contains("tiny-1 full-speed on 8 chips: kvTokensCapacityPerChip is 480648, but one chip's mem has"
                        + " 7.88E+9 usable bytes left after weights and activations, room for 60081 tokens");
    }

    @Test
    void aMisspeltFigureNameFailsTheNamesCheckWithASuggestion() {
        Outcome outcome = kitOn(KitFixtures.MisspeltFigurePlugin.class);

        assertThat(outcome.with(TestExecutionResult.Status.FAILED))
                .containsExactly("everyFigureNameIsOneTheHostOrTheFamilyKnows");
        assertThat(outcome.message("everyFigureNameIsOneTheHostOrTheFamilyKnows"))
                .contains("tiny-1: unknown figure 'kernel.launchSecond'; did you mean 'kernel.launchSeconds'?");
    }

    @Test
    void answersThatDependOnTheThreadFailTheFacetsThreadCheck() {
        Outcome outcome = kitOn(KitFixtures.ThreadConfinedPlugin.class);

        assertThat(outcome.with(TestExecutionResult.Status.FAILED))
                .containsExactly("RooflineFacet.answersAreTheSameFromManyThreads");
        assertThat(outcome.message("RooflineFacet.answersAreTheSameFromManyThreads"))
                .contains("tiny-1 kernelSeconds(").contains("on one of 8 threads but");
    }

    @Test
    void aSheetTheHostRefusesFailsOneCheckWithTheHostsMessageAndAbortsTheRest() {
        Outcome outcome = kitOn(KitFixtures.BrokenSheetPlugin.class);

        assertThat(outcome.with(TestExecutionResult.Status.FAILED)).containsExactly("theProviderLoadsAsTheHostLoadsIt");
        assertThat(outcome.message("theProviderLoadsAsTheHostLoadsIt")).contains("tiny-broken.yaml has 1 problem:"
                + " accelerators[0].dispayName: unknown key; did you mean 'displayName'?");
        // the entry class is checked without loading; every other check needs the accelerators
        assertThat(outcome.with(TestExecutionResult.Status.SUCCESSFUL))
                .containsExactly("entryClassIsFinalWithAPublicNoArgumentConstructor");
        assertThat(outcome.with(TestExecutionResult.Status.ABORTED)).hasSize(CHECKS - 2);
    }

    @Test
    void anEntryClassThatIsNotFinalFailsTheEntryClassCheck() {
        assertThat(kitOn(KitFixtures.OpenPlugin.class).with(TestExecutionResult.Status.FAILED))
                .containsExactly("entryClassIsFinalWithAPublicNoArgumentConstructor");
    }
}
