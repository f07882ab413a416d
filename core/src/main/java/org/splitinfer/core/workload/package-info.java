/**
 * Traffic: what requests arrive and when. Synthetic processes (Poisson, Gamma with a coefficient of variation),
 * traces replayed with their own timing (the Azure LLM inference traces 2023 ship built in as {@code chat} and
 * {@code code}), an offline {@code batch} backlog; request lengths fixed, lognormal or a trace's. Streams, so a
 * trace of any size is replayed without being held in memory.
 */
package org.splitinfer.core.workload;
