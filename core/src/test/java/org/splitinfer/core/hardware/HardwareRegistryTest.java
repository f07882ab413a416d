package org.splitinfer.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Status;

class HardwareRegistryTest {

    /** An accelerator with a spec and nothing else: the registry only reads ids. */
    private record Named(AcceleratorSpec spec) implements Accelerator {
        Named(String id) {
            this(new AcceleratorSpec(id, Family.GPU, "Example", id, Status.SHIPPING, List.of(), List.of()));
        }

        @Override
        public Roofline roofline() {
            throw new AssertionError("not used");
        }

        @Override
        public MemoryModel memory() {
            throw new AssertionError("not used");
        }

        @Override
        public Interconnect interconnect() {
            throw new AssertionError("not used");
        }

        @Override
        public PowerModel power() {
            throw new AssertionError("not used");
        }
    }

    private static InstalledAccelerator installed(String id, String origin) {
        return new InstalledAccelerator(new Named(id), origin, "com.example.Provider");
    }

    @Test
    void acceleratorsAreListedSortedById() {
        HardwareRegistry registry = new HardwareRegistry(
                List.of(installed("h100-sxm", "a.jar"), installed("a100-sxm-80gb", "a.jar"),
                        installed("groq-lpu-v1", "b.jar")), List.of());

        assertThat(registry.ids()).containsExactly("a100-sxm-80gb", "groq-lpu-v1", "h100-sxm");
    }

    @Test
    void anUnknownIdSuggestsTheClosestAndListsTheAvailable() {
        HardwareRegistry registry = new HardwareRegistry(
                List.of(installed("h100-sxm", "a.jar"), installed("h200-sxm", "a.jar")), List.of());

        assertThatThrownBy(() -> registry.get("h100-sx"))
                .isInstanceOf(UnknownAcceleratorException.class)
                .hasMessage("unknown accelerator 'h100-sx'; did you mean 'h100-sxm'? Available: h100-sxm, h200-sxm");
    }

    @Test
    void resolveTakesTheUniqueBeginningOfAnIdIgnoringCase() {
        HardwareRegistry registry = new HardwareRegistry(
                List.of(installed("h100-sxm", "a.jar"), installed("h200-sxm", "a.jar"),
                        installed("groq-lpu-v1", "b.jar")), List.of());

        assertThat(registry.resolve("h100").id()).isEqualTo("h100-sxm");
        assertThat(registry.resolve("GROQ").id()).isEqualTo("groq-lpu-v1");
        assertThat(registry.resolve("H200-SXM").id()).isEqualTo("h200-sxm");
    }

    @Test
    void resolveNamesEveryCandidateOfAnAmbiguousBeginning() {
        HardwareRegistry registry = new HardwareRegistry(
                List.of(installed("h100-sxm", "a.jar"), installed("h200-sxm", "a.jar")), List.of());

        assertThatThrownBy(() -> registry.resolve("h"))
                .isInstanceOf(UnknownAcceleratorException.class)
                .hasMessage("accelerator 'h' is ambiguous: h100-sxm, h200-sxm begin with it; give more of the id");
    }

    @Test
    void getStaysExactAndSuggestsTheIdsABeginningNames() {
        HardwareRegistry registry = new HardwareRegistry(
                List.of(installed("h100-sxm", "a.jar"), installed("h200-sxm", "a.jar")), List.of());

        // "h100" is 4 edits from "h100-sxm", beyond the edit-distance suggestion's reach (2): the prefix names it
        assertThatThrownBy(() -> registry.get("h100"))
                .isInstanceOf(UnknownAcceleratorException.class)
                .hasMessage("unknown accelerator 'h100'; did you mean 'h100-sxm'? Available: h100-sxm, h200-sxm");
        assertThatThrownBy(() -> registry.get("h"))
                .hasMessage("unknown accelerator 'h'; did you mean one of h100-sxm, h200-sxm? Available: h100-sxm,"
                        + " h200-sxm");
    }

    @Test
    void resolveOfNothingThatBeginsAnIdSuggestsTheClosest() {
        HardwareRegistry registry = new HardwareRegistry(List.of(installed("h100-sxm", "a.jar")), List.of());

        assertThatThrownBy(() -> registry.resolve("h100-sx1"))
                .isInstanceOf(UnknownAcceleratorException.class)
                .hasMessage("unknown accelerator 'h100-sx1'; did you mean 'h100-sxm'? Available: h100-sxm");
        assertThatThrownBy(() -> registry.resolve(""))
                .isInstanceOf(UnknownAcceleratorException.class);
    }

    @Test
    void twoProvidersOfOneIdAreBothNamed() {
        assertThatThrownBy(() -> new HardwareRegistry(
                List.of(installed("h100-sxm", "/plugins/a.jar"), installed("h100-sxm", "/plugins/b.jar")), List.of()))
                .isInstanceOf(DuplicateAcceleratorException.class)
                .hasMessage("accelerator 'h100-sxm' is provided by both com.example.Provider (/plugins/a.jar) and"
                        + " com.example.Provider (/plugins/b.jar); remove one of the two plugins");
    }
}
