// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.nio.file.Path;
import java.util.Objects;

/** Where a rescoring run's scores go: a published snapshot with its reports, or only the scores file. */
public sealed interface ScoresDestination {
    /** The {@code --out} argument: {@code -} is stdout, anything else a file path. */
    static ScoresDestination out(String out) {
        Objects.requireNonNull(out, "out");
        return out.equals("-") ? new Stdout() : new File(Path.of(out));
    }

    /** What the manifest and the command's summary call the scores file. */
    String scoresFile();

    /**
     * A new snapshot under {@code snapshots}, published atomically with manifest, segments, migration and drift.
     *
     * @param gzip write {@code scores.csv.gz} instead of {@code scores.csv}
     */
    record Snapshot(Path snapshots, boolean gzip) implements ScoresDestination {
        public Snapshot {
            Objects.requireNonNull(snapshots, "snapshots");
        }

        @Override
        public String scoresFile() {
            return gzip ? "scores.csv.gz" : "scores.csv";
        }
    }

    /** Only the scores file, written atomically at {@code out} (gzip when the name ends in .gz). */
    record File(Path out) implements ScoresDestination {
        public File {
            Objects.requireNonNull(out, "out");
        }

        @Override
        public String scoresFile() {
            return out.toString();
        }
    }

    /** Only the scores file, to standard output. */
    record Stdout() implements ScoresDestination {
        @Override
        public String scoresFile() {
            return "-";
        }
    }
}
