package org.splitinfer.core.error.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.error.InvalidFigureException;

class FigureAuditTest {
    enum Role { PREFILL, DECODE }

    record Pool(Role role, String hardware, int chips, double stepSeconds, OptionalDouble watts) {
    }

    record Result(long seed, double totalSeconds, List<Pool> pools, Optional<Map<String, Double>> extras) {
    }

    private static Result result(double decodeStep, double total, OptionalDouble watts, double extra) {
        return new Result(-7, total, List.of(new Pool(Role.PREFILL, "gpu", 8, 0.5, OptionalDouble.of(700)),
                new Pool(Role.DECODE, "lpu", 64, decodeStep, watts)), Optional.of(Map.of("x", extra)));
    }

    @Test
    void aSoundResultIsHandedBackAsItIs() {
        Result sound = result(0.01, 0.51, OptionalDouble.empty(), 0);

        // a seed is the user's choice and may be negative; -0.0 is 0
        assertThat(FigureAudit.requireSound(sound, "estimate", "m")).isSameAs(sound);
        assertThat(FigureAudit.requireSound(result(-0.0, 0, OptionalDouble.empty(), 0), "estimate", "m")).isNotNull();
    }

    @Test
    void aNegativeTimeIsNamedByItsPathAndItsPool() {
        // the negative step is found in its pool before the total it makes negative, so the message names the chip
        assertThatThrownBy(() -> FigureAudit.requireSound(result(-0.004, -0.2, OptionalDouble.empty(), 0),
                "estimate", "llama"))
                .isInstanceOfSatisfying(InvalidFigureException.class, e -> {
                    assertThat(e.figure()).isEqualTo("pools[1].stepSeconds");
                    assertThat(e.hardware()).isEqualTo("lpu");
                })
                .hasMessage("the estimate of 'llama' has pools[1].stepSeconds = -0.004 from the decode pool on 'lpu',"
                        + " where only a finite figure of at least 0 makes sense; the model of 'lpu' produced it, so"
                        + " check that chip's plugin and its hardware sheet");
    }

    @Test
    void nanAndInfinityAreFoundInsideOptionalsAndMaps() {
        assertThatThrownBy(() -> FigureAudit.requireSound(result(0.01, 1, OptionalDouble.of(Double.NaN), 0),
                "estimate", "m")).hasMessageStartingWith("the estimate of 'm' has pools[1].watts = NaN from the"
                + " decode pool on 'lpu'");
        assertThatThrownBy(() -> FigureAudit.requireSound(result(0.01, 1, OptionalDouble.empty(),
                Double.POSITIVE_INFINITY), "plan", "m"))
                .hasMessage("the plan of 'm' has extras[x] = Infinity, where only a finite figure of at least 0 makes"
                        + " sense; the inputs lie beyond what the models cover, so check the counts and figures"
                        + " given");
    }

    @Test
    void aResultAboutOneChipNamesItWhereNoRecordDoes() {
        assertThatThrownBy(() -> FigureAudit.requireSound(new Pool(null, null, -1, 0, OptionalDouble.empty()),
                "fit", "m", "h100-sxm")).hasMessageStartingWith("the fit of 'm' has chips = -1 from the pool on"
                + " 'h100-sxm'");
    }
}
