/**
 * The root of every problem a caller can fix ({@link org.splitinfer.core.error.SplitInferException}): one sentence
 * naming the problem and the way out, and the input fields at fault by path.
 */
package org.splitinfer.core.error;
