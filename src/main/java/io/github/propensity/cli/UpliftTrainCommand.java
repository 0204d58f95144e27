// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.uplift.UpliftInputException;
import io.github.propensity.uplift.UpliftOutcome;
import io.github.propensity.uplift.UpliftRequest;
import io.github.propensity.uplift.UpliftStore;
import io.github.propensity.uplift.UpliftTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", sortOptions = false,
        description = {"Fit an uplift model of one treated arm against the control and publish it as the campaign's current model.",
                "Two models (T-learner), one model with the treatment as a feature (S-learner) and class transformation, each on "
                        + "logistic regression and boosted trees, are compared by the Qini coefficient on rows they did not train "
                        + "on (five-fold cross-validation below 100,000 rows, a validation fifth above); the winner is refitted on "
                        + "every training row and evaluated on a stratified holdout.",
                "For several treated arms, train one campaign per arm against the same control.",
                "Progress goes to stderr; the last stdout line is a JSON summary."})
final class UpliftTrainCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(UpliftTrainCommand.class);

    @CommandLine.Mixin
    CommandContext context;

    @CommandLine.Mixin
    CampaignArmsOptions input;

    @CommandLine.Mixin
    FitOptions fit;

    @Option(names = "--group-margin", defaultValue = "0.01", paramLabel = "UPLIFT",
            description = "uplift (a difference of probabilities) above which a customer is persuadable and below minus which a "
                    + "sleeping dog; in between, sure thing or lost cause by the response without contact (default: ${DEFAULT-VALUE})")
    double groupMargin;

    @Option(names = "--outcome", defaultValue = "wanted", paramLabel = "wanted|unwanted",
            description = "whether the label is the response the campaign seeks (a visit, a purchase) or one it should prevent "
                    + "(churn): the groups follow it, so for churn persuadables are the customers the contact keeps (default: ${DEFAULT-VALUE})")
    String outcome;


    private OutcomeDirection direction() {
        try {
            return OutcomeDirection.parse(outcome);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(context.commandLine(), "--outcome " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        String campaign = input.campaign(context.commandLine());
        UpliftRequest request;
        try {
            request = new UpliftRequest(campaign, input.data, input.separator.orDetect(), input.arms(context.commandLine()),
                    input.labelSpec(context.commandLine()), fit.id, fit.drop, fit.holdout(context.commandLine()), groupMargin,
                    direction(), fit.seed, fit.threads(context.commandLine()));
        } catch (UpliftInputException e) {
            throw new CommandLine.ParameterException(context.commandLine(), e.getMessage());
        }
        log.info("training the uplift model of campaign {} from {}", campaign, input.data.getFileName());
        UpliftOutcome outcome = new UpliftTrainer().train(request);
        Path models = input.models.path();
        String version = new UpliftStore(models).publish(outcome);
        Path bundle = models.resolve("uplift").resolve(campaign).resolve(version);
        log.info("published uplift model {} of campaign {} -> {} (now current); training took {} s", version, campaign, bundle,
                String.format(Locale.ROOT, "%.1f", outcome.seconds()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("campaign", campaign);
        summary.put("version", version);
        summary.put("bundle", bundle.toString());
        summary.put("model", outcome.selection().chosenCandidate().describe());
        summary.put("strategy", outcome.model().strategy().id());
        summary.put("training_seconds", Math.round(outcome.seconds() * 10) / 10.0);
        summary.put("out_of_sample", UpliftSummary.of(outcome.selection().chosenOutOfSample()));
        summary.put("holdout", outcome.holdout() == null ? null : UpliftSummary.of(outcome.holdout()));
        context.commandLine().getOut().println(JsonLine.of(summary));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
