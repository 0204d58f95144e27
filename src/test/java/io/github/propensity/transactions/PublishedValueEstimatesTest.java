// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.value.BgNbd;
import io.github.propensity.value.BgNbdFitter;
import io.github.propensity.value.GammaGammaFitter;
import io.github.propensity.value.ParameterFit;
import io.github.propensity.value.PurchaseHistories;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CDNOW 1/10 sample read from its log reproduces the estimates the papers publish (Fader, Hardie &amp; Lee 2005;
 * Fader &amp; Hardie 2013) and the holdout table of the BTYD walkthrough. Runs only where the public data sits beside
 * the project ({@code ../shared/data}); skipped elsewhere.
 */
class PublishedValueEstimatesTest {
    private static final Path SAMPLE = Path.of("..", "shared", "data", "cdnow", "cdnow_sample.csv");

    private static RepeatPurchases calibration() {
        assumeTrue(Files.isRegularFile(SAMPLE), "public data not present: " + SAMPLE);
        TransactionLog log = new TransactionLogReader(new TransactionColumns("customer_id", "date", "amount", null, null, null, null),
                null, false).read(SAMPLE, null).log();
        return RepeatPurchases.at(log, LocalDate.parse("1997-09-30"));
    }

    @Test
    void bgNbdFitMatchesThePaper() {
        RepeatPurchases calibration = calibration();
        assertEquals(2357, calibration.size());
        ParameterFit fit = BgNbdFitter.fit(calibration.histories());
        assertTrue(fit.converged());
        assertEquals(0.243, fit.value(0), 0.0005);
        assertEquals(4.414, fit.value(1), 0.0005);
        assertEquals(0.793, fit.value(2), 0.0005);
        assertEquals(2.426, fit.value(3), 0.0005);
        assertEquals(-9582.4, fit.logLikelihood(), 0.05);
        System.out.println(fit);
    }

    @Test
    void gammaGammaFitMatchesThePaper() {
        GammaGammaFitter.Result result = GammaGammaFitter.fit(calibration().histories());
        assertEquals(946, result.customers());
        assertTrue(result.fit().converged());
        assertEquals(6.25, result.fit().value(0), 0.005);
        assertEquals(3.74, result.fit().value(1), 0.005);
        assertEquals(15.44, result.fit().value(2), 0.005);
        System.out.println(result);
    }

    @Test
    void conditionalExpectationsMatchTheWalkthroughsHoldoutTable() {
        PurchaseHistories histories = calibration().histories();
        ParameterFit fit = BgNbdFitter.fit(histories);
        BgNbd model = new BgNbd(fit.value(0), fit.value(1), fit.value(2), fit.value(3));
        double[] sum = new double[8];
        int[] count = new int[8];
        for (int i = 0; i < histories.size(); i++) {
            int group = Math.min(7, histories.frequency(i));
            sum[group] += model.expectedPurchases(39, histories.frequency(i), histories.recencyWeeks(i), histories.ageWeeks(i));
            count[group]++;
        }
        double[] published = {0.225, 0.523, 1.044, 1.520, 2.164, 2.654, 3.504, 6.157};
        for (int group = 0; group < 8; group++) {
            assertEquals(published[group], sum[group] / count[group], 0.002, "frequency group " + group);
        }
    }
}
