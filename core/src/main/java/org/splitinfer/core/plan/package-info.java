/**
 * The planner: searches the deployments of the installed chips (pairs for prefill and decode, colocated pools;
 * chips, layouts, formats and instance counts per pool), estimates each at a workload's rate, verifies the most
 * promising with the simulator, and returns them ranked with the Pareto front and the winner.
 */
package org.splitinfer.core.plan;
