// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.cli.ExitCode;
import io.github.propensity.data.DataException;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.storage.BundleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;

/**
 * {@code spark-submit --class io.github.propensity.spark.SparkJobMain propensity-spark-job.jar rescore ...}: the job's
 * front end, like the CLI's {@code Main}. Errors are mapped to the CLI's exit codes here and nowhere else; a failure
 * on an executor reaches the driver wrapped in Spark's exceptions, so the cause chain is searched for ours.
 */
@Command(name = "propensity-spark-job", mixinStandardHelpOptions = true, subcommands = {RescoreCommand.class, ToParquetCommand.class},
        description = "The weekly rescoring of a customer base as an Apache Spark job.")
public final class SparkJobMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: rescore or to-parquet");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new SparkJobMain()).setExecutionExceptionHandler(SparkJobMain::report);
    }

    private static int report(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataException || cause instanceof MissingFeatureColumnsException || cause instanceof FeatureValueException) {
                err.println("error: bad data: " + cause.getMessage());
                return ExitCode.BAD_DATA;
            }
            if (cause instanceof BundleException || cause instanceof UncheckedIOException) {
                err.println("error: " + cause.getMessage());
                return ExitCode.FAILURE;
            }
        }
        err.println("error: unexpected failure (please report it): " + failure);
        failure.printStackTrace(err);
        return ExitCode.FAILURE;
    }
}
