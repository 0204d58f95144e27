// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.data.DataException;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.model.BundleException;
import io.github.propensity.scoring.SnapshotStore;
import picocli.CommandLine;

import java.io.UncheckedIOException;

/**
 * The one place that turns a failure into a message and an exit code: bad data 3, anything else 1 (usage errors
 * are picocli's, 2). Expected failures get one clear line; an unexpected one is a bug and keeps its stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (failure instanceof DataException || failure instanceof MissingFeatureColumnsException
                || failure instanceof FeatureValueException) {
            err.println("error: bad data: " + failure.getMessage());
            return ExitCode.BAD_DATA;
        }
        if (failure instanceof BundleException || failure instanceof UncheckedIOException
                || failure instanceof SnapshotStore.SnapshotLockedException) {
            err.println("error: " + failure.getMessage());
            return ExitCode.FAILURE;
        }
        err.println("error: unexpected failure (please report it): " + failure);
        failure.printStackTrace(err);
        return ExitCode.FAILURE;
    }
}
