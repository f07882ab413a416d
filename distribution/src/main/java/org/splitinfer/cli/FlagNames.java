package org.splitinfer.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitinfer.core.error.SplitInferException;

/**
 * Core names the fields of its input ({@code decode.chips}, {@code workload.concurrency}); a user who typed flags
 * should read the flags. This is the one table between the two.
 */
final class FlagNames {
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("prefill.hardware", "--prefill"), Map.entry("decode.hardware", "--decode"),
            Map.entry("colocated.hardware", "--hardware"),
            Map.entry("prefill.chips", "the N of --prefill HW:N"), Map.entry("decode.chips", "the N of --decode HW:N"),
            Map.entry("colocated.chips", "the N of --hardware HW:N"),
            Map.entry("prefill.instances", "--prefill-instances"), Map.entry("decode.instances", "--decode-instances"),
            Map.entry("colocated.instances", "--instances"),
            Map.entry("prefill.tp", "--prefill-tp"), Map.entry("prefill.pp", "--prefill-pp"),
            Map.entry("decode.tp", "--decode-tp"), Map.entry("decode.pp", "--decode-pp"),
            Map.entry("colocated.tp", "--tp"), Map.entry("colocated.pp", "--pp"),
            Map.entry("prefill.precision", "--prefill-precision"), Map.entry("decode.precision", "--decode-precision"),
            Map.entry("colocated.precision", "--precision"), Map.entry("precision", "--precision"),
            Map.entry("link", "--link"),
            Map.entry("decode.speculative", "--speculative"), Map.entry("colocated.speculative", "--speculative"),
            Map.entry("decode.speculative.draft", "the draft of --speculative"),
            Map.entry("colocated.speculative.draft", "the draft of --speculative"),
            Map.entry("speculative.tokens", "--speculative tokens"),
            Map.entry("speculative.acceptance", "--speculative acceptance"),
            Map.entry("workload.inputTokens", "--input"), Map.entry("workload.outputTokens", "--output"),
            Map.entry("workload.concurrency", "--concurrency"),
            Map.entry("workload.allowLongContext", "--allow-long-context"),
            Map.entry("fit.allowLongContext", "--allow-long-context"),
            Map.entry("plan.allowLongContext", "--allow-long-context"),
            Map.entry("fit.chips", "--chips"), Map.entry("fit.contextTokens", "--context"),
            Map.entry("fit.precision", "--precision"),
            Map.entry("run.requests", "--requests"), Map.entry("run.duration", "--duration"),
            Map.entry("slo.ttft", "--slo ttft"), Map.entry("slo.tpot", "--slo tpot"),
            Map.entry("workload", "--workload"));

    private FlagNames() {
    }

    /**
     * The exception's message with each field it names written as the flag that sets it.
     *
     * @param problem an exception of core's
     * @return its message in the tool's words
     */
    static String message(SplitInferException problem) {
        String message = problem.getMessage();
        for (String field : problem.fields()) {
            String flag = FLAGS.get(field);
            if (flag != null) {
                // whole field names only: not the 'chips' of 'decode.chips', nor a word inside another word
                message = Pattern.compile("(?<![\\w.-])" + Pattern.quote(field) + "(?![\\w-])").matcher(message)
                        .replaceAll(Matcher.quoteReplacement(flag));
            }
        }
        return message;
    }
}
