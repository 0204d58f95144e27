// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code manifest.json}: what a snapshot was made from and with, and what could not be scored. */
public record SnapshotManifest(String snapshot, Instant startedAt, Instant finishedAt, double seconds,
                               double rowsPerSecond, String inputFile, String inputSha256, long rows, long scored,
                               long badRows, double maxBadRowShare, List<BadRow> badRowExamples, long duplicateIds,
                               Map<String, ModelUsed> models, String scoresFile, BandCutoffs bandCutoffs,
                               List<String> segments, Integer previousSnapshotCustomers) {
    /** @param thresholds the probabilities the band cut-offs mean for this model */
    public record ModelUsed(String version, BandCutoffs.Thresholds thresholds) {
    }
}
