// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.ColumnDecision;
import io.github.propensity.model.BoostedTrees;
import io.github.propensity.model.BundleContents;
import io.github.propensity.model.BundleFiles;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.model.ScoreReference;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;

/** Turns a training outcome into the files of a model bundle, card included. */
public final class BundleAssembler {
    static final int TOP_DRIVERS = 10;

    private final ObjectMapper json = JsonMappers.standard();

    public BundleContents assemble(TrainingOutcome outcome) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(outcome.model().classifier().bundleFile(), outcome.model().classifier().serialize());
        files.put(BundleFiles.FEATURES, write(outcome.model().schema()));
        files.put(BundleFiles.CALIBRATION, write(outcome.model().calibrator()));
        files.put(BundleFiles.REFERENCE, write(ScoreReference.fromSorted(outcome.reference().sortedProbabilities())));
        files.put(BundleFiles.PROFILE, write(outcome.reference().profile()));
        return new BundleContents(files, (version, createdAt) -> {
            ModelCard card = card(outcome, version, createdAt);
            Map<String, byte[]> cards = new LinkedHashMap<>();
            cards.put(BundleFiles.CARD_JSON, write(card));
            cards.put(BundleFiles.CARD_MARKDOWN, CardMarkdown.render(card).getBytes(StandardCharsets.UTF_8));
            return cards;
        });
    }

    public ModelCard card(TrainingOutcome outcome, String version, Instant createdAt) {
        TrainingRequest request = outcome.request();
        List<ModelCard.SchemaColumn> schema = new ArrayList<>();
        for (ColumnDecision column : outcome.columns()) {
            schema.add(new ModelCard.SchemaColumn(column.name(), column.kind().label(), column.missing(), column.distinct(), column.exclusion()));
        }
        List<ModelCard.Candidate> candidates = new ArrayList<>();
        for (CandidateResult result : outcome.selection().candidates()) {
            candidates.add(new ModelCard.Candidate(result.spec().family(), result.spec().describe(), result.spec(),
                    result.validationLogLoss(), result.validationAuc(), result.validationBrier(), result.fitSeconds()));
        }
        CandidateResult chosen = outcome.selection().chosen();
        String reason = "lowest " + outcome.selection().basis() + " (" + PropensityTrainer.fmt(chosen.validationLogLoss()) + ") of "
                + candidates.size() + " candidates" + runnerUp(outcome);
        ModelCard.Metrics metrics = new ModelCard.Metrics(
                outcome.metrics().test() == null ? null : ModelCard.MetricSet.of("holdout of " + outcome.rows().holdout()
                        + " rows never used for fitting, selection or calibration; calibrated probabilities", outcome.metrics().test()),
                ModelCard.MetricSet.of(outcome.metrics().crossValidatedSource(), outcome.metrics().crossValidated()));
        return new ModelCard(request.task().id(), request.task().meaning(), version, createdAt,
                new ModelCard.LabelDefinition(request.label().column(), request.label().positiveValue(),
                        "positive when " + request.label().column() + " = " + request.label().positiveValue()
                                + " (case-insensitive); every other non-missing value is negative; rows with a missing label are not used"
                                + (request.origin() != null && request.origin().labelDefinition() != null
                                ? ". The label " + request.label().column() + " is " + request.origin().labelDefinition() : "")),
                new ModelCard.Data(request.dataFile().getFileName().toString(), outcome.rows().dataSha256(), outcome.rows().data(),
                        outcome.rows().labelled(), outcome.rows().training(), outcome.rows().trainingPositives(), outcome.rows().holdout(),
                        request.holdoutFraction(), request.idColumn(), request.dropColumns()),
                schema, outcome.model().encoder().width(),
                new ModelCard.Selection(chosen.spec().family(), shippedDescription(outcome), chosen.spec(), reason, candidates),
                new ModelCard.Calibration(outcome.calibration().calibrator().method(), outcome.calibration().reason(),
                        outcome.calibration().plattCvLogLoss(), outcome.calibration().isotonicCvLogLoss()),
                metrics, outcome.importance().stream().limit(TOP_DRIVERS).toList(), request.seed(), SoftwareVersions.current(),
                Math.round(outcome.trainingSeconds() * 10) / 10.0, request.origin());
    }

    /** The chosen settings, and the rounds the shipped trees have when the final fit scaled them to more rows. */
    private static String shippedDescription(TrainingOutcome outcome) {
        CandidateSpec chosen = outcome.selection().chosen().spec();
        if (outcome.model().classifier() instanceof BoostedTrees trees && chosen instanceof XGBoostSpec tuned && trees.rounds() != tuned.rounds()) {
            return chosen.describe() + "; refitted on all training rows with " + trees.rounds() + " rounds";
        }
        return chosen.describe();
    }

    private static String runnerUp(TrainingOutcome outcome) {
        return outcome.selection().candidates().stream()
                .filter(c -> !c.spec().family().equals(outcome.selection().chosen().spec().family()))
                .min(Comparator.comparingDouble(CandidateResult::validationLogLoss))
                .map(c -> "; best " + c.spec().family() + " reached " + PropensityTrainer.fmt(c.validationLogLoss()))
                .orElse("");
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
