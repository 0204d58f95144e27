// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.scoring.BaseScoring;
import io.github.propensity.storage.Directories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scoring prepared once per executor JVM. Preparing unpacks and verifies the bundles and compiles their
 * scorers, far too slow to repeat for every partition, and Spark has no per-executor setup hook, so this holds static state, which the
 * project otherwise avoids: a cache of an immutable value, keyed by everything that value is made from
 * ({@link ScoringSpec#key()}), holding only the latest key. A partition of another job (an executor reused, or several
 * runs in one JVM as in the tests) with other models or another header replaces it; nothing a result depends on is
 * kept from one job to the next.
 */
final class ExecutorScoring {
    private static String preparedKey;
    private static BaseScoring prepared;
    private static Path preparedDirectory;

    private ExecutorScoring() {
    }

    static synchronized BaseScoring forSpec(ScoringSpec spec) {
        String key = spec.key();
        if (!key.equals(preparedKey)) {
            Path directory;
            try {
                directory = Files.createTempDirectory("propensity-models-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a folder for the models: " + e.getMessage(), e);
            }
            BaseScoring scoring = spec.prepare(directory);
            if (preparedDirectory != null) {
                try {
                    Directories.deleteRecursively(preparedDirectory);
                } catch (IOException e) {
                    // Only a temporary copy of models already loaded: left for the OS's temp cleaning.
                    preparedDirectory.toFile().deleteOnExit();
                }
            }
            preparedKey = key;
            prepared = scoring;
            preparedDirectory = directory;
        }
        return prepared;
    }
}
