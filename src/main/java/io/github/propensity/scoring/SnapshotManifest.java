// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what a snapshot was made from and with, and what could not be scored.
 *
 * @param idColumn     the input's customer id column, which the scores file's first column is named after
 * @param duplicateIds rows dropped because they repeat the id of an earlier row (also counted in {@code badRows})
 */
public record SnapshotManifest(String snapshot, Instant startedAt, Instant finishedAt, double seconds,
                               double rowsPerSecond, String inputFile, String inputSha256, String idColumn, long rows, long scored,
                               long badRows, double maxBadRowShare, List<BadRow> badRowExamples, long duplicateIds,
                               Map<String, ModelUsed> models, String scoresFile, BandCutoffs bandCutoffs,
                               List<String> segments, Integer previousSnapshotCustomers) {
    /** @param thresholds the probabilities the band cut-offs mean for this model */
    public record ModelUsed(String version, BandCutoffs.Thresholds thresholds) {
    }
}
