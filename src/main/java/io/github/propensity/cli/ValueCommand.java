// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "value", description = "Customer value from a transaction log: predicted purchases, P(alive), order value and CLV.",
        subcommands = {ValueFitCommand.class})
final class ValueCommand implements Runnable {
    @CommandLine.Mixin
    CommandContext context;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(context.commandLine(), "a subcommand is required: fit");
    }
}
