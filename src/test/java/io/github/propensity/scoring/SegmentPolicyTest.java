// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.DataException;
import io.github.propensity.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentPolicyTest {
    @TempDir
    Path dir;

    private static Band[] bands(Band churn, Band purchase, Band conversion) {
        Band[] bands = new Band[Task.values().length];
        bands[Task.CHURN.ordinal()] = churn;
        bands[Task.PURCHASE.ordinal()] = purchase;
        bands[Task.CONVERSION.ordinal()] = conversion;
        return bands;
    }

    @Test
    void theFirstMatchingRuleIsThePrimarySegment() {
        SegmentPolicy policy = SegmentPolicy.defaults();
        SegmentPolicy.Bound bound = policy.bind(List.of("customer_id"));
        String[] row = {"C1"};
        assertEquals("at-risk-high-value", policy.names().get(bound.segmentOf(bands(Band.HIGH, Band.HIGH, Band.HIGH), row)));
        assertEquals("at-risk", policy.names().get(bound.segmentOf(bands(Band.HIGH, Band.LOW, Band.HIGH), row)));
        assertEquals("likely-to-convert", policy.names().get(bound.segmentOf(bands(Band.LOW, Band.HIGH, Band.HIGH), row)));
        assertEquals("steady", policy.names().get(bound.segmentOf(bands(Band.LOW, Band.LOW, Band.LOW), row)));
    }

    @Test
    void aRuleOnATaskThatWasNotScoredNeverMatches() {
        SegmentPolicy policy = SegmentPolicy.defaults();
        int segment = policy.bind(List.of()).segmentOf(bands(null, null, Band.HIGH), new String[0]);
        assertEquals("likely-to-convert", policy.names().get(segment));
        assertEquals("steady", policy.names().get(policy.bind(List.of()).segmentOf(bands(null, null, null), new String[0])));
    }

    @Test
    void whereConditionsReadInputColumnsIgnoringCase() {
        SegmentPolicy policy = new SegmentPolicy(BandCutoffs.DEFAULT, List.of(
                new SegmentRule("convert", Map.of(Task.CONVERSION, Set.of(Band.HIGH)), Map.of("plan", Set.of("free"))),
                new SegmentRule("rest", Map.of())));
        SegmentPolicy.Bound bound = policy.bind(List.of("id", "plan"));
        assertEquals(0, bound.segmentOf(bands(null, null, Band.HIGH), new String[]{"C1", " Free "}));
        assertEquals(1, bound.segmentOf(bands(null, null, Band.HIGH), new String[]{"C1", "premium"}));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> policy.bind(List.of("id")));
        assertTrue(missing.getMessage().contains("'plan'"), missing.getMessage());
    }

    @Test
    void rulesWithoutACatchAllOrWithDuplicateNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SegmentPolicy(BandCutoffs.DEFAULT,
                List.of(new SegmentRule("a", Map.of(Task.CHURN, Set.of(Band.HIGH))))));
        assertThrows(IllegalArgumentException.class, () -> new SegmentPolicy(BandCutoffs.DEFAULT,
                List.of(new SegmentRule("a", Map.of()), new SegmentRule("a", Map.of()))));
        assertThrows(IllegalArgumentException.class, () -> new BandCutoffs(90, 70));
    }

    @Test
    void readsTheShippedSampleRulesFile() {
        SegmentPolicy policy = SegmentPolicyFile.read(Path.of("scripts", "sample-segments.json"));
        assertEquals(7, policy.rules().size());
        assertEquals(List.of("plan"), policy.columns());
    }

    @Test
    void aBadRulesFileNamesTheFileAndTheProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.json"),
                "{\"segments\": [{\"name\": \"x\", \"when\": {\"churn\": [\"extreme\"]}}, {\"name\": \"rest\", \"when\": {}}]}");
        DataException error = assertThrows(DataException.class, () -> SegmentPolicyFile.read(file));
        assertTrue(error.getMessage().contains("rules.json") && error.getMessage().contains("unknown band 'extreme'"), error.getMessage());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"segments\": [");
        assertTrue(assertThrows(DataException.class, () -> SegmentPolicyFile.read(broken)).getMessage().contains("not valid JSON"));
    }

    @Test
    void theBuiltInAtRiskHighValueSwitchesToTheValueBandInARunThatHasOne() {
        SegmentPolicy policy = SegmentPolicy.defaults();
        String[] row = {"C1"};
        SegmentPolicy.Bound withValue = policy.bind(List.of("customer_id"), true);
        SegmentPolicy.Bound withoutValue = policy.bind(List.of("customer_id"), false);
        assertEquals("at-risk-high-value", policy.names().get(withValue.segmentOf(bands(Band.HIGH, Band.LOW, Band.LOW), Band.HIGH, row)));
        assertEquals("at-risk", policy.names().get(withValue.segmentOf(bands(Band.HIGH, Band.HIGH, Band.LOW), Band.MEDIUM, row)));
        assertEquals("at-risk", policy.names().get(withValue.segmentOf(bands(Band.HIGH, Band.HIGH, Band.LOW), null, row)),
                "a customer without a value band is never high value, whatever their purchase band");
        assertEquals("at-risk-high-value", policy.names().get(withoutValue.segmentOf(bands(Band.HIGH, Band.MEDIUM, Band.LOW), null, row)));
        assertEquals("at-risk", policy.names().get(withoutValue.segmentOf(bands(Band.HIGH, Band.LOW, Band.LOW), Band.HIGH, row)));
    }

    @Test
    void aRulesFileReadsValueConditionsTheirFallbackAndValueBandCutoffs() throws IOException {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, """
                {"value_bands": {"medium_percentile": 40, "high_percentile": 75},
                 "segments": [{"name": "save-first", "when": {"churn": ["high"], "value": ["high"]},
                               "when_without_value": {"churn": ["high"], "purchase": ["high"]}},
                              {"name": "valuable", "when": {"value": "high"}},
                              {"name": "rest", "when": {}}]}""");
        SegmentPolicy policy = SegmentPolicyFile.read(file);
        assertEquals(new ValueBandCutoffs(40, 75), policy.valueBands());
        assertEquals(new ValueCondition.BandsOrElse(Set.of(Band.HIGH), Map.of(Task.CHURN, Set.of(Band.HIGH), Task.PURCHASE, Set.of(Band.HIGH))),
                policy.rules().get(0).value());
        assertEquals(new ValueCondition.Bands(Set.of(Band.HIGH)), policy.rules().get(1).value());
        SegmentPolicy.Bound unbanded = policy.bind(List.of(), false);
        assertEquals(2, unbanded.segmentOf(bands(Band.LOW, Band.LOW, Band.LOW), null, new String[0]),
                "a rule naming value never matches a customer without a value band");
    }

    @Test
    void aRulesFileWithABadValueConditionIsRefusedNamingTheSegment() throws IOException {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, """
                {"segments": [{"name": "odd", "when": {"churn": ["high"]}, "when_without_value": {"churn": ["high"]}},
                              {"name": "rest", "when": {}}]}""");
        DataException fallbackAlone = assertThrows(DataException.class, () -> SegmentPolicyFile.read(file));
        assertTrue(fallbackAlone.getMessage().contains("'odd'") && fallbackAlone.getMessage().contains("when_without_value"), fallbackAlone.getMessage());
        Files.writeString(file, """
                {"segments": [{"name": "odd", "when": {"value": ["huge"]}}, {"name": "rest", "when": {}}]}""");
        DataException badBand = assertThrows(DataException.class, () -> SegmentPolicyFile.read(file));
        assertTrue(badBand.getMessage().contains("'odd', value") && badBand.getMessage().contains("huge"), badBand.getMessage());
        Files.writeString(file, """
                {"value_bands": {"medium_percentile": 50.5}, "segments": [{"name": "rest", "when": {}}]}""");
        DataException fraction = assertThrows(DataException.class, () -> SegmentPolicyFile.read(file));
        assertTrue(fraction.getMessage().contains("value_bands.medium_percentile"), fraction.getMessage());
    }
}
