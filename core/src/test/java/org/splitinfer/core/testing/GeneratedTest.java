package org.splitinfer.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GeneratedTest {
    private static final Generator<Integer> DIGITS = random -> random.nextInt(10);

    @Test
    void theSameSeedGeneratesTheSameInputs() {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        Generated.check(100, 14, DIGITS, first::add);
        Generated.check(100, 14, DIGITS, second::add);

        assertThat(first).hasSize(100).isEqualTo(second);
        // 100 draws of ten digits: all ten turn up unless the seeds repeat
        assertThat(first).containsAll(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void aFailureNamesTheSeedThatRegeneratesItsInput() {
        assertThatThrownBy(() -> Generated.check(1_000, 14, DIGITS, digit -> {
            if (digit == 7) {
                throw new IllegalStateException("seven");
            }
        })).isInstanceOfSatisfying(AssertionError.class, failure -> {
            assertThat(failure).hasMessageContaining("of 1000 failed").hasMessageEndingWith(": seven")
                    .hasCauseInstanceOf(IllegalStateException.class);
            Matcher seed = Pattern.compile("new Random\\((-?\\d+)L\\)").matcher(failure.getMessage());
            assertThat(seed.find()).isTrue();
            assertThat(DIGITS.next(new Random(Long.parseLong(seed.group(1))))).isEqualTo(7);
        });
    }

    @Test
    void oneOfDrawsFromEachChoice() {
        List<String> drawn = new ArrayList<>();
        Generated.check(200, 1, Generator.oneOf(random -> "a", random -> "b", random -> "c"), drawn::add);

        assertThat(drawn).contains("a", "b", "c");
    }
}
