// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.training.TableEncoding;
import io.github.propensity.model.Task;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The bundles committed in {@code models/} were written by an earlier build. This build must still load them and
 * score the shipped sample exactly as they did when they were made (the probabilities recorded then, in
 * {@code src/test/resources/backcompat/expected-probabilities.csv}).
 */
class CommittedBundlesCompatibilityTest {
    @Test
    void committedBundlesStillLoadAndScoreAsWhenTheyWereMade() {
        ModelStore store = new ModelStore(Path.of("models"));
        CustomerTable sample = CustomerTable.read(Path.of("training-data", "customers.csv"), null);
        CustomerTable expected = CustomerTable.read(Path.of("src", "test", "resources", "backcompat", "expected-probabilities.csv"), null);
        assertFalse(expected.rows().isEmpty());
        Map<String, Integer> rowOfCustomer = new HashMap<>();
        for (int i = 0; i < sample.rowCount(); i++) {
            rowOfCustomer.put(sample.value(i, sample.columnIndex("customer_id")), i);
        }
        for (String[] row : expected.rows()) {
            ModelBundle bundle = store.load(Task.parse(row[0]), row[1]);
            int sampleRow = rowOfCustomer.get(row[2]);
            double[][] features = TableEncoding.encode(sample, bundle.model().encoder(), new int[]{sampleRow});
            // 1e-6: XGBoost adds leaf values in float, the compiled scorer in double; anything larger is a real change.
            assertEquals(Double.parseDouble(row[3]), bundle.model().probabilities(features)[0], 1e-6,
                    row[0] + " " + row[1] + " " + row[2]);
        }
    }

    @Test
    void everyTaskHasACurrentCommittedModel() {
        ModelStore store = new ModelStore(Path.of("models"));
        for (Task task : Task.values()) {
            assertEquals(task.id(), store.loadCurrent(task).manifest().task());
        }
    }
}
