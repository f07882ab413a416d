package org.splitinfer.core.estimate;

import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.ParallelLayout;

/**
 * The draft of a pool that decodes speculatively, with every choice made: what is costed for one proposed token, on
 * how many of the instance's chips, in which layout, and what it adds to the instance's memory.
 *
 * @param speculative     the speculative decoding asked for
 * @param model           what one proposed token runs through: the draft model, or the target cut to the heads'
 *                        layers (with the target's embedding and LM head)
 * @param chips           chips of the instance the draft runs on: all of them, or the most a runnable layout of the
 *                        draft uses
 * @param layout          the draft's layout on those chips
 * @param weightBytes     bytes of weights the draft adds to the instance (the heads share the target's embedding
 *                        and LM head)
 * @param kvBytesPerToken KV-cache bytes one token adds to the draft's cache
 * @param coster          prices the draft's passes (the pool's chip, formats and serving-stack kernel efficiency;
 *                        the stack's fixed per-step overhead is paid once per verification step, not per pass)
 * @since 0.1
 */
public record ResolvedDraft(SpeculativeDecoding speculative, ModelSpec model, int chips, ParallelLayout layout,
                            double weightBytes, double kvBytesPerToken, StepCoster coster) {
}
