// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.model.Task;
import io.github.propensity.scoring.CampaignModel;
import io.github.propensity.scoring.PersonaChoice;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the job.
 *
 * @param data         the base: a Parquet or CSV file or folder, any Hadoop file system URI
 * @param models       the model store, read on the driver (local, or a mounted share)
 * @param snapshots    the snapshot folder, any Hadoop file system URI
 * @param tasks        the tasks to score; empty for every task with a current model
 * @param segmentRules the built-in rules, or the --segments file's
 * @param maxBadShare  the share of rows (bad and repeated ids together) allowed before the run fails
 * @param campaigns    the uplift models to score, loaded on the driver, in the order of their columns; empty for none
 * @param personas     the persona model to assign with, loaded on the driver; empty for none
 */
record SparkRescoreRequest(String data, InputFormat format, Path models, String snapshots, String idColumn, List<Task> tasks,
                           SegmentRules segmentRules, List<String> keepColumns, double maxBadShare, List<CampaignModel> campaigns,
                           Optional<PersonaChoice> personas) {
    /** How the base is stored. */
    enum InputFormat { PARQUET, CSV }

    SparkRescoreRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(idColumn, "idColumn");
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(segmentRules, "segmentRules");
        keepColumns = List.copyOf(keepColumns);
        campaigns = List.copyOf(campaigns);
        if (campaigns.stream().map(CampaignModel::campaign).distinct().count() != campaigns.size()) {
            throw new IllegalArgumentException("a campaign is named twice");
        }
        Objects.requireNonNull(personas, "personas");
        if (keepColumns.contains(idColumn)) {
            throw new IllegalArgumentException("the id column '" + idColumn + "' is always in the scores; do not keep it again");
        }
        if (!(maxBadShare >= 0 && maxBadShare <= 1)) {
            throw new IllegalArgumentException("the bad-row threshold must be a share between 0 and 1");
        }
    }

    /** A run without uplift or persona models. */
    SparkRescoreRequest(String data, InputFormat format, Path models, String snapshots, String idColumn, List<Task> tasks,
                        SegmentRules segmentRules, List<String> keepColumns, double maxBadShare) {
        this(data, format, models, snapshots, idColumn, tasks, segmentRules, keepColumns, maxBadShare, List.of(), Optional.empty());
    }
}
