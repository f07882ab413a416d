package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.splitinfer.core.model.ModelCatalog;

class SpeculativeDecodingTest {

    @Test
    void fourProposalsAcceptedWithProbabilityPointEightEmitThreePointThreeSixTokensPerStep() {
        SpeculativeDecoding speculative = new SpeculativeDecoding(new SpeculativeDecoding.Heads(1), 4, 0.8);

        // (1 − 0.8^5) ÷ (1 − 0.8) = (1 − 0.32768) ÷ 0.2 = 0.67232 ÷ 0.2 = 3.3616
        assertThat(speculative.expectedTokensPerStep()).isCloseTo(3.3616, within(1e-12));
    }

    @Test
    void theDefaultsAreOneLayerHeadsFourProposalsAndAcceptanceThreeQuarters() {
        SpeculativeDecoding defaults = SpeculativeDecoding.defaults();

        assertThat(defaults.draft()).isEqualTo(new SpeculativeDecoding.Heads(1));
        assertThat(defaults.tokens()).isEqualTo(4);
        assertThat(defaults.acceptance()).isEqualTo(0.75);
        // (1 − 0.75^5) ÷ 0.25 = (1 − 0.2373046875) ÷ 0.25 = 0.7626953125 ÷ 0.25 = 3.05078125
        assertThat(defaults.expectedTokensPerStep()).isCloseTo(3.05078125, within(1e-12));
    }

    @Test
    void oneProposalEmitsOnePlusTheAcceptanceAndTheGainNeverPassesTheProposalsPlusOne() {
        // k = 1: (1 − α²) ÷ (1 − α) = 1 + α = 1.3
        assertThat(new SpeculativeDecoding(new SpeculativeDecoding.Heads(1), 1, 0.3).expectedTokensPerStep())
                .isCloseTo(1.3, within(1e-12));
        // α = 0.99, k = 32: (1 − 0.99^33) ÷ 0.01 = (1 − 0.71762) ÷ 0.01 = 28.24, below k + 1 = 33
        double tokens = new SpeculativeDecoding(new SpeculativeDecoding.Heads(1), 32, 0.99).expectedTokensPerStep();
        assertThat(tokens).isCloseTo((1 - Math.pow(0.99, 33)) / 0.01, within(1e-9)).isBetween(28.2, 28.3);
    }

    @Test
    void anAcceptanceOutsideZeroToOneIsRefusedNamingTheField() {
        for (double acceptance : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new SpeculativeDecoding(new SpeculativeDecoding.Heads(1), 4, acceptance))
                    .as("acceptance %s", acceptance)
                    .isInstanceOf(EstimateException.class)
                    .hasMessageStartingWith("speculative.acceptance must be a probability above 0 and below 1")
                    .extracting(e -> ((EstimateException) e).fields()).asList()
                    .containsExactly("speculative.acceptance");
        }
    }

    @Test
    void tokensOutsideOneToThirtyTwoAreRefused() {
        assertThatThrownBy(() -> new SpeculativeDecoding(new SpeculativeDecoding.Heads(1), 0, 0.75))
                .isInstanceOf(EstimateException.class)
                .hasMessage("speculative.tokens must be a whole number of tokens proposed per step from 1 to 32,"
                        + " got 0");
        assertThatThrownBy(() -> new SpeculativeDecoding(new SpeculativeDecoding.Heads(1), 33, 0.75))
                .hasMessageEndingWith("got 33");
    }

    @Test
    void headsAddAtLeastOneLayerAndADraftModelIsKept() {
        assertThatThrownBy(() -> new SpeculativeDecoding.Heads(0))
                .isInstanceOf(EstimateException.class)
                .hasMessage("speculative.draft heads must add at least 1 decoder layer, got 0");
        SpeculativeDecoding.DraftModel draft = new SpeculativeDecoding.DraftModel(
                ModelCatalog.builtIn().get("llama-3.1-8b"));
        assertThat(SpeculativeDecoding.defaults().withDraft(draft).withTokens(5).withAcceptance(0.6))
                .isEqualTo(new SpeculativeDecoding(draft, 5, 0.6));
    }
}
