/**
 * The entry point of splitinfer-core, {@link org.splitinfer.core.SplitInfer}: hardware, models and estimates with the
 * shipped defaults. Nothing else in core depends on this package.
 */
package org.splitinfer.core;
