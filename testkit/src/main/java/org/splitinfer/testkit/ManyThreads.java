package org.splitinfer.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The host calls a plugin from many threads at once (the planner verifies on all cores, the simulator runs
 * independent runs in parallel) and caches what it answers, so the same call must give the same answer on any
 * thread. This runs each call once on the test's thread, then every call from {@value #THREADS} threads released
 * together, each starting at a different call, {@value #ROUNDS} times over, and names the calls whose answers
 * differ. Nothing is timed: every thread runs to its end.
 */
final class ManyThreads {
    static final int THREADS = 8;
    static final int ROUNDS = 4;

    private ManyThreads() {
    }

    /**
     * @param calls named calls into a plugin
     * @return one line per call whose answer on another thread differed from the first, or that threw there
     */
    static List<String> differing(Map<String, Callable<Object>> calls) throws InterruptedException {
        List<String> names = new ArrayList<>(calls.keySet());
        Map<String, Object> alone = new LinkedHashMap<>();
        for (String name : names) {
            alone.put(name, answer(calls.get(name)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * Math.max(1, names.size() / THREADS);
                threads.add(pool.submit(() -> {
                    start.await();
                    List<String> differ = new ArrayList<>();
                    for (int i = 0; i < ROUNDS * names.size(); i++) {
                        String name = names.get((offset + i) % names.size());
                        Object answer = answer(calls.get(name));
                        if (!Objects.equals(answer, alone.get(name))) {
                            differ.add(name + " answered " + answer + " on one of " + THREADS
                                    + " threads but " + alone.get(name) + " alone");
                        }
                    }
                    return differ;
                }));
            }
            start.countDown();
            List<String> differing = new ArrayList<>();
            for (Future<List<String>> thread : threads) {
                for (String line : thread.get()) {
                    if (!differing.contains(line)) {
                        differing.add(line);
                    }
                }
            }
            return differing;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object answer(Callable<Object> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return "an exception (" + e.getMessage() + ")";
        }
    }
}
