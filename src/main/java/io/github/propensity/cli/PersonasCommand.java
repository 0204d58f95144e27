// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "personas", description = "Behavioural personas: fit a versioned persona model on a customer base, assign customers to it.",
        subcommands = {PersonasFitCommand.class, PersonasAssignCommand.class})
final class PersonasCommand implements Runnable {
    @CommandLine.Mixin
    CommandContext context;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(context.commandLine(), "a subcommand is required: fit or assign");
    }
}
