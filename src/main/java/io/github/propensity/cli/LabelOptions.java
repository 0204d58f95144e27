// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.training.LabelSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which column holds a binary outcome and which of its values means it happened. */
final class LabelOptions {
    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "column holding the outcome")
    String label;

    @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "label value meaning the outcome happened (case-insensitive)")
    String positive;

    LabelSpec labelSpec(CommandLine commandLine) {
        if (positive.isBlank() || label.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--label and --positive must not be empty");
        }
        return new LabelSpec(label, positive);
    }
}
