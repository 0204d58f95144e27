// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.data.ColumnDecision;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.data.SchemaInference;
import io.github.propensity.evaluation.UpliftMetrics;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.features.FeatureSchemaFitter;
import io.github.propensity.model.UpliftModel;
import io.github.propensity.training.NonFeatureColumns;
import io.github.propensity.training.StratifiedSplits;
import io.github.propensity.training.TableEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits an uplift model for one treated arm against the control:
 * <ol>
 *   <li>read the results, keep the two arms' rows with an outcome and refuse data no uplift can be learned from
 *       ({@link CampaignRows}); keep a stratified holdout aside;</li>
 *   <li>fit the shared feature encoder on the training rows (the treatment column, the label, the id and dropped
 *       columns are never features);</li>
 *   <li>compare every {@link UpliftCandidate} by the Qini coefficient of its predictions on rows it did not train on:
 *       out-of-fold over five folds below {@value #VALIDATION_SPLIT_ROWS} training rows (a campaign's uplift is a
 *       small difference of two rates, and one validation fifth of a few ten thousand rows ranks candidates mostly
 *       by noise), on one validation fifth from there;</li>
 *   <li>refit the winner on every training row and evaluate it on the holdout.</li>
 * </ol>
 * Several treated arms are modelled one campaign at a time, each against the control: a customer's best arm is then
 * the arm whose model predicts the highest uplift.
 */
public final class UpliftTrainer {
    private static final Logger log = LoggerFactory.getLogger(UpliftTrainer.class);
    static final int FOLDS = 5;
    static final int VALIDATION_SPLIT_ROWS = 100_000;
    static final double VALIDATION_FRACTION = 0.2;

    public UpliftOutcome train(UpliftRequest request) {
        long start = System.nanoTime();
        CustomerTable table = CustomerTable.read(request.dataFile(), request.separator());
        log.info("read {} rows x {} columns from {}", table.rowCount(), table.header().size(), request.dataFile().getFileName());
        CampaignRows campaign = CampaignRows.extract(table, request.arms(), request.label(), true);
        int treatedCount = campaign.treatedCount();
        log.info("comparing {} treated ('{}') with {} control ('{}') customers; {} rows of other arms and {} without an outcome left out",
                treatedCount, request.arms().treated(), campaign.rows().length - treatedCount, request.arms().control(),
                campaign.otherArms(), campaign.unlabelled());

        List<ColumnDecision> columns = SchemaInference.infer(table, campaign.rows(), notFeatures(table, request));
        for (ColumnDecision column : columns) {
            log.info("  {}", column.describe());
        }
        if (columns.stream().noneMatch(ColumnDecision::isFeature)) {
            throw DataException.inFile(table.source(), "no usable feature columns: every column is the treatment, the label, the id, "
                    + "dropped, constant or identifier-like (see the schema above)");
        }
        int[] training = allRows(campaign.rows().length);
        int[] holdout = new int[0];
        if (request.holdoutFraction() > 0) {
            int[][] split = StratifiedSplits.holdout(transformedClass(campaign.treated(), campaign.outcomes()), request.holdoutFraction(), request.seed());
            training = split[0];
            holdout = split[1];
        }
        int[] trainingTableRows = pickInts(campaign.rows(), training);
        FeatureSchema schema = FeatureSchemaFitter.fit(table, columns, trainingTableRows);
        double[][] rows = TableEncoding.encode(table, schema.encoder(), trainingTableRows);
        boolean[] treated = UpliftCandidate.pick(campaign.treated(), training);
        boolean[] outcomes = UpliftCandidate.pick(campaign.outcomes(), training);
        double[][] holdoutRows = TableEncoding.encode(table, schema.encoder(), pickInts(campaign.rows(), holdout));
        log.info("{} input columns -> {} encoded features; {} training rows, {} held out", schema.columns().size(),
                schema.encoder().width(), rows.length, holdoutRows.length);

        UpliftOutcome.Selection selection = select(schema, rows, treated, outcomes, request);
        UpliftCandidate chosen = selection.chosenCandidate();
        log.info("chose {}: highest Qini coefficient on rows it did not train on ({})", chosen.describe(),
                fmt(selection.scores().get(selection.chosen()).qini()));
        UpliftModel model = chosen.fit(schema, rows, treated, outcomes, groupSettings(request), request.seed(), request.threads());
        UpliftEvaluation test = null;
        if (holdout.length > 0) {
            test = UpliftEvaluation.of(model.uplifts(holdoutRows), UpliftCandidate.pick(campaign.outcomes(), holdout),
                    UpliftCandidate.pick(campaign.treated(), holdout), request.seed());
            log.info("holdout ({} rows): Qini {} [{}, {}]  uplift@30% {} [{}, {}]  ATE {}", test.rows(), fmt(test.qini().value()),
                    fmt(test.qini().low()), fmt(test.qini().high()), fmt(test.upliftAt30().value()), fmt(test.upliftAt30().low()),
                    fmt(test.upliftAt30().high()), fmt(test.averageEffect().value()));
        }
        UpliftOutcome.Counts counts = new UpliftOutcome.Counts(table.sha256(), table.rowCount(), campaign.rows().length, treatedCount,
                campaign.rows().length - treatedCount, campaign.otherArms(), campaign.unlabelled(), training.length, holdout.length);
        return new UpliftOutcome(request, counts, columns, model, selection, test, (System.nanoTime() - start) / 1e9);
    }

    private static UpliftOutcome.Selection select(FeatureSchema schema, double[][] rows, boolean[] treated, boolean[] outcomes,
                                                  UpliftRequest request) {
        boolean crossValidate = rows.length < VALIDATION_SPLIT_ROWS;
        boolean[] strata = transformedClass(treated, outcomes);
        List<int[][]> folds = crossValidate ? StratifiedSplits.kFold(strata, FOLDS, request.seed())
                : List.<int[][]>of(StratifiedSplits.holdout(strata, VALIDATION_FRACTION, request.seed()));
        int[] scored = crossValidate ? allRows(rows.length) : folds.get(0)[1];
        String method = crossValidate ? FOLDS + "-fold cross-validation (out-of-fold predictions of every training row)"
                : "a stratified validation fifth of the training rows";
        log.info("comparing uplift candidates by {}", method);
        List<UpliftOutcome.Score> scores = new ArrayList<>();
        List<double[]> predictions = new ArrayList<>();
        int best = 0;
        for (UpliftCandidate candidate : UpliftCandidate.grid(request.threads())) {
            long start = System.nanoTime();
            double[] outOfSample = new double[rows.length];
            for (int[][] fold : folds) {
                UpliftModel model = candidate.fit(schema, UpliftCandidate.pick(rows, fold[0]), UpliftCandidate.pick(treated, fold[0]),
                        UpliftCandidate.pick(outcomes, fold[0]), groupSettings(request), request.seed(), request.threads());
                double[] scratch = model.newScratch();
                for (int row : fold[1]) {
                    outOfSample[row] = model.uplift(rows[row], scratch);
                }
            }
            double[] uplift = new double[scored.length];
            for (int i = 0; i < scored.length; i++) {
                uplift[i] = outOfSample[scored[i]];
            }
            boolean[] scoredOutcomes = UpliftCandidate.pick(outcomes, scored);
            boolean[] scoredTreated = UpliftCandidate.pick(treated, scored);
            double qini = UpliftMetrics.qini(uplift, scoredOutcomes, scoredTreated);
            double at30 = UpliftMetrics.upliftAtK(uplift, scoredOutcomes, scoredTreated, 0.3);
            double seconds = (System.nanoTime() - start) / 1e9;
            scores.add(new UpliftOutcome.Score(candidate, qini, at30, seconds));
            predictions.add(uplift);
            log.info("  {}: Qini {}  uplift@30% {}  ({} s)", candidate.describe(), fmt(qini), fmt(at30), String.format(Locale.ROOT, "%.1f", seconds));
            if (Double.isNaN(scores.get(best).qini()) || qini > scores.get(best).qini()) {
                best = scores.size() - 1;
            }
        }
        UpliftEvaluation chosen = UpliftEvaluation.of(predictions.get(best), UpliftCandidate.pick(outcomes, scored),
                UpliftCandidate.pick(treated, scored), request.seed());
        return new UpliftOutcome.Selection(method, scores, best, chosen);
    }

    /**
     * The strata splits keep in proportion: treated responders with control non-responders, and the rest (the class
     * transformation's two classes). With the arms randomized, this keeps each part's responders per arm close to
     * the whole's, where stratifying on the outcome alone would let one arm's responders drift.
     */
    private static boolean[] transformedClass(boolean[] treated, boolean[] outcomes) {
        boolean[] strata = new boolean[treated.length];
        for (int i = 0; i < strata.length; i++) {
            strata[i] = treated[i] == outcomes[i];
        }
        return strata;
    }

    private static UpliftCandidate.GroupSettings groupSettings(UpliftRequest request) {
        return new UpliftCandidate.GroupSettings(request.groupMargin(), request.direction());
    }

    private static Map<String, String> notFeatures(CustomerTable table, UpliftRequest request) {
        Map<String, String> reasons = NonFeatureColumns.of(table, request.label(), request.idColumn(), request.dropColumns());
        reasons.put(request.arms().column(), "the treatment");
        return reasons;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static int[] pickInts(int[] values, int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
