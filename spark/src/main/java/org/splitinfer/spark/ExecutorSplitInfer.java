package org.splitinfer.spark;

import org.splitinfer.core.SplitInfer;

/**
 * The one SplitInfer of an executor's JVM: its plugins (in the job jar, found by ServiceLoader) load once, on the
 * first task, and every task after shares it; SplitInfer is thread-safe, and an executor runs several tasks at once.
 */
final class ExecutorSplitInfer {
    private ExecutorSplitInfer() {
    }

    /** The holder idiom: the class loads, and SplitInfer is built, on first use. */
    private static final class Holder {
        private static final SplitInfer INSTANCE = SplitInfer.create();
    }

    static SplitInfer get() {
        return Holder.INSTANCE;
    }
}
