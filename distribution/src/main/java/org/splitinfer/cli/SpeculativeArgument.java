package org.splitinfer.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.model.ModelSpec;
import picocli.CommandLine;

/**
 * {@code --speculative [draft=MODEL|heads[:N],tokens=K,acceptance=A]}: each part optional and given once, the
 * defaults of {@link SpeculativeDecoding} for what is left out; {@code --speculative} alone takes them all. The draft
 * model is resolved later, against the catalog.
 *
 * @param draft      a model id or config.json, or null for heads or the default
 * @param headLayers decoder layers of built-in heads, or 0 for a draft model or the default
 * @param tokens     tokens proposed per step, or null for the default
 * @param acceptance the acceptance rate, or null for the default
 */
record SpeculativeArgument(String draft, int headLayers, Integer tokens, Double acceptance) {
    private static final List<String> KEYS = List.of("draft", "tokens", "acceptance");
    private static final String FORM = "draft=MODEL|heads[:N],tokens=K,acceptance=A, each part optional and at most"
            + " once (e.g. draft=llama-3.1-8b,tokens=4,acceptance=0.75)";

    /**
     * The speculative decoding the parts describe, the defaults filling in the rest.
     *
     * @param models resolves a draft model's id or config.json
     * @return the speculative decoding
     */
    SpeculativeDecoding resolve(java.util.function.Function<String, ModelSpec> models) {
        SpeculativeDecoding speculative = SpeculativeDecoding.defaults();
        if (draft != null) {
            speculative = speculative.withDraft(new SpeculativeDecoding.DraftModel(models.apply(draft)));
        } else if (headLayers > 0) {
            speculative = speculative.withDraft(new SpeculativeDecoding.Heads(headLayers));
        }
        if (tokens != null) {
            speculative = speculative.withTokens(tokens);
        }
        return acceptance == null ? speculative : speculative.withAcceptance(acceptance);
    }

    /** Parses the parts; a bad one is one line naming the flag, and exit code 2. */
    static final class Converter implements CommandLine.ITypeConverter<SpeculativeArgument> {
        @Override
        public SpeculativeArgument convert(String value) {
            String draft = null;
            int headLayers = 0;
            Integer tokens = null;
            Double acceptance = null;
            if (value.isBlank()) {
                return new SpeculativeArgument(null, 0, null, null);
            }
            Set<String> given = new HashSet<>();
            for (String part : value.split(",", -1)) {
                String[] pair = part.strip().split("=", 2);
                String key = pair[0].strip().toLowerCase(Locale.ROOT);
                if (pair.length != 2 || pair[1].isBlank()) {
                    throw bad("be " + FORM, value);
                }
                if (!KEYS.contains(key)) {
                    String closest = BadUsage.closest(key, KEYS);
                    throw new CommandLine.TypeConversionException("must be " + FORM + "; '" + pair[0].strip()
                            + "' is not a part" + (closest == null ? " (the parts are draft, tokens and acceptance)"
                            : " (did you mean '" + closest + "'?)"));
                }
                if (!given.add(key)) {
                    throw bad("give " + key + " at most once", value);
                }
                String text = pair[1].strip();
                switch (key) {
                    case "draft" -> {
                        String lower = text.toLowerCase(Locale.ROOT);
                        if (lower.equals("heads")) {
                            headLayers = SpeculativeDecoding.DEFAULT_HEAD_LAYERS;
                        } else if (lower.startsWith("heads:")) {
                            headLayers = (int) layers(text.substring("heads:".length()), value);
                        } else {
                            draft = text;
                        }
                    }
                    case "tokens" -> tokens = (int) whole(text, value);
                    default -> acceptance = probability(text, value);
                }
            }
            return new SpeculativeArgument(draft, headLayers, tokens, acceptance);
        }

        private static long layers(String text, String whole) {
            try {
                return NumericFlags.whole(text, 1, 1024, "layers");
            } catch (CommandLine.TypeConversionException e) {
                throw bad("have draft=heads:N with N a whole number of decoder layers from 1 to 1,024", whole);
            }
        }

        private static long whole(String text, String whole) {
            try {
                return NumericFlags.whole(text, 1, SpeculativeDecoding.MAX_TOKENS, "tokens");
            } catch (CommandLine.TypeConversionException e) {
                throw bad("have tokens=K with K a whole number of tokens proposed per step from 1 to "
                        + SpeculativeDecoding.MAX_TOKENS, whole);
            }
        }

        private static double probability(String text, String whole) {
            try {
                double parsed = NumericFlags.real(text, 0, 1, "a probability");
                if (parsed < 1) {
                    return parsed;
                }
            } catch (CommandLine.TypeConversionException e) {
                // reported below with the part's meaning
            }
            throw bad("have acceptance=A with A a probability above 0 and below 1 (the share of proposed tokens"
                    + " the target accepts)", whole);
        }

        private static CommandLine.TypeConversionException bad(String what, String value) {
            return new CommandLine.TypeConversionException("must " + what + ", got '" + value + "'");
        }
    }
}
