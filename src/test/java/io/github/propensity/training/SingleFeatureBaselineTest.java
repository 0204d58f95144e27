// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleFeatureBaselineTest {
    @TempDir
    Path dir;

    @Test
    void eachColumnIsMeasuredInItsBetterDirection() throws IOException {
        // recency: lower means buying (perfect, reversed); orders: one swap among 2 x 2 pairs (AUC 0.75); noise: ties.
        Path file = Files.write(dir.resolve("f.csv"), List.of("recency,orders,noise,bought",
                "1,5,1,yes", "2,1,1,yes", "30,3,1,no", "40,0,1,no", "50,,1,no"));
        Map<String, SingleFeatureBaseline> baselines = SingleFeatureBaseline.evaluate(file, new LabelSpec("bought", "yes"), null,
                List.of("recency", "orders", "noise"));
        assertEquals(1.0, baselines.get("recency").auc(), 1e-12);
        assertFalse(baselines.get("recency").higherFirst());
        // orders: positives 5 and 1 against negatives 3, 0 and missing (lowest): 5 beats all three, 1 beats two.
        assertEquals(5.0 / 6, baselines.get("orders").auc(), 1e-12);
        assertTrue(baselines.get("orders").higherFirst());
        assertEquals(0.5, baselines.get("noise").auc(), 1e-12);
    }

    @Test
    void aNonNumericColumnIsAnErrorWithItsLine() throws IOException {
        Path file = Files.write(dir.resolve("f.csv"), List.of("plan,bought", "free,yes", "paid,no"));
        DataException error = assertThrows(DataException.class, () -> SingleFeatureBaseline.evaluate(file,
                new LabelSpec("bought", "yes"), null, List.of("plan")));
        assertTrue(error.getMessage().contains("line 2, column 'plan'"), error.getMessage());
    }
}
