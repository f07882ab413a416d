package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;

/** The kit checks what it says: an honest plugin passes, a unit slip fails the roofline bound. */
class AcceleratorProviderContractTest {

    /** The kit, run on a given fixture; its checks are called directly so a failure can be asserted. */
    private static final class Kit extends AcceleratorProviderContract {
        private final Class<? extends AcceleratorProvider> type;

        Kit(Class<? extends AcceleratorProvider> type) {
            this.type = type;
            loadProviderAsTheHostDoes();
        }

        @Override
        protected Class<? extends AcceleratorProvider> providerType() {
            return type;
        }
    }

    @Test
    void anHonestPluginPassesTheRooflineAndMonotonicityChecks() {
        Kit kit = new Kit(TinyPlugin.class);

        assertThatCode(kit::kernelTimeIsNeverBelowTheRooflineBound).doesNotThrowAnyException();
        assertThatCode(kit::kernelTimeIsMonotoneInFlopsAndBytes).doesNotThrowAnyException();
        assertThatCode(kit::placementsNeverExceedATiersCapacity).doesNotThrowAnyException();
        assertThatCode(kit::powerStaysBetweenIdleAndPeak).doesNotThrowAnyException();
        assertThatCode(kit::everyFigureIsPositiveWithADatedSourceOrAMarkedAssumption).doesNotThrowAnyException();
    }

    @Test
    void aGigabitGigabyteSlipFailsTheRooflineBound() {
        Kit kit = new Kit(UnitSlipPlugin.class);

        assertThatThrownBy(kit::kernelTimeIsNeverBelowTheRooflineBound)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("vs roofline bound");
    }

    @Test
    void aProviderThatIsNotFinalFailsTheEntryClassCheck() {
        Kit kit = new Kit(TinyPlugin.class);

        assertThatThrownBy(kit::entryClassIsFinalWithAPublicNoArgumentConstructor).isInstanceOf(AssertionError.class);
    }
}
