/**
 * Models: {@link org.splitinfer.core.model.ModelSpec} (shapes, layer kinds, parameter counts, KV-cache size),
 * {@link org.splitinfer.core.model.ModelPrecision} (formats and their command-line syntax), the built-in
 * {@link org.splitinfer.core.model.ModelCatalog} and the
 * {@link org.splitinfer.core.model.HuggingFaceConfigImporter}. Errors a user can cause are
 * {@link org.splitinfer.core.model.ModelException}s whose message is one sentence.
 */
package org.splitinfer.core.model;
