package org.splitinfer.core.estimate;

import java.util.Locale;

/**
 * What a pool of a deployment runs.
 *
 * @since 0.1
 */
public enum PoolRole {
    /** Prompts only, handing the KV cache to a decode pool. */
    PREFILL,
    /** Token generation only, from KV caches a prefill pool sent. */
    DECODE,
    /** Both phases on the same chips. */
    COLOCATED;

    /**
     * The prefix of this pool's fields in pipeline files and in error messages: {@code prefill}, {@code decode},
     * {@code colocated}.
     *
     * @return the field prefix
     */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }
}
