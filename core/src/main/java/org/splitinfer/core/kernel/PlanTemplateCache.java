package org.splitinfer.core.kernel;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;

/**
 * A bounded, thread-safe memo of one planner's {@link PlanTemplate}s, so that the kernels of a step that depend
 * only on its token count are built once, not once per step (a simulator prices tens of millions of steps, and
 * their batch sizes repeat while their contexts do not).
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>Direct-mapped: {@value #ENTRIES} entries, each key going to one entry, a newer template replacing an older
 *       one there. The index is {@code newTokens + M × sequences} plus a mix of phase, stage and layout, modulo
 *       {@value #ENTRIES}, with {@code M} even: a decode step has {@code newTokens =
 *       sequences}, so its index moves by the odd {@code M + 1} per batch size, and decode steps of up to 512
 *       consecutive batch sizes, or prefill chunks of up to 512 consecutive token counts, never share an
 *       entry.</li>
 *   <li>A hit allocates nothing: the key's fields are compared in place. Entries are published through an
 *       {@link AtomicReferenceArray} and templates are immutable, so a reader sees a whole template or none; two
 *       threads that miss the same key both build it, and either result is correct since planning is pure.</li>
 *   <li>Memory: the array is 2 KB; a filled entry holds one step's kernels, about 3 KB for a dense model, so a
 *       full cache holds about 1.5 MB.</li>
 * </ul>
 */
final class PlanTemplateCache {
    static final int ENTRIES = 512;
    /** {@code M} of the notes: even, golden-ratio bits, so that distinct sequence counts spread. */
    private static final int SEQUENCE_MULTIPLIER = 0x9E3779BA;

    private final AtomicReferenceArray<PlanTemplate> entries = new AtomicReferenceArray<>(ENTRIES);

    /**
     * @return the template of that key, or null when it is not held
     */
    PlanTemplate get(Phase phase, int sequences, long newTokens, ParallelLayout layout, int stage) {
        PlanTemplate template = entries.get(index(phase, sequences, newTokens, layout, stage));
        return template != null && template.plans(phase, sequences, newTokens, layout, stage) ? template : null;
    }

    /** Holds a template, replacing whatever shared its entry. */
    void put(PlanTemplate template) {
        entries.set(index(template.phase(), template.sequences(), template.newTokens(), template.layout(),
                template.stage()), template);
    }

    private static int index(Phase phase, int sequences, long newTokens, ParallelLayout layout, int stage) {
        int shape = phase.ordinal() + 3 * (stage + 31 * (layout.tensor() + 31 * (layout.pipeline()
                + 31 * (layout.expert() + 31 * layout.data()))));
        int hash = (int) (newTokens ^ (newTokens >>> 32)) + SEQUENCE_MULTIPLIER * sequences + 0x9E3779B9 * shape;
        return hash & (ENTRIES - 1);
    }
}
