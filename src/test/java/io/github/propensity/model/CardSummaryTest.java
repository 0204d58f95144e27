// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode card(String metrics) throws Exception {
        return JSON.readTree("{\"model\": {\"family\": \"logistic\"}, \"data\": {\"file\": \"customers.csv\"}, \"metrics\": "
                + metrics + "}");
    }

    @Test
    void readsTheTestAucWhenTheCardHasAHoldout() throws Exception {
        CardSummary summary = CardSummary.of(card("{\"test\": {\"summary\": {\"auc\": 0.71}}, "
                + "\"cross_validated\": {\"summary\": {\"auc\": 0.75}}}"));
        assertEquals(new CardSummary("logistic", 0.71, CardSummary.AucSplit.TEST, "customers.csv"), summary);
        assertEquals(0.71, summary.testAuc());
    }

    @Test
    void fallsBackToTheCrossValidatedAucAndSaysSoWhenTestMetricsAreNull() throws Exception {
        CardSummary summary = CardSummary.of(card("{\"test\": null, \"cross_validated\": {\"summary\": {\"auc\": 0.75}}}"));
        assertEquals(0.75, summary.auc());
        assertEquals("cross_validated", summary.aucSplit().label());
        assertTrue(Double.isNaN(summary.testAuc()));
    }

    @Test
    void aCardWithoutMetricsHasNoAucAndNoSplit() throws Exception {
        CardSummary summary = CardSummary.of(JSON.readTree("{}"));
        assertTrue(Double.isNaN(summary.auc()));
        assertEquals(CardSummary.AucSplit.NONE, summary.aucSplit());
        assertEquals("", summary.family());
        assertEquals("", summary.dataFile());
    }
}
