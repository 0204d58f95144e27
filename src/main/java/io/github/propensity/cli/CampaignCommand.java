// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "campaign", description = "Campaign A/B tests with a control group: read out the lifts, plan the sample size.",
        subcommands = {CampaignReportCommand.class, CampaignPlanCommand.class})
final class CampaignCommand implements Runnable {
    @CommandLine.Mixin
    CommandContext context;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(context.commandLine(), "a subcommand is required: report or plan");
    }
}
