/**
 * A sweep on Apache Spark: {@link org.splitinfer.spark.SweepJob} expands a grid on the driver, evaluates each point
 * as one task on the executors with the same core code a local sweep runs, and writes the rows as Parquet.
 */
package org.splitinfer.spark;
