/**
 * Traffic: what requests arrive and when. Synthetic processes (Poisson, Gamma with a coefficient of variation),
 * traces replayed with their own timing (the Azure LLM inference traces 2023 ship built in as {@code chat} and
 * {@code code}), an offline {@code batch} backlog; request lengths fixed, lognormal or a trace's. Streams, so a
 * trace of any size is replayed without being held in memory.
 *
 * <p>Start at {@link org.splitinfer.core.workload.Workloads} (built-in names, trace files, synthetic processes) and
 * {@link org.splitinfer.core.workload.LengthDistribution}; every workload is a
 * {@link org.splitinfer.core.workload.WorkloadSpec} whose {@code open(seed)} gives a
 * {@link org.splitinfer.core.workload.RequestStream}. Trace formats and how one is recognised:
 * {@link org.splitinfer.core.workload.TraceFormat}; checking, replay past the end and rescaling:
 * {@link org.splitinfer.core.workload.TraceWorkload}. Each source of randomness draws from its own stream named
 * after it and seeded from the run's seed, so a seed gives the same requests, draw for draw.
 */
package org.splitinfer.core.workload;
