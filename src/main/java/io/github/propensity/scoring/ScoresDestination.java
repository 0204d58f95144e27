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
     * @param format how the snapshot holds its scores
     */
    record Snapshot(Path snapshots, Format format) implements ScoresDestination {
        /** How a snapshot holds its scores; every reader of a snapshot reads each ({@link SnapshotScores}). */
        public enum Format {
            CSV("scores.csv"), CSV_GZIP("scores.csv.gz"), PARQUET("scores.parquet");

            private final String fileName;

            Format(String fileName) {
                this.fileName = fileName;
            }

            public String fileName() {
                return fileName;
            }
        }

        public Snapshot {
            Objects.requireNonNull(snapshots, "snapshots");
            Objects.requireNonNull(format, "format");
        }

        /** A snapshot with its scores as CSV, compressed with gzip or not. */
        public Snapshot(Path snapshots, boolean gzip) {
            this(snapshots, gzip ? Format.CSV_GZIP : Format.CSV);
        }

        @Override
        public String scoresFile() {
            return format.fileName();
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
