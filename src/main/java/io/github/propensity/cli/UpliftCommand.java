// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "uplift", description = "Uplift models from a randomized campaign: who buys because of the offer, not anyway.",
        subcommands = {UpliftTrainCommand.class, UpliftEvaluateCommand.class})
final class UpliftCommand implements Runnable {
    @CommandLine.Mixin
    CommandContext context;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(context.commandLine(), "a subcommand is required: train or evaluate");
    }
}
