package org.splitinfer.core.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.sim.TimeSample;
import org.splitinfer.core.workload.RequestStream;

/**
 * The event loop of one run: requests arrive, queue, are prefilled, cross a KV link, are admitted to a decode batch,
 * and finish; every step's time is one {@link StepTimes} call.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>Clock and order.</b> Integer nanoseconds; events ordered by (time, sequence) ({@link EventQueue}); one
 *       thread, no shared state, so a seed gives the same run byte for byte.</li>
 *   <li><b>Routing.</b> An arriving request goes to a prefill (or colocated) instance, round-robin or to the one with
 *       the fewest outstanding tokens (prompt tokens not yet prefilled; colocated: plus output tokens not yet
 *       generated); a finished prompt picks its decode instance the same way (output tokens not yet generated).</li>
 *   <li><b>Prefill.</b> An instance takes prompts first come, first served, up to {@code chunkTokens} per step; a
 *       longer prompt is cut into chunks over several steps (chunked prefill), and short prompts are packed into
 *       one step (each pool's own budget). A step of {@code T} tokens from prompts {@code i} (chunk {@code t_i} after {@code p_i} tokens of
 *       their own) is priced as one sequence of {@code T} tokens after {@code P} prior tokens, with {@code P} chosen
 *       so the query-key pairs match: {@code T·P + T(T+1)/2 = Σ t_i·p_i + t_i(t_i+1)/2}, clamped at 0 (packed
 *       short prompts then pay a slightly larger causal triangle than they score). A pipelined instance
 *       ({@code stages > 1}) starts a step every interval and keeps up to {@code stages} in flight.</li>
 *   <li><b>KV transfer</b> (split). A finished prompt waits at its decode instance until KV-cache room for its whole
 *       final context (prompt plus answer) is reserved there; then its cache crosses the pair's link, whose
 *       bandwidth concurrent transfers share ({@link PairLinks}), plus the link's latency and, when the pools' KV
 *       formats differ, a conversion. With layer streaming the part sent while the prompt was prefilled is not
 *       sent again: {@code max(bytes ÷ layers, bytes − bandwidth × prefill time)} remains, as the estimator
 *       assumes.</li>
 *   <li><b>Decode.</b> Continuous batching: a sequence whose cache has arrived joins at the next iteration; each
 *       iteration gives every sequence in the batch one token and takes {@link StepTimes#decodeNanos} at the batch
 *       size and mean context; the first token of a sequence is the end of its first iteration (so TTFT = queueing
 *       + prefill + transfer + first decode step, as the estimator counts it); a sequence leaves after its last
 *       token and frees its reservation. Reserving the whole final context at admission means no sequence is ever
 *       preempted (a scheduler that knows answer lengths; real ones admit more and preempt, which this does not
 *       model).</li>
 *   <li><b>Colocated.</b> Requests reserve KV room on arrival at their instance, then each iteration runs the decode
 *       batch and up to {@code chunkTokens} prompt tokens; the two parts' times add (prefill and decode time-share
 *       the chips, as the estimator's colocated model has it).</li>
 *   <li><b>Rejection.</b> A request whose final context needs more KV cache than one decoding instance holds can
 *       never be admitted and is rejected on arrival.</li>
 *   <li><b>Ending.</b> A run limited by requests stops taking arrivals after the last and runs until every request
 *       has ended; one limited by time stops at the limit and counts what is still in flight.</li>
 * </ul>
 */
public final class Engine {
    static final int ARRIVAL = 0;
    static final int PREFILL_FREE = 1;
    static final int PREFILL_DONE = 2;
    static final int TRANSFER = 3;
    static final int KV_ARRIVED = 4;
    static final int DECODE_DONE = 5;
    static final int COLOCATED_DONE = 6;
    static final int SAMPLE = 7;

    private final EngineConfig config;
    private final RequestStream stream;
    private final RunLimit limit;
    private final long limitNanos;
    private final long sloTtftNanos;
    private final long sloTpotNanos;
    private final LongConsumer progress;
    private final long progressEvery;
    private CompletionObserver observer;

    private final EventQueue events = new EventQueue();
    private final RequestTable requests = new RequestTable();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final List<TimeSample> samples = new ArrayList<>();

    // prefill (split) or colocated instances
    private final IntQueue[] promptQueue;
    private final long[] prefillOutstanding;
    private final boolean[] prefillBlocked;
    private final int[] prefillInFlight;
    private final PromptSteps steps;
    private final Router prefillRouter;

    // decode (split) or colocated instances
    private final DecodeInstances decoders;
    private final PairLinks links;
    private int[] linkDone = new int[16];
    private final Router decodeRouter;

    /** Requests read from the stream (one may be scheduled and not yet arrived). */
    private long pulled;
    private long arrived;
    private long lastArrivalNanos;
    private long completed;
    private long rejectedKvCache;
    private long rejectedContextWindow;
    private long sloMet;
    private long outputTokens;
    private long prefillBusyNanos;
    private long transfers;
    private long eventCount;
    private long now;
    private boolean arrivalsOpen = true;
    private long lastSampleNanos;
    private long lastSamplePrefillBusy;
    private long lastSampleDecodeBusy;

    /**
     * @param config   pools, link and settings
     * @param stream   the requests, in arrival order
     * @param limit    when to stop taking requests
     * @param slo      the objective requests are counted against
     * @param progress told the number of requests that have ended, now and then; may be null
     */
    public Engine(EngineConfig config, RequestStream stream, RunLimit limit, ServiceLevel slo, LongConsumer progress) {
        this.config = config;
        this.stream = stream;
        this.limit = limit;
        this.limitNanos = limit.byTime() ? Math.round(limit.durationSeconds() * 1e9) : Long.MAX_VALUE;
        this.sloTtftNanos = Math.round(slo.ttftSeconds() * 1e9);
        this.sloTpotNanos = Math.round(slo.tpotSeconds() * 1e9);
        this.progress = progress;
        this.progressEvery = limit.byTime() ? 10_000 : Math.max(1, limit.requests() / 100);
        int prefills = config.prefill().instances();
        this.promptQueue = new IntQueue[prefills];
        this.prefillOutstanding = new long[prefills];
        this.prefillBlocked = new boolean[prefills];
        this.prefillInFlight = new int[prefills];
        int stages = config.split() ? config.prefill().stages() : 1;
        this.steps = new PromptSteps(prefills, stages, requests);
        for (int i = 0; i < prefills; i++) {
            promptQueue[i] = new IntQueue();
        }
        EngineConfig.Pool decoding = config.decoding();
        this.decoders = new DecodeInstances(decoding.instances(), decoding.kvCacheBytes(), decoding.maxBatch(),
                decoding.times(), requests, limitNanos);
        this.prefillRouter = new Router(config.router(), prefills);
        this.decodeRouter = new Router(config.router(), decoding.instances());
        this.links = config.split()
                ? new PairLinks(prefills * config.decode().instances(), config.linkBytesPerSecond()) : null;
    }

    /** @param watcher told every completion, in completion order */
    void observe(CompletionObserver watcher) {
        this.observer = watcher;
    }

    /**
     * Runs to the end.
     *
     * @return what was measured
     */
    public EngineOutcome run() {
        pullArrival();
        if (config.sampleNanos() > 0) {
            events.push(config.sampleNanos(), SAMPLE, 0, 0);
        }
        long end = 0;
        while (!events.isEmpty()) {
            if (events.peekTime() > limitNanos) {
                end = limitNanos;
                break;
            }
            events.pop();
            now = events.time;
            end = now;
            eventCount++;
            switch (events.kind) {
                case ARRIVAL -> arrival();
                case PREFILL_FREE -> {
                    prefillBlocked[events.target] = false;
                    startPrefill(events.target);
                }
                case PREFILL_DONE -> prefillDone(events.target, (int) events.payload);
                case TRANSFER -> transferDone(events.target, events.payload);
                case KV_ARRIVED -> {
                    decoders.arrive(events.target, (int) events.payload);
                    startDecode(events.target);
                }
                case DECODE_DONE -> decodeDone(events.target);
                case COLOCATED_DONE -> colocatedDone(events.target);
                case SAMPLE -> sample();
                default -> throw new IllegalStateException("unknown event kind " + events.kind);
            }
        }
        if (limit.byTime()) {
            end = limitNanos;
        }
        decoders.finish(end);
        return new EngineOutcome(arrived, completed, rejectedKvCache, rejectedContextWindow, end, lastArrivalNanos,
                latencies.ttft(), latencies.tpot(), latencies.e2e(), latencies.queue(), sloMet, outputTokens,
                prefillBusyNanos, decoders.busyNanos(), decoders.batchNanos(), decoders.stepNanos(), decoders.reservedByteNanos(), steps.tokensStepped(),
                steps.steps(), links == null ? new double[0] : links.bytesMoved(), transfers, eventCount, samples);
    }

    /** Reads the next request and schedules its arrival, while the limit allows. */
    private void pullArrival() {
        if (!arrivalsOpen) {
            return;
        }
        if ((!limit.byTime() && pulled >= limit.requests()) || !stream.advance()
                || stream.arrivalNanos() > limitNanos) {
            arrivalsOpen = false;
            return;
        }
        int slot = requests.allocate();
        requests.arrival[slot] = stream.arrivalNanos();
        requests.input[slot] = stream.inputTokens();
        requests.output[slot] = stream.outputTokens();
        requests.promptLeft[slot] = stream.inputTokens();
        requests.kvBytes[slot] = config.kv().reserveBytes((long) stream.inputTokens() + stream.outputTokens());
        events.push(stream.arrivalNanos(), ARRIVAL, slot, 0);
        pulled++;
    }

    private void arrival() {
        int slot = events.target;
        arrived++;
        lastArrivalNanos = now;
        pullArrival();
        if ((long) requests.input[slot] + requests.output[slot] > config.contextWindowTokens()) {
            rejectedContextWindow++;
            requests.release(slot);
            reportProgress();
            return;
        }
        if (requests.kvBytes[slot] > config.decoding().kvCacheBytes()) {
            rejectedKvCache++;
            requests.release(slot);
            reportProgress();
            return;
        }
        int instance = prefillRouter.pick(prefillOutstanding);
        requests.prefillInstance[slot] = instance;
        prefillOutstanding[instance] += requests.input[slot]
                + (config.split() ? 0 : requests.output[slot]);
        if (config.split()) {
            promptQueue[instance].add(slot);
            startPrefill(instance);
        } else {
            decoders.waitForRoom(instance, slot);
            decoders.admit(instance, now);
            startColocated(instance);
        }
    }

    // ---- split: prefill instances ------------------------------------------------------------------------------

    private void startPrefill(int instance) {
        IntQueue queue = promptQueue[instance];
        int stages = config.prefill().stages();
        while (!prefillBlocked[instance] && prefillInFlight[instance] < stages && !queue.isEmpty()) {
            int stepSlot = steps.freeSlot(instance);
            steps.take(queue, config.prefill().chunkTokens(), instance, stepSlot, now);
            StepTimes times = config.prefill().times();
            long latency = times.prefillLatencyNanos(steps.tokens, steps.prior);
            long interval = Math.min(latency, times.prefillIntervalNanos(steps.tokens, steps.prior));
            prefillInFlight[instance]++;
            prefillBlocked[instance] = true;
            prefillBusyNanos += busy(interval);
            events.push(now + interval, PREFILL_FREE, instance, 0);
            events.push(now + latency, PREFILL_DONE, instance, stepSlot);
        }
    }

    private void prefillDone(int instance, int stepSlot) {
        prefillInFlight[instance]--;
        int count = steps.finish(instance, stepSlot);
        int[] finishers = steps.finished(instance, stepSlot);
        for (int i = 0; i < count; i++) {
            int slot = finishers[i];
            requests.prefillDone[slot] = now;
            prefillOutstanding[instance] -= requests.input[slot];
            int decode = decodeRouter.pick(decoders.outstanding());
            requests.decodeInstance[slot] = decode;
            decoders.waitForRoom(decode, slot);
            reserveAndSend(decode);
        }
        startPrefill(instance);
    }

    /** Reserves KV room at a decode instance for the prompts waiting there, and starts their transfers. */
    private void reserveAndSend(int decode) {
        int slot;
        while ((slot = decoders.reserveNext(decode, now)) >= 0) {
            int link = requests.prefillInstance[slot] * config.decode().instances() + decode;
            double bytes = config.kv().transferBytes(requests.input[slot]);
            if (config.layerStreaming()) {
                double overlapped = config.linkBytesPerSecond()
                        * ((requests.prefillDone[slot] - requests.prefillStart[slot]) / 1e9);
                bytes = Math.max(bytes / config.layers(), bytes - overlapped);
            }
            long finish = links.start(link, slot, bytes, now);
            events.push(finish, TRANSFER, link, links.version(link));
            transfers++;
        }
    }

    private void transferDone(int link, long version) {
        if (version != links.version(link)) {
            return;
        }
        if (linkDone.length < links.capacity(link)) {
            linkDone = new int[links.capacity(link)];
        }
        int finished = links.finish(link, now, linkDone);
        int decode = link % config.decode().instances();
        for (int i = 0; i < finished; i++) {
            int slot = linkDone[i];
            long arrives = now + config.linkLatencyNanos() + config.kv().conversionNanos(requests.input[slot]);
            events.push(arrives, KV_ARRIVED, decode, slot);
        }
        long next = links.reschedule(link, now);
        if (next >= 0) {
            events.push(next, TRANSFER, link, links.version(link));
        }
    }

    // ---- decode and colocated iterations -----------------------------------------------------------------------

    private void startDecode(int decode) {
        if (decoders.busy(decode)) {
            return;
        }
        long duration = decoders.startIteration(decode, now);
        if (duration > 0) {
            events.push(now + duration, DECODE_DONE, decode, 0);
        }
    }

    private void decodeDone(int decode) {
        finishIteration(decode);
        reserveAndSend(decode);
        startDecode(decode);
    }

    private void startColocated(int instance) {
        if (decoders.busy(instance)) {
            return;
        }
        long duration = decoders.startIteration(instance, now);
        IntQueue prompts = decoders.prompts(instance);
        long prefill = 0;
        if (!prompts.isEmpty()) {
            steps.take(prompts, config.prefill().chunkTokens(), instance, 0, now);
            prefill = config.prefill().times().prefillLatencyNanos(steps.tokens, steps.prior);
            prefillBusyNanos += busy(prefill);
            decoders.occupy(instance, prefill);
        }
        if (duration + prefill > 0) {
            events.push(now + duration + prefill, COLOCATED_DONE, instance, 0);
        }
    }

    private void colocatedDone(int instance) {
        finishIteration(instance);
        if (steps.inFlight(instance, 0)) {
            int count = steps.finish(instance, 0);
            int[] finishers = steps.finished(instance, 0);
            for (int i = 0; i < count; i++) {
                int slot = finishers[i];
                requests.prefillDone[slot] = now;
                prefillOutstanding[instance] -= requests.input[slot];
                decoders.arrive(instance, slot);
            }
        }
        decoders.admit(instance, now);
        startColocated(instance);
    }

    /** Ends a decode iteration: first tokens, finished sequences. */
    private void finishIteration(int instance) {
        int finished = decoders.endIteration(instance, now);
        int[] done = decoders.finished();
        for (int i = 0; i < finished; i++) {
            complete(done[i], instance);
        }
    }

    private void complete(int slot, int instance) {
        long arrival = requests.arrival[slot];
        int output = requests.output[slot];
        long ttft = requests.firstToken[slot] - arrival;
        long tpot = output >= 2 ? (now - requests.firstToken[slot]) / (output - 1) : -1;
        long queue = requests.prefillStart[slot] - arrival
                + (config.split() ? requests.reserved[slot] - requests.prefillDone[slot] : 0);
        latencies.record(ttft, tpot, now - arrival, queue);
        if (observer != null) {
            observer.completed(arrival, requests.prefillStart[slot], requests.prefillDone[slot], requests.reserved[slot],
                    requests.firstToken[slot], now, requests.input[slot], output);
        }
        if (ttft <= sloTtftNanos && tpot <= sloTpotNanos) {
            sloMet++;
        }
        outputTokens += output;
        completed++;
        if (!config.split()) {
            prefillOutstanding[instance] -= output;
        }
        requests.release(slot);
        reportProgress();
    }

    private void reportProgress() {
        long ended = completed + rejectedKvCache + rejectedContextWindow;
        if (progress != null && ended % progressEvery == 0) {
            progress.accept(ended);
        }
    }

    /** Busy time inside the run: a step that runs past a time limit counts only up to it. */
    private long busy(long duration) {
        return limit.byTime() ? Math.max(0, Math.min(duration, limitNanos - now)) : duration;
    }

    // ---- time series -------------------------------------------------------------------------------------------

    private void sample() {
        long span = now - lastSampleNanos;
        int queued = 0;
        for (IntQueue queue : promptQueue) {
            queued += queue.size();
        }
        long decodeBusy = decoders.busyNanos();
        double prefillInstances = config.prefill().instances();
        samples.add(new TimeSample(now / 1e9, config.split() ? queued : decoders.queuedPrompts(),
                decoders.waiting(), decoders.running(), arrived - completed - rejectedKvCache - rejectedContextWindow,
                decoders.occupancy(),
                span == 0 ? 0 : (prefillBusyNanos - lastSamplePrefillBusy) / (prefillInstances * span),
                config.split() && span > 0 ? (decodeBusy - lastSampleDecodeBusy)
                        / ((double) config.decode().instances() * span) : 0, completed));
        lastSampleNanos = now;
        lastSamplePrefillBusy = prefillBusyNanos;
        lastSampleDecodeBusy = decodeBusy;
        // keep sampling while anything else is still to happen
        if (!events.isEmpty() || arrivalsOpen) {
            events.push(now + config.sampleNanos(), SAMPLE, 0, 0);
        }
    }
}
