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
import io.github.propensity.model.ReferenceProfile;
import io.github.propensity.model.TrainedClassifier;
import io.github.propensity.training.calibration.CalibrationChoice;
import io.github.propensity.training.calibration.CalibrationFitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Locale;

/**
 * The training pipeline for one task:
 * <ol>
 *   <li>read and check the data, infer the schema, keep a stratified holdout aside (test rows are never seen again
 *       until the final evaluation);</li>
 *   <li>fit the feature encoder on the training rows; split them into fit and validation parts;</li>
 *   <li>train every candidate on the fit part (on a stratified sample of it beyond {@value #SELECTION_ROWS} rows),
 *       XGBoost with early stopping on the validation part, and choose by validation log loss;</li>
 *   <li>calibrate without ever fitting the calibrator on predictions of a model trained on the same rows. Below
 *       {@value #HELD_OUT_CALIBRATION_ROWS} training rows the chosen candidate is cross-fitted on five folds, the
 *       calibrator learns from the out-of-fold probabilities of every training row, and the candidate is refitted
 *       on all of them. From that size on, the chosen candidate trained on the fit part is the final model and the
 *       validation part calibrates it;</li>
 *   <li>evaluate the calibrated model on the holdout.</li>
 * </ol>
 */
public final class PropensityTrainer {
    private static final Logger log = LoggerFactory.getLogger(PropensityTrainer.class);
    static final double VALIDATION_FRACTION = 0.2;
    static final int CALIBRATION_FOLDS = 5;
    /** Below this many training rows, candidates are compared by cross-validation (see {@link #selectByCrossValidation}). */
    static final int CROSS_VALIDATED_SELECTION_ROWS = 20_000;
    /** From this many training rows on, the fit split's model is final, not refitted on all training rows (see {@link #selectOnValidation}). */
    static final int HELD_OUT_CALIBRATION_ROWS = 50_000;
    /** Candidates are compared on at most this many fit rows (see {@link #selectionSample}). */
    static final int SELECTION_ROWS = 50_000;

    private final CandidateGrid grid;

    public PropensityTrainer(CandidateGrid grid) {
        this.grid = grid;
    }

    public TrainingOutcome train(TrainingRequest request) {
        long start = System.nanoTime();
        // Everything that needs the table is done here; the rows' text is garbage once it returns, before the
        // candidates allocate their matrices.
        PreparedRows prepared = prepare(request);
        EncodedData training = prepared.training();
        String[] featureNames = prepared.schema().encoder().featureNames();

        Calibrated calibrated = training.rows() < CROSS_VALIDATED_SELECTION_ROWS
                ? selectByCrossValidation(training, prepared.trainingGroups(), featureNames, request)
                : selectOnValidation(training, prepared.trainingGroups(), featureNames, request);
        CalibrationChoice calibration = calibrated.calibration();
        log.info("calibration: {}", calibration.reason());
        PropensityModel model = new PropensityModel(prepared.schema(), calibrated.classifier(), calibration.calibrator());

        EvaluationReport test = null;
        if (prepared.holdout().rows() > 0) {
            test = BinaryEvaluator.evaluate(model.probabilities(prepared.holdout().features()), prepared.holdout().outcomes());
            log.info("holdout ({} rows): AUC {}  PR AUC {}  log loss {}  Brier {}  ECE {}", test.rows(), fmt(test.auc()),
                    fmt(test.prAuc()), fmt(test.logLoss()), fmt(test.brier()), fmt(test.ece()));
        }
        double[] outOfSample = calibrated.outOfSampleProbabilities();
        double[] reference = new double[outOfSample.length];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = calibration.calibrator().calibrate(outOfSample[i]);
        }
        Arrays.sort(reference);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingOutcome(request, prepared.counts(), prepared.columns(), model, calibrated.selection(), calibration,
                new TrainingOutcome.Metrics(calibrated.outOfSample(), calibrated.outOfSampleSource(), test),
                ImportanceExtractor.extract(calibrated.classifier(), prepared.schema()),
                new TrainingOutcome.Reference(reference, prepared.profile()), seconds);
    }

    /** The encoded training and holdout rows and what was learned from the table on the way. */
    private record PreparedRows(TrainingOutcome.RowCounts counts, List<ColumnDecision> columns, FeatureSchema schema,
                                EncodedData training, int[] trainingGroups, EncodedData holdout, ReferenceProfile profile) {
    }

    private static PreparedRows prepare(TrainingRequest request) {
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
        int[] trainingRows = labelled.rows();
        boolean[] trainingOutcomes = labelled.outcomes();
        int[] holdoutRows = new int[0];
        boolean[] holdoutOutcomes = new boolean[0];
        if (request.holdoutFraction() > 0) {
            int[][] split = StratifiedSplits.holdout(labelled.outcomes(), groups, request.holdoutFraction(), request.seed());
            trainingGroups = StratifiedSplits.subset(groups, split[0]);
            trainingRows = pick(labelled.rows(), split[0]);
            trainingOutcomes = pick(labelled.outcomes(), split[0]);
            holdoutRows = pick(labelled.rows(), split[1]);
            holdoutOutcomes = pick(labelled.outcomes(), split[1]);
        }

        FeatureSchema schema = FeatureSchemaFitter.fit(table, columns, trainingRows);
        FeatureEncoder encoder = schema.encoder();
        log.info("{} input columns -> {} encoded features", schema.columns().size(), encoder.width());
        EncodedData training = new EncodedData(TableEncoding.encode(table, encoder, trainingRows), trainingOutcomes);
        EncodedData holdout = new EncodedData(TableEncoding.encode(table, encoder, holdoutRows), holdoutOutcomes);
        return new PreparedRows(new TrainingOutcome.RowCounts(table.sha256(), table.rowCount(), labelled.rows().length,
                trainingRows.length, training.positives(), holdoutRows.length), columns, schema, training, trainingGroups, holdout,
                ReferenceProfileFitter.fit(table, schema, trainingRows, training.features()));
    }

    /**
     * The calibrated classifier and the out-of-sample evidence: out-of-fold probabilities of every training row
     * (cross-fitting), or the validation split's (held-out calibration).
     *
     * @param outOfSampleSource how {@code outOfSample} was measured, in words for the card
     */
    private record Calibrated(TrainingOutcome.Selection selection, TrainedClassifier classifier, CalibrationChoice calibration,
                              double[] outOfSampleProbabilities, EvaluationReport outOfSample, String outOfSampleSource) {
    }

    /**
     * Few rows: candidates are compared by five-fold cross-validation ({@link CrossValidatedSelection}), whose
     * out-of-fold probabilities of the chosen one fit the calibrator; the chosen one is then refitted on all rows.
     */
    private Calibrated selectByCrossValidation(EncodedData training, int[] groups, String[] featureNames, TrainingRequest request) {
        List<int[][]> folds = crossFitFolds(training.outcomes(), groups, request.seed());
        CrossValidatedSelection.Result result = CrossValidatedSelection.run(grid.specs(request.threads()), training, folds, featureNames,
                request.seed(), request.threads());
        result.candidates().forEach(PropensityTrainer::logged);
        int best = lowestLogLoss(result.candidates());
        CandidateResult chosen = result.candidates().get(best);
        log.info("chose {} ({}-fold cross-validated log loss {})", chosen.spec().describe(), CALIBRATION_FOLDS, fmt(chosen.validationLogLoss()));
        double[] outOfFold = result.outOfFold().get(best);
        CalibrationChoice calibration = CalibrationFitter.choose(outOfFold, training.outcomes(), folds);
        TrainedClassifier classifier = FittedCandidate.train(withThreads(forAllTrainingRows(chosen.spec()), request.threads()), training, null,
                featureNames, request.seed(), request.threads()).classifier();
        return new Calibrated(new TrainingOutcome.Selection(result.candidates(), chosen, CALIBRATION_FOLDS + "-fold cross-validated log loss"),
                classifier, calibration, outOfFold, BinaryEvaluator.evaluate(outOfFold, training.outcomes()),
                CALIBRATION_FOLDS + "-fold out-of-fold predictions on the training rows; uncalibrated probabilities");
    }

    /**
     * More rows: candidates are compared on a validation split (trained on the rest, or a sample of it), and the
     * validation split calibrates the chosen one. Below {@value #HELD_OUT_CALIBRATION_ROWS} training rows the
     * chosen one is then refitted on all training rows; from there on, the fit split's model is final.
     */
    private Calibrated selectOnValidation(EncodedData training, int[] trainingGroups, String[] featureNames, TrainingRequest request) {
        int[][] fitValidation = StratifiedSplits.holdout(training.outcomes(), trainingGroups, VALIDATION_FRACTION, request.seed() + 1);
        EncodedData fit = training.subset(fitValidation[0]);
        EncodedData validation = training.subset(fitValidation[1]);
        EncodedData selectionRows = selectionSample(fit, StratifiedSplits.subset(trainingGroups, fitValidation[0]), request.seed());
        List<CandidateSpec> specs = grid.specs(request.threads());
        List<Supplier<FittedCandidate>> fits = new ArrayList<>();
        for (CandidateSpec spec : specs) {
            // Boosted candidates run side by side on one thread each; logistic regression spreads one fit over all.
            fits.add(() -> FittedCandidate.train(singleThreaded(spec), selectionRows, validation, featureNames, request.seed(),
                    spec instanceof XGBoostSpec ? 1 : request.threads()));
        }
        List<FittedCandidate> fitted = ConcurrentFits.run(fits, request.threads());
        List<CandidateResult> candidates = new ArrayList<>();
        for (FittedCandidate candidate : fitted) {
            EvaluationReport report = BinaryEvaluator.evaluate(candidate.validationProbabilities(), validation.outcomes());
            // The card records the settings as a refit would use them, with the run's threads.
            candidates.add(logged(new CandidateResult(withThreads(candidate.spec(), request.threads()), report.logLoss(), report.auc(),
                    report.brier(), candidate.seconds())));
        }
        int best = lowestLogLoss(candidates);
        CandidateResult chosen = candidates.get(best);
        log.info("chose {} (validation log loss {})", chosen.spec().describe(), fmt(chosen.validationLogLoss()));
        TrainingOutcome.Selection selection = new TrainingOutcome.Selection(candidates, chosen,
                "log loss on a " + Math.round(100 * VALIDATION_FRACTION) + "% validation split");
        return training.rows() >= HELD_OUT_CALIBRATION_ROWS
                ? calibrateOnValidation(selection, specs.get(best), fitted.get(best), selectionRows != fit, fit, validation,
                StratifiedSplits.subset(trainingGroups, fitValidation[1]), featureNames, request.seed(), request.threads())
                : refitOnAllRows(calibrateOnValidation(selection, specs.get(best), fitted.get(best), false, fit, validation,
                StratifiedSplits.subset(trainingGroups, fitValidation[1]), featureNames, request.seed(), request.threads()),
                training, featureNames, request.seed(), request.threads());
    }

    /** Boosted fits that run side by side ({@link ConcurrentFits}) take one thread each. */
    static CandidateSpec singleThreaded(CandidateSpec spec) {
        return withThreads(spec, 1);
    }

    private static CandidateSpec withThreads(CandidateSpec spec, int threads) {
        return spec instanceof XGBoostSpec trees ? trees.withThreads(threads) : spec;
    }

    private static int lowestLogLoss(List<CandidateResult> candidates) {
        int best = 0;
        for (int c = 1; c < candidates.size(); c++) {
            if (candidates.get(c).validationLogLoss() < candidates.get(best).validationLogLoss()) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The chosen candidate trained on the fit split (refitted there when it was chosen on a sample of it, with its
     * own early stopping) and a calibrator fitted on its probabilities of the validation split, which it never saw.
     * With this many rows, five-fold cross-fitting would cost five more fits for a calibrator no better (measured on
     * bank-marketing: the same AUC and an ECE below 0.01 either way).
     */
    private static Calibrated calibrateOnValidation(TrainingOutcome.Selection selection, CandidateSpec maximal, FittedCandidate chosen, boolean chosenOnSample, EncodedData fit,
                                                    EncodedData validation, int[] validationGroups, String[] featureNames, long seed,
                                                    int threads) {
        FittedCandidate finalFit = chosen;
        if (chosenOnSample) {
            finalFit = FittedCandidate.train(maximal, fit, validation, featureNames, seed, threads);
            log.info("refit {} on all {} fit rows ({} s)", finalFit.spec().describe(), fit.rows(),
                    String.format(Locale.ROOT, "%.1f", finalFit.seconds()));
        }
        double[] probabilities = finalFit.validationProbabilities();
        List<int[][]> folds = crossFitFolds(validation.outcomes(), validationGroups, seed);
        CalibrationChoice calibration = CalibrationFitter.choose(probabilities, validation.outcomes(), folds);
        return new Calibrated(selection, finalFit.classifier(), calibration, probabilities, BinaryEvaluator.evaluate(probabilities, validation.outcomes()),
                "the validation split's " + validation.rows() + " rows, held out from the final model's fit; uncalibrated probabilities");
    }

    /**
     * Rows are not plentiful enough to leave a fifth out of the final model: the chosen candidate is refitted on
     * all training rows (XGBoost with its early-stopping rounds scaled to the larger row count), keeping the
     * calibrator its fit-split version earned on the validation split.
     */
    private static Calibrated refitOnAllRows(Calibrated onValidation, EncodedData training, String[] featureNames, long seed, int threads) {
        CandidateSpec tuned = withThreads(forAllTrainingRows(onValidation.selection().chosen().spec()), threads);
        TrainedClassifier classifier = FittedCandidate.train(tuned, training, null, featureNames, seed, threads).classifier();
        return new Calibrated(onValidation.selection(), classifier, onValidation.calibration(), onValidation.outOfSampleProbabilities(),
                onValidation.outOfSample(), onValidation.outOfSampleSource() + " (the final model is then refitted on all training rows)");
    }

    /**
     * The fit rows candidates are compared on: all of them up to {@value #SELECTION_ROWS}, beyond that a stratified,
     * customer-grouped sample of that size. Which settings win is settled well before that many rows; the final
     * model is then trained on every fit row.
     */
    private static EncodedData selectionSample(EncodedData fit, int[] fitGroups, long seed) {
        if (fit.rows() <= SELECTION_ROWS) {
            return fit;
        }
        double leftOut = 1 - (double) SELECTION_ROWS / fit.rows();
        EncodedData sample = fit.subset(StratifiedSplits.holdout(fit.outcomes(), fitGroups, leftOut, seed + 3)[0]);
        log.info("comparing candidates on a stratified sample of {} of the {} fit rows", sample.rows(), fit.rows());
        return sample;
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

    private static Map<String, String> notFeatures(CustomerTable table, TrainingRequest request) {
        return NonFeatureColumns.of(table, request.label(), request.idColumn(), request.dropColumns());
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
