// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.training.LabelSpec;
import io.github.propensity.model.Task;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command over a labelled file shares: which task, which file, which outcome. */
final class LabelledDataOptions {
    @Option(names = "--task", required = true, description = "churn, purchase or conversion")
    Task task;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "labelled customers: a CSV (.csv or .csv.gz, header required), a .parquet file or a folder of Parquet parts")
    Path data;

    @CommandLine.Mixin
    LabelOptions outcome;

    @CommandLine.Mixin
    SeparatorOption separator;

    @CommandLine.Mixin
    ModelsDirectory models;

    LabelSpec labelSpec(CommandLine commandLine) {
        return outcome.labelSpec(commandLine);
    }
}
