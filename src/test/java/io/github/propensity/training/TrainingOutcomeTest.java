// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.model.ReferenceProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingOutcomeTest {
    private static final CandidateResult LOGISTIC = new CandidateResult(new LogisticSpec(1.0), 0.4, 0.7, 0.15, 1);
    private static final CandidateResult TREES = new CandidateResult(new XGBoostSpec(3, 100, 0.05, 0.8, 0.8, 1, 1), 0.38, 0.72, 0.14, 2);

    @Test
    void acceptsRowCountsWhoseTrainingAndHoldoutMakeUpTheLabelledRows() {
        TrainingOutcome.RowCounts rows = new TrainingOutcome.RowCounts("abc", 5000, 4000, 3200, 700, 800);
        assertEquals(800, rows.holdout());
    }

    @Test
    void rejectsRowCountsThatDoNotAddUp() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingOutcome.RowCounts("abc", 5000, 4000, 3200, 700, 700));
        assertThrows(IllegalArgumentException.class, () -> new TrainingOutcome.RowCounts("abc", 3000, 4000, 3200, 700, 800));
        assertThrows(IllegalArgumentException.class, () -> new TrainingOutcome.RowCounts("abc", 5000, 4000, 3200, 3300, 800));
        assertThrows(IllegalArgumentException.class, () -> new TrainingOutcome.RowCounts("abc", 5000, 4000, 4100, 700, -100));
    }

    @Test
    void rejectsAChosenCandidateThatIsNotAmongTheCandidates() {
        assertEquals(TREES, new TrainingOutcome.Selection(List.of(LOGISTIC, TREES), TREES, "validation log loss").chosen());
        assertThrows(IllegalArgumentException.class, () -> new TrainingOutcome.Selection(List.of(LOGISTIC), TREES, "validation log loss"));
    }

    @Test
    void rejectsReferenceProbabilitiesThatAreNotSorted() {
        ReferenceProfile profile = new ReferenceProfile(List.of());
        assertEquals(2, new TrainingOutcome.Reference(new double[]{0.1, 0.3}, profile).sortedProbabilities().length);
        assertThrows(IllegalArgumentException.class, () -> new TrainingOutcome.Reference(new double[]{0.3, 0.1}, profile));
    }
}
