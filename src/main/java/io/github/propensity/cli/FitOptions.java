// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** What every command that fits a model on a labelled file shares: the id, dropped columns, seed, holdout and threads. */
final class FitOptions {
    @Option(names = "--id", paramLabel = "COLUMN", description = "customer id column; never a feature")
    String id;

    @Option(names = "--drop", split = ",", paramLabel = "COLUMN",
            description = "columns to leave out, comma-separated (leaks such as outcomes recorded after the fact, PII)")
    List<String> drop = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "random seed; the same seed and data give the same model (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--holdout", defaultValue = "0.2", paramLabel = "FRACTION",
            description = "share of rows kept aside to test the final model, 0 to 0.5; use 0 when you evaluate on a separate file (default: ${DEFAULT-VALUE})")
    double holdout;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the model fits (default: all cores)")
    Integer threads;

    /** The holdout share, refused as a usage error outside 0-0.5. */
    double holdout(CommandLine commandLine) {
        if (!(holdout >= 0 && holdout <= 0.5)) {
            throw new CommandLine.ParameterException(commandLine, "--holdout must be between 0 and 0.5, got " + holdout);
        }
        return holdout;
    }

    int threads(CommandLine commandLine) {
        return ThreadCount.resolve(threads, commandLine);
    }
}
