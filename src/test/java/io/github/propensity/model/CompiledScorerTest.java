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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The compiled scorers reproduce Tribuo's own predictions, and their contributions add up to the log-odds. */
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

    private static void assertMatchesTribuo(TrainingOutcome outcome) {
        PropensityModel model = outcome.model();
        double[][] encoded = TableEncoding.encode(table, model.encoder(), rows);
        double[] tribuo = model.classifier().positiveProbabilities(encoded);
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

    @Test
    void compiledTreesReproduceXGBoostPredictions() {
        TrainingOutcome outcome = train(new CandidateGrid(List.of(), List.of(new XGBoostSpec(4, 120, 0.05, 0.8, 0.8, 1, 1))));
        assertInstanceOf(TreeEnsembleScorer.class, outcome.model().scorer());
        assertMatchesTribuo(outcome);
    }

    @Test
    void compiledLinearModelReproducesLogisticRegressionPredictions() {
        TrainingOutcome outcome = train(new CandidateGrid(List.of(new LogisticSpec(0.1, 1e-3, 5, 1)), List.of()));
        assertInstanceOf(LinearScorer.class, outcome.model().scorer());
        assertMatchesTribuo(outcome);
    }
}
