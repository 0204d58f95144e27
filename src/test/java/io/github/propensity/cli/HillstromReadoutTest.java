// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readout of Hillstrom's MineThatData e-mail test (64,000 customers split evenly into men's e-mail, women's
 * e-mail and no e-mail), against the arm visit rates its provenance records: 18.28 %, 15.14 %, 10.62 %.
 */
class HillstromReadoutTest {
    private static final Path DATA = Path.of("../shared/data/hillstrom/hillstrom.csv");

    @Test
    void visitRatesMatchThePublishedOnesAndTheChecksPass() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DATA), "Hillstrom data not present beside the project");
        // conversion and spend are outcomes too, not covariates: they are left out of the balance check.
        CliRun run = CliRun.of("campaign", "report", "--data", DATA.toString(), "--arm", "segment", "--control", "No E-Mail",
                "--outcome", "visit", "--positive", "1", "--drop", "conversion,spend", "--threads", "2");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.lastStdoutLine());
        assertEquals(64_000, report.get("rows").asLong());
        JsonNode all = report.get("groups").get(0);
        assertEquals(0.1062, all.get("control").get("response_rate").asDouble(), 0.00005);
        assertEquals("Mens E-Mail", all.get("arms").get(0).get("arm").asText());
        assertEquals(0.1828, all.get("arms").get(0).get("response_rate").asDouble(), 0.00005);
        assertEquals("Womens E-Mail", all.get("arms").get(1).get("arm").asText());
        assertEquals(0.1514, all.get("arms").get(1).get("response_rate").asDouble(), 0.00005);
        assertFalse(report.get("checks").get("sample_ratio").get("mismatch").asBoolean(), "the arms were split evenly");
        assertFalse(report.get("checks").get("balance_flagged").asBoolean(), "randomized arms are balanced");
        for (JsonNode arm : all.get("arms")) {
            JsonNode lift = arm.get("lift");
            System.out.printf(Locale.ROOT, "Hillstrom visit, %s vs No E-Mail: lift %+.2f pp (95%% CI %+.2f to %+.2f), relative %+.1f %%,"
                            + " Holm p %.2e%n", arm.get("arm").asText(), 100 * lift.get("estimate").asDouble(),
                    100 * lift.get("lower").asDouble(), 100 * lift.get("upper").asDouble(),
                    100 * arm.get("relative_lift").get("estimate").asDouble(), arm.get("p_value_holm").asDouble());
            assertTrue(lift.get("lower").asDouble() > 0, "both e-mails raised visits");
        }
    }
}
