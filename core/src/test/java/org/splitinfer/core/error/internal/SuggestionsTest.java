package org.splitinfer.core.error.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> CHIPS = List.of("b200", "h100-sxm", "h200-sxm");

    @Test
    void aCloseNameIsSuggestedBeforeTheList() {
        // 'h100-sx' is one deletion from 'h100-sxm'
        assertThat(Suggestions.unknown("accelerator", "h100-sx", CHIPS)).isEqualTo("unknown accelerator 'h100-sx'; did"
                + " you mean 'h100-sxm'? Available: b200, h100-sxm, h200-sxm");
    }

    @Test
    void withoutACloseNameTheListFollowsItsOwnSeparator() {
        // once "unknown accelerator 'x' Available: ...", two sentences run together
        assertThat(Suggestions.unknown("accelerator", "x", CHIPS))
                .isEqualTo("unknown accelerator 'x'; available: b200, h100-sxm, h200-sxm");
    }

    @Test
    void closenessGrowsWithTheNamesLength() {
        // at most max(2, length / 3) edits: 'tpu' is 4 from 'b200' (3 letters changed, 1 added) and more from the
        // others, over the 2 a 3-letter name allows
        assertThat(Suggestions.closest("tpu", CHIPS)).isNull();
        assertThat(Suggestions.closest("H200-SXM", CHIPS)).isEqualTo("h200-sxm");
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
