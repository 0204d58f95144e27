// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.nio.file.Path;
import java.util.Map;

/** The result of a run, for the command's JSON line. {@code snapshot} is null when only a scores file was written. */
public record RescoreSummary(Path snapshot, SnapshotManifest manifest, Map<String, Long> segmentCounts,
                             DriftReport drift) {
}
