package org.splitinfer.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.error.SplitInferException;

class StructuredTextTest {
    private static JsonNode yaml(String text) {
        return StructuredText.yamlTree("p.yaml", text, SplitInferException::new);
    }

    private static JsonNode json(String text) {
        return StructuredText.jsonTree("config.json", text, SplitInferException::new);
    }

    @Test
    void aKeyGivenTwiceInYamlIsRefusedWhereItRepeats() {
        // before: the last one won, silently
        assertThatThrownBy(() -> yaml("colocated: {hardware: h100-sxm, chips: 8, chips: 4}\n"))
                .isInstanceOf(SplitInferException.class)
                .hasMessage("p.yaml:1:48: key 'chips' appears twice in one mapping; keep one");
    }

    @Test
    void anAliasIsRefusedWhereItStandsRatherThanReadAsItsName() {
        // before: Jackson read *gpu as the text "gpu", so the pool asked for an accelerator called "gpu"; the alias
        // starts at column 20, after "decode: {" (9 characters) and "hardware: " (10)
        assertThatThrownBy(() -> yaml("prefill: {hardware: &gpu h100-sxm}\ndecode: {hardware: *gpu}\n"))
                .isInstanceOf(SplitInferException.class)
                .hasMessage("p.yaml:2:20: an alias (*gpu) stands for its anchor's value, which SplitInfer does not"
                        + " copy; write the value out in full where the alias stands");
        // an anchor nobody refers to changes nothing
        assertThat(yaml("prefill: {hardware: &gpu h100-sxm}\n").get("prefill").get("hardware").asText())
                .isEqualTo("h100-sxm");
    }

    @Test
    void aKeyGivenTwiceInJsonIsRefused() {
        assertThatThrownBy(() -> json("{\"hidden_size\": 1, \"hidden_size\": 2}"))
                .hasMessage("config.json:1:33: key 'hidden_size' appears twice in one mapping; keep one");
    }

    @Test
    void nestingPastTheLimitIsRefusedCleanly() {
        String deepYaml = "prefill: " + "[".repeat(1000) + "]".repeat(1000) + "\n";
        String deepJson = "[".repeat(1000) + "]".repeat(1000);

        // before: a NullPointerException (the parser's report had no location), an internal failure
        assertThatThrownBy(() -> yaml(deepYaml)).isInstanceOf(SplitInferException.class)
                .hasMessage("p.yaml: nested deeper than 64 levels of mappings and lists; no SplitInfer file needs"
                        + " more than a few");
        assertThatThrownBy(() -> json(deepJson)).isInstanceOf(SplitInferException.class)
                .hasMessage("config.json: nested deeper than 64 levels of mappings and lists; no SplitInfer file"
                        + " needs more than a few");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithFileLineAndColumn() {
        // SnakeYAML's own report spans five lines with a caret under the column
        assertThatThrownBy(() -> yaml("prefill: {hardware: h100-sxm\ndecode: x\n"))
                .hasMessage("p.yaml:2:7: expected ',' or '}', but got : (while parsing a flow mapping); fix the YAML"
                        + " syntax");
    }

    @Test
    void theParsersEventsAreWordedNotPrintedAsJavaObjects() {
        // before: "got this instead: <org.yaml.snakeyaml.events.SequenceStartEvent()>"
        assertThatThrownBy(() -> yaml("a: 1\n[x]: 2\n"))
                .hasMessage("p.yaml:2:2: expected a key, got a list; fix the YAML syntax");
    }

    @Test
    void aSecondDocumentIsRefusedNotIgnored() {
        assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n"))
                .hasMessage("p.yaml:3:1: more follows the first document; keep one document in the file");
    }

    @Test
    void aTabIndentIsNamedInWords() {
        assertThatThrownBy(() -> yaml("a:\n\tb: 1\n"))
                .hasMessage("p.yaml:2:1: a tab, where YAML indents with spaces only (while scanning for the next"
                        + " token); fix the YAML syntax");
    }

    @Test
    void numbersAreReadExactly() {
        JsonNode node = yaml("big: 4294967304\nfraction: 32.9\ntext: '12'\n");

        // 4294967304 = 2^32 + 8: a reader that kept the low 32 bits saw 8; the node keeps it whole
        assertThat(node.get("big").canConvertToInt()).isFalse();
        assertThat(node.get("big").asLong()).isEqualTo(4_294_967_304L);
        assertThat(node.get("fraction").isIntegralNumber()).isFalse();
        assertThat(node.get("text").isNumber()).isFalse();
    }

    @Test
    void jsonsNonNumbersAreRefusedInWords() {
        assertThatThrownBy(() -> json("{\"a\": NaN}"))
                .hasMessage("config.json:1:10: 'NaN' is not a number JSON allows; fix the JSON syntax");
    }

    @Test
    void anEmptyDocumentIsAMissingNode() {
        assertThat(yaml("# only a comment\n").isMissingNode()).isTrue();
    }
}
