// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.model.ModelStore;
import io.github.propensity.training.BundleAssembler;
import io.github.propensity.training.CandidateGrid;
import io.github.propensity.training.LabelSpec;
import io.github.propensity.training.PropensityTrainer;
import io.github.propensity.model.Task;
import io.github.propensity.training.TrainingOutcome;
import io.github.propensity.training.TrainingRequest;
import io.github.propensity.training.RowOrigin;
import io.github.propensity.transactions.FeatureFileManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Locale;

@Command(name = "train", sortOptions = false,
        description = {"Fit a calibrated propensity model from a customer CSV or Parquet table and publish it as the task's current model.",
                "Logistic regression and XGBoost candidates are compared by log loss (five-fold cross-validation below 20,000 "
                        + "training rows, a validation split above); the winner is calibrated (Platt or isotonic) on "
                        + "probabilities of rows it did not train on and evaluated on a stratified holdout.",
                "Progress goes to stderr; the last stdout line is a JSON summary."})
final class TrainCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(TrainCommand.class);

    @CommandLine.Mixin
    CommandContext context;

    @CommandLine.Mixin
    LabelledDataOptions input;

    @CommandLine.Mixin
    FitOptions fit;

    @Override
    public Integer call() {
        double holdout = fit.holdout(context.commandLine());
        int threadCount = fit.threads(context.commandLine());
        LabelSpec label = input.labelSpec(context.commandLine());
        Task task = input.task;
        Path data = input.data;
        Path models = input.models.path();
        FeatureFileManifest manifest = FeatureFileManifest.readBeside(data);
        String idColumn = fit.id;
        List<String> dropped = new ArrayList<>(fit.drop);
        RowOrigin origin = null;
        if (manifest != null) {
            idColumn = fit.id != null ? fit.id : manifest.idColumn();
            // The cut-off date and the other labels describe the future or the row, not the customer: a model
            // that learned from them would leak.
            for (String column : manifest.nonFeatureColumns()) {
                if (!column.equals(label.column()) && !dropped.contains(column)) {
                    dropped.add(column);
                }
            }
            origin = FeatureFileOrigin.of(manifest, label.column());
            log.info("{} was built from transaction log {} at as-of {}: id column {}, leaving out {}", data.getFileName(),
                    manifest.source().file(), manifest.asOf(), idColumn, String.join(", ", dropped));
            if (manifest.asOf().size() > 1 && holdout > 0) {
                log.info("the rows stack {} cut-offs: the holdout keeps each customer's rows together but shares their dates "
                        + "with training; a later cut-off with evaluate tells how the model holds up over time", manifest.asOf().size());
            }
        }
        if (label.column().equals(idColumn)) {
            throw new CommandLine.ParameterException(context.commandLine(), "--id and --label name the same column '" + idColumn + "'");
        }
        TrainingRequest request = new TrainingRequest(task, data, label, idColumn, dropped, input.separator.orDetect(), fit.seed, holdout,
                threadCount, origin);
        log.info("training the {} model from {}", task, data.getFileName());
        TrainingOutcome outcome = new PropensityTrainer(CandidateGrid.defaults()).train(request);
        ModelStore store = new ModelStore(models);
        store.removeAbandonedStaging(task);
        String version = store.publish(task, new BundleAssembler().assemble(outcome));
        Path bundle = models.resolve(task.id()).resolve(version);
        log.info("published {} model {} -> {} (now current); training took {} s", task, version, bundle, String.format(Locale.ROOT, "%.1f", outcome.trainingSeconds()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", task.id());
        summary.put("version", version);
        summary.put("bundle", bundle.toString());
        summary.put("model", outcome.selection().chosen().spec().family());
        summary.put("calibration", outcome.calibration().calibrator().method());
        summary.put("training_seconds", Math.round(outcome.trainingSeconds() * 10) / 10.0);
        summary.put("test", outcome.metrics().test() == null ? null : outcome.metrics().test().summary());
        summary.put("cross_validated", outcome.metrics().crossValidated().summary());
        context.commandLine().getOut().println(JsonLine.of(summary));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
