// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.training.CandidateGrid;
import io.github.propensity.training.LabelSpec;
import io.github.propensity.training.LogisticSpec;
import io.github.propensity.training.PropensityTrainer;
import io.github.propensity.training.TableEncoding;
import io.github.propensity.model.Task;
import io.github.propensity.training.TrainingOutcome;
import io.github.propensity.training.TrainingRequest;
import io.github.propensity.training.XGBoostSpec;
import org.junit.jupiter.api.BeforeAll;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The compiled linear scorer reproduces Tribuo's own predictions, and contributions add up to the log-odds. */
class CompiledScorerTest {
    @TempDir
    static Path dir;
    static CustomerTable table;
    static int[] rows;

    @BeforeAll
    static void data() throws IOException {
        Path file = dir.resolve("s.csv");
        SampleWriter.write(file, null, 1500, 21);
        table = CustomerTable.read(file, null);
        rows = IntStream.range(0, table.rowCount()).toArray();
    }

    private static TrainingOutcome train(CandidateGrid grid) {
        return new PropensityTrainer(grid).train(new TrainingRequest(Task.CHURN, table.source(), new LabelSpec("churned", "yes"),
                "customer_id", List.of("email", "phone", "purchased_30d", "converted"), null, 9, 0.2, 1));
    }

    private static void assertMatchesTribuo(PropensityModel model, double[][] encoded) {
        double[] tribuo = assertInstanceOf(TribuoClassifier.class, model.classifier()).positiveProbabilities(encoded);
        double[] contributions = new double[model.encoder().width()];
        for (int i = 0; i < encoded.length; i++) {
            double logOdds = model.scorer().logOdds(encoded[i]);
            assertEquals(tribuo[i], CompiledScorer.sigmoid(logOdds), 2e-6, "row " + i);
            double explained = model.scorer().explain(encoded[i], contributions);
            assertEquals(logOdds, explained, 1e-9);
            double sum = model.scorer().baselineLogOdds();
            for (double contribution : contributions) {
                sum += contribution;
            }
            assertEquals(logOdds, sum, 1e-9, "contributions must add up to the log-odds");
        }
    }

    /** That the compiled trees give XGBoost's own predictions is checked where they are trained, in BoosterTrainerTest. */
    @Test
    void treeContributionsAddUpToTheLogOdds() {
        TrainingOutcome outcome = train(new CandidateGrid(List.of(), List.of(new XGBoostSpec(4, 120, 0.05, 0.8, 0.8, 1, 1))));
        PropensityModel model = outcome.model();
        assertInstanceOf(BoostedTrees.class, model.classifier());
        assertInstanceOf(TreeEnsembleScorer.class, model.scorer());
        double[][] encoded = TableEncoding.encode(table, model.encoder(), rows);
        double[] contributions = new double[model.encoder().width()];
        for (double[] row : encoded) {
            double logOdds = model.scorer().logOdds(row);
            assertEquals(logOdds, model.scorer().explain(row, contributions), 1e-9);
            double sum = model.scorer().baselineLogOdds();
            for (double contribution : contributions) {
                sum += contribution;
            }
            assertEquals(logOdds, sum, 1e-9, "contributions must add up to the log-odds");
        }
    }

    @Test
    void linearContributionsAreCoefficientTimesValue() {
        TrainingOutcome outcome = train(new CandidateGrid(List.of(new LogisticSpec(1.0)), List.of()));
        LinearModel linear = assertInstanceOf(LinearModel.class, outcome.model().classifier());
        assertInstanceOf(LinearScorer.class, outcome.model().scorer());
        double[][] encoded = TableEncoding.encode(table, outcome.model().encoder(), rows);
        double[] coefficients = linear.coefficients();
        double[] contributions = new double[coefficients.length];
        for (double[] row : encoded) {
            double logOdds = linear.intercept();
            for (int j = 0; j < row.length; j++) {
                logOdds += coefficients[j] * row[j];
            }
            assertEquals(logOdds, outcome.model().scorer().explain(row, contributions), 1e-9);
            assertEquals(coefficients[3] * row[3], contributions[3], 1e-12);
        }
    }

    /** Format-1 bundles hold Tribuo models; their compiled form must keep giving Tribuo's own predictions. */
    @Test
    void tribuoLogisticRegressionCompilesToItsOwnPredictions() {
        TrainingOutcome outcome = train(new CandidateGrid(List.of(new LogisticSpec(1.0)), List.of()));
        String[] names = outcome.model().encoder().featureNames();
        double[][] encoded = TableEncoding.encode(table, outcome.model().encoder(), rows);
        boolean[] outcomes = new boolean[encoded.length];
        int column = table.columnIndex("churned");
        for (int i = 0; i < encoded.length; i++) {
            outcomes[i] = "yes".equals(table.value(i, column));
        }
        Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGradRDA(0.1, 1e-6, 0.0, 1e-3, 1), 5, Integer.MAX_VALUE, 1, 9)
                .train(TribuoClassifier.dataset(names, encoded, outcomes, "test"));
        TribuoClassifier classifier = new TribuoClassifier(model, names);
        PropensityModel compiled = new PropensityModel(outcome.model().schema(), classifier, outcome.model().calibrator());
        assertMatchesTribuo(compiled, encoded);
    }
}
