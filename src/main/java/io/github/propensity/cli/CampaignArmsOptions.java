// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.training.LabelSpec;
import io.github.propensity.uplift.CampaignName;
import io.github.propensity.uplift.UpliftInputException;
import io.github.propensity.uplift.UpliftRequest;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What {@code uplift train} and {@code uplift evaluate} share: the campaign, its results file, the arms and the outcome. */
final class CampaignArmsOptions {
    @Option(names = "--campaign", required = true, paramLabel = "NAME",
            description = "the campaign's name: where the model is stored (<models>/uplift/NAME) and what its score columns are called")
    String campaign;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "the campaign's results: one row per customer (.csv or .csv.gz)")
    Path data;

    @Option(names = "--treatment", required = true, paramLabel = "COLUMN", description = "column naming each customer's arm")
    String treatment;

    @Option(names = "--treated", required = true, paramLabel = "VALUE", description = "the arm modelled (other arms but the control are left out)")
    String treated;

    @Option(names = "--control", required = true, paramLabel = "VALUE", description = "the control arm's value (no contact)")
    String control;

    @CommandLine.Mixin
    LabelOptions outcome;

    @CommandLine.Mixin
    SeparatorOption separator;

    @CommandLine.Mixin
    ModelsDirectory models;

    String campaign(CommandLine commandLine) {
        try {
            return CampaignName.check(campaign);
        } catch (UpliftInputException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    UpliftRequest.Arms arms(CommandLine commandLine) {
        try {
            return new UpliftRequest.Arms(treatment, treated, control);
        } catch (UpliftInputException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    LabelSpec labelSpec(CommandLine commandLine) {
        return outcome.labelSpec(commandLine);
    }
}
