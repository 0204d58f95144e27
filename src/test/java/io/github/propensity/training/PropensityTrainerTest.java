// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.model.Task;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.evaluation.EvaluationReport;
import io.github.propensity.sample.SampleWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.stream.IntStream;

/** Trains on the synthetic story, whose true probabilities are known, and judges the model against them. */
class PropensityTrainerTest {
    private static final List<String> NOT_FOR_CHURN = List.of("email", "phone", "purchased_30d", "converted");

    @TempDir
    static Path dir;
    static Path training;
    static Path fresh;
    static Path freshTruth;

    @BeforeAll
    static void generate() throws IOException {
        training = dir.resolve("train.csv");
        fresh = dir.resolve("fresh.csv");
        freshTruth = dir.resolve("fresh-truth.csv");
        SampleWriter.write(training, null, 5000, 42);
        SampleWriter.write(fresh, freshTruth, 5000, 777);
    }

    private static TrainingRequest churnRequest(long seed, double holdout) {
        return new TrainingRequest(Task.CHURN, training, new LabelSpec("churned", "yes"), "customer_id", NOT_FOR_CHURN,
                null, seed, holdout, 2);
    }

    @Test
    void learnsProbabilitiesCloseToTheTruthOnNewCustomers() {
        TrainingOutcome outcome = new PropensityTrainer(CandidateGrid.defaults()).train(churnRequest(42, 0.2));
        CustomerTable freshTable = CustomerTable.read(fresh, null);
        CustomerTable truth = CustomerTable.read(freshTruth, null);
        int[] rows = IntStream.range(0, freshTable.rowCount()).toArray();
        double[] predicted = outcome.model().probabilities(TableEncoding.encode(freshTable, outcome.model().encoder(), rows));
        boolean[] churned = new boolean[rows.length];
        double[] oracle = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            churned[i] = freshTable.value(i, freshTable.columnIndex("churned")).equals("yes");
            oracle[i] = Double.parseDouble(truth.value(i, truth.columnIndex("p_churn")));
        }
        EvaluationReport model = BinaryEvaluator.evaluate(predicted, churned);
        EvaluationReport best = BinaryEvaluator.evaluate(oracle, churned);
        // 4,000 training rows cannot recover the truth exactly; these margins are what a sound pipeline achieves.
        assertTrue(model.auc() > best.auc() - 0.03, "AUC " + model.auc() + " vs oracle " + best.auc());
        assertTrue(model.brier() < best.brier() + 0.008, "Brier " + model.brier() + " vs oracle " + best.brier());
        assertTrue(model.ece() < 0.03, "ECE " + model.ece());
        double meanAbsoluteError = 0;
        for (int i = 0; i < rows.length; i++) {
            meanAbsoluteError += Math.abs(predicted[i] - oracle[i]) / rows.length;
        }
        assertTrue(meanAbsoluteError < 0.06, "mean |predicted - true probability| " + meanAbsoluteError);
        assertEquals(1000, outcome.rows().holdout());
        assertTrue(outcome.selection().candidates().stream().anyMatch(c -> c.spec() instanceof LogisticSpec));
        assertTrue(outcome.selection().candidates().stream().anyMatch(c -> c.spec() instanceof XGBoostSpec));
        assertEquals("days_since_last_login", outcome.importance().get(0).column(), "the story's strongest driver");
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        CandidateGrid quick = new CandidateGrid(List.of(new LogisticSpec(1.0)), List.of(new XGBoostSpec(3, 100, 0.05, 0.8, 0.8, 1, 1)));
        TrainingOutcome first = new PropensityTrainer(quick).train(churnRequest(5, 0.2));
        TrainingOutcome second = new PropensityTrainer(quick).train(churnRequest(5, 0.2));
        double[][] rows = new double[50][];
        CustomerTable table = CustomerTable.read(fresh, null);
        int[] indices = IntStream.range(0, 50).toArray();
        rows = TableEncoding.encode(table, first.model().encoder(), indices);
        assertArrayEquals(first.model().probabilities(rows), second.model().probabilities(rows), 0.0);
        assertEquals(first.metrics().test().auc(), second.metrics().test().auc(), 0.0);
        assertEquals(first.selection().chosen().spec(), second.selection().chosen().spec());
    }

    @Test
    void rowsWithoutALabelAreLeftOutAndCounted() {
        CandidateGrid quick = new CandidateGrid(List.of(new LogisticSpec(1.0)), List.of());
        TrainingOutcome outcome = new PropensityTrainer(quick).train(new TrainingRequest(Task.CONVERSION, training,
                new LabelSpec("converted", "YES"), "customer_id", List.of("email", "phone", "churned", "purchased_30d"),
                null, 1, 0.2, 1));
        assertTrue(outcome.rows().labelled() < 2500 && outcome.rows().labelled() > 1500, "only free-plan customers carry the label");
        assertEquals(5000, outcome.rows().data());
    }

    /**
     * Each size calibrates on probabilities of rows the calibrated model's fit never saw: out-of-fold ones below
     * 20,000 training rows, the validation split's above; and from 50,000 the candidates are compared on a sample.
     */
    @Test
    void eachTrainingSizeCalibratesOnHeldOutProbabilities() throws IOException {
        CandidateGrid quick = new CandidateGrid(List.of(new LogisticSpec(1.0)), List.of(new XGBoostSpec(3, 200, 0.1, 0.8, 0.8, 1, 2)));
        TrainingOutcome small = new PropensityTrainer(quick).train(churnRequest(3, 0.2));
        assertEquals(4000, small.reference().sortedProbabilities().length, "every training row has an out-of-fold probability");
        assertTrue(small.selection().basis().contains("cross-validated"), small.selection().basis());

        for (int customers : new int[]{30_000, 70_000}) {
            Path file = dir.resolve("base-" + customers + ".csv");
            SampleWriter.write(file, null, customers, 9);
            TrainingOutcome outcome = new PropensityTrainer(quick).train(new TrainingRequest(Task.CHURN, file, new LabelSpec("churned", "yes"),
                    "customer_id", NOT_FOR_CHURN, null, 3, 0.2, 2));
            int trainingRows = outcome.rows().training();
            int validationRows = outcome.reference().sortedProbabilities().length;
            assertEquals(0.2 * trainingRows, validationRows, 0.01 * trainingRows, "the validation split's probabilities");
            assertTrue(outcome.selection().basis().contains("validation split"), outcome.selection().basis());
            assertEquals(customers >= 62_500, !outcome.metrics().crossValidatedSource().contains("refitted"),
                    customers + ": " + outcome.metrics().crossValidatedSource());
            assertEquals(validationRows, outcome.metrics().crossValidated().rows());
            assertTrue(outcome.metrics().test().auc() > 0.7, "holdout AUC " + outcome.metrics().test().auc());
            assertTrue(outcome.metrics().test().ece() < 0.03, "holdout ECE " + outcome.metrics().test().ece());
        }
    }
}
