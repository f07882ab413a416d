package org.splitinfer.core.workload;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;

/**
 * Where workloads come from: the built-in ones by name, a trace file, and synthetic arrival processes with a
 * {@link LengthDistribution}. Every workload is a {@link WorkloadSpec}, replayable for any seed.
 *
 * <h2>Built-in workloads</h2>
 * <ul>
 *   <li>{@code chat}: the Azure LLM inference trace 2023, conversation service (19,366 requests over 58 minutes,
 *       5.53 req/s, mean prompt 1,155 and answer 211 tokens), with its own timing: latency-critical conversational
 *       traffic, decode-heavy.</li>
 *   <li>{@code code}: the same dataset's coding service (8,819 requests, 2.57 req/s in sharp bursts, mean prompt
 *       2,048 and answer 28 tokens): prefill-heavy.</li>
 *   <li>{@code batch}: an offline backlog of long jobs, every request at time 0 (high-throughput batch work such as
 *       summarising or extracting from documents and generating synthetic data). Lengths are lognormal, chosen
 *       rather than measured: prompts of median 4,096 tokens with {@code σ = 0.5} (90% under 7,800) clamped to
 *       32,768, answers of median 1,024 with {@code σ = 0.5} clamped to 8,192; means 4,641 and 1,160 tokens
 *       ({@code m·e^(σ²/2)}, the clamps move them by under a token). Long prompts and long answers are what
 *       separate batch work from the chat trace (whose prompts reach 4,096 tokens in 2% of requests); the clamps are
 *       context windows common among current models.</li>
 * </ul>
 * The traces are read from the class path (inside the jar), with their licence (CC BY 4.0) and source in
 * {@code org/splitinfer/core/workload/azure-llm-trace-2023/README.md}; cite Patel et al., "Splitwise: Efficient
 * generative LLM inference using phase splitting", ISCA 2024, when you publish results drawn from them.
 *
 * @since 0.1
 */
public final class Workloads {
    private static final String TRACE_FOLDER = "/org/splitinfer/core/workload/azure-llm-trace-2023/";
    private static final List<String> NAMES = List.of("batch", "chat", "code");
    private static final List<String> TRACE_NAMES = List.of("chat", "code");

    /** The {@code batch} workload's lengths; see the class notes. */
    private static final LognormalLengths BATCH_LENGTHS = LengthDistribution.lognormal(
            new LognormalTokens(4096, 0.5, 32_768), new LognormalTokens(1024, 0.5, 8192));

    private Workloads() {
    }

    /** @return the built-in workloads' names, sorted: {@code batch}, {@code chat}, {@code code} */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A built-in workload; each call returns a new one, which reads its trace (a few milliseconds) on first use.
     *
     * @param name {@code batch}, {@code chat} or {@code code}
     * @return the workload
     * @throws WorkloadException for any other name, with the closest name and the list
     */
    public static WorkloadSpec builtIn(String name) {
        Objects.requireNonNull(name, "name");
        if ("batch".equals(name)) {
            return new SyntheticWorkload("batch", new BacklogArrivals(), BATCH_LENGTHS);
        }
        if (TRACE_NAMES.contains(name)) {
            return builtInTrace(name);
        }
        throw unknown("workload", name, NAMES);
    }

    /**
     * A built-in trace as a {@link TraceWorkload}, for its {@linkplain TraceWorkload#lengths() lengths} or
     * {@linkplain TraceWorkload#summary() summary}.
     *
     * @param name {@code chat} or {@code code}
     * @return the trace
     * @throws WorkloadException for any other name, with the closest name and the list
     */
    public static TraceWorkload builtInTrace(String name) {
        Objects.requireNonNull(name, "name");
        if ("chat".equals(name)) {
            return new TraceWorkload("chat", TraceSource.resource(TRACE_FOLDER + "AzureLLMInferenceTrace_conv.csv"),
                    false, TraceData.MAX_ROWS_IN_MEMORY);
        }
        if ("code".equals(name)) {
            return new TraceWorkload("code", TraceSource.resource(TRACE_FOLDER + "AzureLLMInferenceTrace_code.csv"),
                    false, TraceData.MAX_ROWS_IN_MEMORY);
        }
        throw unknown("built-in trace", name, TRACE_NAMES);
    }

    private static WorkloadException unknown(String what, String name, List<String> known) {
        String hint = Suggestions.closest(name, known);
        return new WorkloadException("unknown " + what + " '" + name + "'" + (hint == null ? "" : " (did you mean '"
                + hint + "'?)") + "; choose one of " + String.join(", ", known), List.of("workload"));
    }

    /**
     * A trace file, replayed with its own timing; its format is detected from its content ({@link TraceFormat}).
     * The file is read on first use, not here.
     *
     * @param file        the trace
     * @param skipBadRows false to refuse a file with a bad row (naming its file and line); true to skip and count
     *                    bad rows ({@link TraceSummary#skippedRows()})
     * @return the workload, named by the file's name
     * @throws WorkloadException when the file does not exist, is not a regular file or is larger than
     *                           {@link Limits#MAX_TRACE_FILE_BYTES}
     */
    public static TraceWorkload trace(Path file, boolean skipBadRows) {
        Objects.requireNonNull(file, "file");
        InputFiles.requireRegularFile(file, "trace file", Limits.MAX_TRACE_FILE_BYTES, WorkloadException::new);
        Path fileName = file.getFileName();
        return new TraceWorkload(fileName == null ? file.toString() : fileName.toString(), TraceSource.file(file),
                skipBadRows, TraceData.MAX_ROWS_IN_MEMORY);
    }

    /**
     * A trace file that refuses bad rows; see {@link #trace(Path, boolean)}.
     *
     * @param file the trace
     * @return the workload
     * @throws WorkloadException when the file does not exist or is not a regular file
     */
    public static TraceWorkload trace(Path file) {
        return trace(file, false);
    }

    /**
     * Poisson arrivals: independent exponential gaps, the traffic of many independent users.
     *
     * @param requestsPerSecond the mean rate, {@code > 0}
     * @param lengths           the requests' lengths
     * @return the workload, named {@code poisson}
     * @throws WorkloadException for a rate that is not positive and finite
     */
    public static WorkloadSpec poisson(double requestsPerSecond, LengthDistribution lengths) {
        return new SyntheticWorkload("poisson", new PoissonArrivals(ArrivalProcess.checkedRate(requestsPerSecond)),
                Objects.requireNonNull(lengths, "lengths"));
    }

    /**
     * Gamma-distributed gaps: Poisson's mean rate with a chosen burstiness.
     *
     * @param requestsPerSecond      the mean rate, {@code > 0}
     * @param coefficientOfVariation the gaps' standard deviation ÷ mean, {@code > 0}: 1 is Poisson (and draws the
     *                               same arrivals for a seed), above 1 bursty (the Azure code trace's is about 13),
     *                               below 1 more regular than chance
     * @param lengths                the requests' lengths
     * @return the workload, named {@code gamma}
     * @throws WorkloadException for a rate or coefficient that is not positive and finite
     */
    public static WorkloadSpec gamma(double requestsPerSecond, double coefficientOfVariation,
                                     LengthDistribution lengths) {
        if (!(coefficientOfVariation > 0) || Double.isInfinite(coefficientOfVariation)) {
            throw new WorkloadException("workload.coefficientOfVariation must be a positive, finite number, got "
                    + coefficientOfVariation + "; give 1 for Poisson arrivals, more for bursts",
                    List.of("workload.coefficientOfVariation"));
        }
        return new SyntheticWorkload("gamma",
                new GammaArrivals(ArrivalProcess.checkedRate(requestsPerSecond), coefficientOfVariation),
                Objects.requireNonNull(lengths, "lengths"));
    }

    /**
     * An offline backlog: every request at time 0, without end (wrap it in {@link #limit} for a fixed number of
     * jobs). It has no rate, so {@link WorkloadSpec#atRate} refuses it.
     *
     * @param lengths the requests' lengths
     * @return the workload, named {@code backlog}
     */
    public static WorkloadSpec backlog(LengthDistribution lengths) {
        return new SyntheticWorkload("backlog", new BacklogArrivals(), Objects.requireNonNull(lengths, "lengths"));
    }

    /**
     * The first requests of a workload only: its streams end after {@code requests} of them. Turns an endless
     * backlog into a fixed batch of jobs, or a trace into a single pass ({@code summary().rows()} requests).
     *
     * @param workload the workload
     * @param requests how many requests, {@code >= 1}
     * @return the limited workload, with the same name, lengths and rate
     * @throws WorkloadException when {@code requests} is below 1
     */
    public static WorkloadSpec limit(WorkloadSpec workload, long requests) {
        return new LimitedWorkload(Objects.requireNonNull(workload, "workload"), requests);
    }
}
