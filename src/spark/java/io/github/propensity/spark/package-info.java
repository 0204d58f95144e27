// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The weekly rescoring as an Apache Spark job ({@code src/spark/java}, built only with {@code -Pspark} into
 * {@code target/propensity-spark-job.jar}). A front end like {@code cli}, in the same top layer: it reads a base Spark
 * can read (Parquet or CSV, on any Hadoop file system), scores each partition through {@code scoring}'s
 * {@link io.github.propensity.scoring.BaseScoring} (the CLI's batch worker, prepared task, value, uplift and persona
 * models and segment rules), and writes a snapshot with the CLI's reports through
 * {@link io.github.propensity.scoring.SnapshotReports}. Uses {@code scoring}, {@code model}, {@code data},
 * {@code storage}, the value, uplift and persona stores (to ship their bundles) and {@code cli}'s exit codes and
 * uplift and persona options; never Javalin.
 */
package io.github.propensity.spark;
