// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.Task;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One scoring run.
 *
 * @param tasks          the tasks to score; empty means every task that has a current model
 * @param snapshots      where snapshots go; ignored when {@code out} is set
 * @param out            write only the scores file here ("-" for stdout) instead of a snapshot; may be null
 * @param maxBadFraction the run fails when more than this share of rows cannot be scored
 * @param keepColumns    input columns copied into the scores file after the segment (e.g. rfm_segment, region)
 */
public record RescoreRequest(Path data, Character separator, String idColumn, List<Task> tasks, Path models,
                             Path snapshots, String out, SegmentPolicy policy, double maxBadFraction, int threads,
                             boolean gzip, List<String> keepColumns) {
    public RescoreRequest(Path data, Character separator, String idColumn, List<Task> tasks, Path models,
                          Path snapshots, String out, SegmentPolicy policy, double maxBadFraction, int threads,
                          boolean gzip) {
        this(data, separator, idColumn, tasks, models, snapshots, out, policy, maxBadFraction, threads, gzip, List.of());
    }

    public RescoreRequest {
        keepColumns = List.copyOf(keepColumns);
        if (keepColumns.contains(idColumn)) {
            throw new IllegalArgumentException("the id column '" + idColumn + "' is always in the scores file; do not keep it again");
        }
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(policy, "policy");
        tasks = List.copyOf(tasks);
        if (out == null) {
            Objects.requireNonNull(snapshots, "snapshots");
        }
        if (!(maxBadFraction >= 0 && maxBadFraction <= 1)) {
            throw new IllegalArgumentException("the bad-row threshold must be a share between 0 and 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }
}
