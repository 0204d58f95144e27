// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.data.DataException;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.lookalike.LookalikeField;
import io.github.propensity.lookalike.LookalikeInputException;
import io.github.propensity.storage.BundleException;
import io.github.propensity.scoring.SnapshotStore;
import io.github.propensity.targeting.TargetingField;
import io.github.propensity.targeting.TargetingInputException;
import picocli.CommandLine;

import java.io.UncheckedIOException;

/**
 * The one place that turns a failure into a message and an exit code: bad data 3 (a lookalike setting that cannot
 * work, or a snapshot that cannot be targeted, too, named as its option), anything else 1 (usage errors are picocli's, 2). Expected failures get one clear
 * line; an unexpected one is a bug and keeps its stack trace.
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
        if (failure instanceof TargetingInputException targeting) {
            err.println("error: " + TargetCommand.problems(targeting));
            return ExitCode.BAD_DATA;
        }
        if (failure instanceof LookalikeInputException setting) {
            err.println("error: " + setting.problem() + " (" + flag(setting.field()) + ")");
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

    /** The {@code target} command's option for a setting the domain blames. */
    static String flag(TargetingField field) {
        return switch (field) {
            case SNAPSHOT -> "--snapshot";
            case TASK -> "--task";
            case OFFER_COST -> "--offer-cost";
            case SAVE_RATE -> "--save-rate";
            case UPLIFT -> "--uplift";
            case UPLIFT_OUTCOME -> "--uplift-outcome";
            case BUDGET -> "--budget";
            case MAX_CUSTOMERS -> "--max-customers";
            case LIMIT -> "limit (an API setting)";
        };
    }

    /** The {@code lookalike} command's option for a setting the domain blames. */
    static String flag(LookalikeField field) {
        return switch (field) {
            case SEED -> "--seed";
            case SIZE -> "--size";
            case EXPORT -> "--export";
            case MIN_SEED -> "--min-seed";
            case COUNTRY_CODE -> "--country-code";
        };
    }
}
