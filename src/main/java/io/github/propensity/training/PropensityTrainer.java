// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.ColumnDecision;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.data.SchemaInference;
import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.evaluation.EvaluationReport;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.features.FeatureSchemaFitter;
import io.github.propensity.model.PropensityModel;
import io.github.propensity.model.TribuoClassifier;
import io.github.propensity.training.calibration.CalibrationChoice;
import io.github.propensity.training.calibration.CalibrationFitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The training pipeline for one task:
 * <ol>
 *   <li>read and check the data, infer the schema, keep a stratified holdout aside (test rows are never seen again
 *       until the final evaluation);</li>
 *   <li>fit the feature encoder on the training rows; split them into fit and validation parts;</li>
 *   <li>tune every candidate on the validation part and choose by validation log loss;</li>
 *   <li>cross-fit the chosen candidate (five folds) to get out-of-fold probabilities for every training row, and
 *       choose and fit the calibrator on those, so the calibrator never sees the predictions of a model that was
 *       trained on the same rows;</li>
 *   <li>refit the chosen candidate on all training rows, wrap it with the calibrator, evaluate on the holdout.</li>
 * </ol>
 */
public final class PropensityTrainer {
    private static final Logger log = LoggerFactory.getLogger(PropensityTrainer.class);
    static final double VALIDATION_FRACTION = 0.2;
    static final int CALIBRATION_FOLDS = 5;

    private final CandidateGrid grid;

    public PropensityTrainer(CandidateGrid grid) {
        this.grid = grid;
        TribuoLogging.quiet();
    }

    public TrainingOutcome train(TrainingRequest request) {
        long start = System.nanoTime();
        CustomerTable table = CustomerTable.read(request.dataFile(), request.separator());
        log.info("read {} rows x {} columns from {}", table.rowCount(), table.header().size(), request.dataFile().getFileName());
        LabelledRows labelled = LabelledRows.extract(table, request.label(), true);
        reportLabels(request, labelled);

        List<ColumnDecision> columns = SchemaInference.infer(table, labelled.rows(), notFeatures(table, request));
        logSchema(columns);
        if (columns.stream().noneMatch(ColumnDecision::isFeature)) {
            throw DataException.inFile(table.source(), "no usable feature columns: every column is the label, the id, "
                    + "dropped, constant or identifier-like (see the schema above)");
        }

        int[] groups = CustomerGroups.of(table, request.idColumn(), labelled.rows());
        int[] trainingGroups = groups;
        if (groups != null) {
            log.info("{} labelled rows of {} customers: every split keeps a customer's rows together",
                    groups.length, Arrays.stream(groups).max().orElse(-1) + 1);
        }
        int[] trainingRows;
        int[] holdoutRows;
        boolean[] trainingOutcomes;
        boolean[] holdoutOutcomes;
        if (request.holdoutFraction() > 0) {
            int[][] split = StratifiedSplits.holdout(labelled.outcomes(), groups, request.holdoutFraction(), request.seed());
            trainingGroups = StratifiedSplits.subset(groups, split[0]);
            trainingRows = pick(labelled.rows(), split[0]);
            trainingOutcomes = pick(labelled.outcomes(), split[0]);
            holdoutRows = pick(labelled.rows(), split[1]);
            holdoutOutcomes = pick(labelled.outcomes(), split[1]);
        } else {
            trainingRows = labelled.rows();
            trainingOutcomes = labelled.outcomes();
            holdoutRows = new int[0];
            holdoutOutcomes = new boolean[0];
        }

        FeatureSchema schema = FeatureSchemaFitter.fit(table, columns, trainingRows);
        FeatureEncoder encoder = schema.encoder();
        String[] featureNames = encoder.featureNames();
        log.info("{} input columns -> {} encoded features", schema.columns().size(), featureNames.length);
        EncodedData training = new EncodedData(TableEncoding.encode(table, encoder, trainingRows), trainingOutcomes);

        int[][] fitValidation = StratifiedSplits.holdout(training.outcomes(), trainingGroups, VALIDATION_FRACTION, request.seed() + 1);
        EncodedData fit = training.subset(fitValidation[0]);
        EncodedData validation = training.subset(fitValidation[1]);
        List<CandidateResult> candidates = tuneCandidates(fit, validation, featureNames, request);
        CandidateResult chosen = candidates.stream().min(Comparator.comparingDouble(CandidateResult::validationLogLoss)).orElseThrow();
        log.info("chose {} (validation log loss {})", chosen.spec().describe(), fmt(chosen.validationLogLoss()));

        List<int[][]> folds = crossFitFolds(training.outcomes(), trainingGroups, request.seed());
        double[] outOfFold = crossFit(chosen.spec(), training, folds, featureNames, request.seed());
        EvaluationReport crossValidated = BinaryEvaluator.evaluate(outOfFold, training.outcomes());
        CalibrationChoice calibration = CalibrationFitter.choose(outOfFold, training.outcomes(), folds);
        log.info("calibration: {}", calibration.reason());

        Model<Label> finalModel = forAllTrainingRows(chosen.spec()).trainer(request.seed())
                .train(TribuoClassifier.dataset(featureNames, training.features(), training.outcomes(), request.dataFile().getFileName().toString()));
        PropensityModel model = new PropensityModel(schema, new TribuoClassifier(finalModel, featureNames), calibration.calibrator());

        EvaluationReport test = null;
        if (holdoutRows.length > 0) {
            double[][] holdoutFeatures = TableEncoding.encode(table, encoder, holdoutRows);
            test = BinaryEvaluator.evaluate(model.probabilities(holdoutFeatures), holdoutOutcomes);
            log.info("holdout ({} rows): AUC {}  PR AUC {}  log loss {}  Brier {}  ECE {}", test.rows(), fmt(test.auc()),
                    fmt(test.prAuc()), fmt(test.logLoss()), fmt(test.brier()), fmt(test.ece()));
        }
        double[] reference = new double[outOfFold.length];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = calibration.calibrator().calibrate(outOfFold[i]);
        }
        Arrays.sort(reference);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingOutcome(request,
                new TrainingOutcome.RowCounts(table.sha256(), table.rowCount(), labelled.rows().length, trainingRows.length,
                        training.positives(), holdoutRows.length),
                columns, model, new TrainingOutcome.Selection(candidates, chosen), calibration,
                new TrainingOutcome.Metrics(crossValidated, test), ImportanceExtractor.extract(finalModel, schema),
                new TrainingOutcome.Reference(reference, ReferenceProfileFitter.fit(table, schema, trainingRows, training.features())),
                seconds);
    }

    private List<CandidateResult> tuneCandidates(EncodedData fit, EncodedData validation, String[] featureNames, TrainingRequest request) {
        List<CandidateResult> results = new ArrayList<>();
        for (LogisticSpec spec : grid.logistic()) {
            long start = System.nanoTime();
            Model<Label> model = spec.trainer(request.seed()).train(TribuoClassifier.dataset(featureNames, fit.features(), fit.outcomes(), "fit split"));
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] probabilities = new TribuoClassifier(model, featureNames).positiveProbabilities(validation.features());
            EvaluationReport report = BinaryEvaluator.evaluate(probabilities, validation.outcomes());
            results.add(logged(new CandidateResult(spec, report.logLoss(), report.auc(), report.brier(), seconds)));
        }
        for (XGBoostSpec spec : grid.xgboost()) {
            results.add(logged(XGBoostRoundSearch.search(spec.withThreads(request.threads()), fit, validation, featureNames, request.seed())));
        }
        return results;
    }

    /**
     * The final model sees all training rows, a quarter more than the fit split the rounds were tuned on; boosting
     * needs proportionally more rounds to use the extra rows (the fold refits are fit-split-sized and keep the
     * tuned number).
     */
    private static CandidateSpec forAllTrainingRows(CandidateSpec spec) {
        return spec.forMoreRows(1 / (1 - VALIDATION_FRACTION));
    }

    private static CandidateResult logged(CandidateResult result) {
        log.info("  candidate {}: validation log loss {}, AUC {} ({} s)", result.spec().describe(),
                fmt(result.validationLogLoss()), fmt(result.validationAuc()), String.format(Locale.ROOT, "%.1f", result.fitSeconds()));
        return result;
    }

    /**
     * The folds of the cross-fit and of the calibration comparison alike: stratified, and keeping a customer's rows
     * in one fold, like every other split.
     */
    static List<int[][]> crossFitFolds(boolean[] outcomes, int[] groups, long seed) {
        return StratifiedSplits.kFold(outcomes, groups, CALIBRATION_FOLDS, seed + 2);
    }

    private static double[] crossFit(CandidateSpec spec, EncodedData training, List<int[][]> folds, String[] featureNames, long seed) {
        double[] outOfFold = new double[training.rows()];
        for (int[][] fold : folds) {
            EncodedData part = training.subset(fold[0]);
            Model<Label> model = spec.trainer(seed).train(TribuoClassifier.dataset(featureNames, part.features(), part.outcomes(), "calibration fold"));
            double[] predicted = new TribuoClassifier(model, featureNames).positiveProbabilities(training.subset(fold[1]).features());
            for (int i = 0; i < fold[1].length; i++) {
                outOfFold[fold[1][i]] = predicted[i];
            }
        }
        return outOfFold;
    }

    private static Map<String, String> notFeatures(CustomerTable table, TrainingRequest request) {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(request.label().column(), "the label");
        if (request.idColumn() != null) {
            requireColumn(table, request.idColumn(), "--id");
            reasons.put(request.idColumn(), "the customer id");
        }
        for (String drop : request.dropColumns()) {
            requireColumn(table, drop, "--drop");
            reasons.put(drop, "dropped (--drop)");
        }
        return reasons;
    }

    private static void requireColumn(CustomerTable table, String column, String option) {
        if (table.columnIndex(column) < 0) {
            throw DataException.inFile(table.source(), option + " column '" + column + "' not found; the columns are: "
                    + String.join(", ", table.header()));
        }
    }

    private static void reportLabels(TrainingRequest request, LabelledRows labelled) {
        int positives = labelled.positives();
        log.info("label {}: {} labelled rows, {} positive ({}%)", request.label().describe(), labelled.rows().length,
                positives, String.format(Locale.ROOT, "%.1f", 100.0 * positives / labelled.rows().length));
        if (labelled.unlabelled() > 0) {
            log.warn("{} rows have no label value and are left out of training", labelled.unlabelled());
        }
        if (labelled.otherValues().size() > 1) {
            log.warn("label column has {} values besides '{}'; all of them count as negative: {}",
                    labelled.otherValues().size(), request.label().positiveValue(), labelled.otherValues());
        }
    }

    private static void logSchema(List<ColumnDecision> columns) {
        log.info("inferred schema:");
        for (ColumnDecision column : columns) {
            if (column.isFeature()) {
                log.info("  {}", column.describe());
            } else {
                log.warn("  {}", column.describe());
            }
        }
    }

    private static int[] pick(int[] values, int[] positions) {
        int[] picked = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            picked[i] = values[positions[i]];
        }
        return picked;
    }

    private static boolean[] pick(boolean[] values, int[] positions) {
        boolean[] picked = new boolean[positions.length];
        for (int i = 0; i < positions.length; i++) {
            picked[i] = values[positions[i]];
        }
        return picked;
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
