// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.scoring.SnapshotStore;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which snapshot a targeting run reads: a snapshot folder, or the latest one under a snapshot directory. */
public final class TargetSnapshots {
    /** The choice that means the snapshot {@code LATEST} names, as the server always reads. */
    public static final String LATEST = "latest";

    private TargetSnapshots() {
    }

    /**
     * @param choice a snapshot folder, or {@link #LATEST}
     * @throws TargetingInputException when there is no such snapshot
     */
    public static Path resolve(String choice, Path snapshots) {
        if (choice.equals(LATEST)) {
            return new SnapshotStore(snapshots).latest().orElseThrow(() -> new TargetingInputException(TargetingField.SNAPSHOT,
                    "no snapshot in " + snapshots + " yet; make one with: propensity score --data BASE.csv --id customer_id"));
        }
        Path folder = Path.of(choice);
        if (!Files.isDirectory(folder)) {
            throw new TargetingInputException(TargetingField.SNAPSHOT, "no snapshot folder " + folder);
        }
        return folder;
    }
}
