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

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "labelled customer CSV (.csv or .csv.gz), header required")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "column holding the outcome")
    String label;

    @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "label value meaning the outcome happened (case-insensitive)")
    String positive;

    @CommandLine.Mixin
    SeparatorOption separator;

    @CommandLine.Mixin
    ModelsDirectory models;

    LabelSpec labelSpec(CommandLine commandLine) {
        if (positive.isBlank() || label.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--label and --positive must not be empty");
        }
        return new LabelSpec(label, positive);
    }
}
