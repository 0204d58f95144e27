// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.targeting.UpliftFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code target --uplift}: the list, the stated formula and the summary, and each refused setting. */
class TargetUpliftCommandTest {
    @TempDir
    Path dir;
    Path snapshots;
    List<UpliftFixtures.Customer> customers;

    @BeforeEach
    void snapshots() throws IOException {
        snapshots = dir.resolve("snapshots");
        customers = UpliftFixtures.customers(300, 6);
        UpliftFixtures.snapshot(snapshots, "s1", "winback", customers);
    }

    private CliRun target(String... extra) {
        List<String> args = new ArrayList<>(List.of("target", "--snapshots", snapshots.toString(), "--out", dir.resolve("out/list.csv").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void assertNothingWritten() {
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void ranksByUpliftAndStatesTheMethodAndFormula() throws IOException {
        CliRun run = target("--task", "churn", "--offer-cost", "3", "--uplift", "winback", "--max-customers", "30");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("= -winback_uplift x clv - offer_cost (unwanted outcome"), run.err());
        assertTrue(run.err().contains("listed by winback group: persuadables"), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.lastStdoutLine()).path("summary");
        assertEquals("uplift", summary.path("method").asText());
        assertTrue(summary.path("save_rate").isMissingNode(), "no save rate with uplift");
        assertEquals("unwanted", summary.path("uplift").path("outcome").asText());

        List<UpliftFixtures.Valued> expected = UpliftFixtures.bruteForce(customers, -1, 3);
        long contacts = Math.min(30, expected.stream().filter(v -> v.netValue() > 0).count());
        List<String> list = Files.readAllLines(dir.resolve("out/list.csv"), StandardCharsets.UTF_8);
        assertEquals("rank,customer_id,churn_probability,clv,winback_uplift,winback_group,expected_net_value,cumulative_expected_net_value",
                list.get(0));
        assertEquals(expected.subList(0, (int) contacts).stream().map(v -> v.customer().id()).toList(),
                list.subList(1, list.size()).stream().map(line -> line.split(",")[1]).toList());
        long persuadables = expected.subList(0, (int) contacts).stream().filter(v -> v.customer().group().equals("persuadables")).count();
        assertEquals(persuadables, summary.path("uplift").path("contacted_by_group").path("persuadables").asLong());
        assertTrue(Files.exists(dir.resolve("out/list-curve.csv")));
    }

    @Test
    void theSaveRatePathStatesItsMethod() throws IOException {
        CliRun run = target("--task", "churn", "--offer-cost", "3", "--save-rate", "0.2");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.lastStdoutLine()).path("summary");
        assertEquals("save_rate", summary.path("method").asText());
        assertEquals(0.2, summary.path("save_rate").asDouble(), 0);
        assertTrue(summary.path("uplift").isMissingNode());
    }

    @Test
    void bothOrNeitherOfSaveRateAndUpliftIsAUsageErrorAndWritesNothing() {
        CliRun both = target("--task", "churn", "--offer-cost", "3", "--save-rate", "0.2", "--uplift", "winback");
        assertEquals(ExitCode.USAGE, both.exitCode());
        assertTrue(both.err().contains("not both") && both.err().contains("(--uplift)"), both.err());
        CliRun neither = target("--task", "churn", "--offer-cost", "3");
        assertEquals(ExitCode.USAGE, neither.exitCode());
        assertTrue(neither.err().contains("or an uplift campaign") && neither.err().contains("(--save-rate)"), neither.err());
        CliRun direction = target("--task", "churn", "--offer-cost", "3", "--uplift", "winback", "--uplift-outcome", "good");
        assertEquals(ExitCode.USAGE, direction.exitCode());
        assertTrue(direction.err().contains("(--uplift-outcome)"), direction.err());
        CliRun name = target("--task", "churn", "--offer-cost", "3", "--uplift", "Win Back");
        assertEquals(ExitCode.USAGE, name.exitCode());
        assertTrue(name.err().contains("(--uplift)"), name.err());
        assertNothingWritten();
    }

    @Test
    void anUnknownCampaignIsBadDataNamingTheColumnsTheSnapshotHas() {
        CliRun run = target("--task", "churn", "--offer-cost", "3", "--uplift", "spring-sale");
        assertEquals(ExitCode.BAD_DATA, run.exitCode());
        assertTrue(run.err().contains("no spring-sale_uplift and spring-sale_group columns; its uplift columns are winback_uplift,"
                + " winback_group"), run.err());
        assertNothingWritten();
    }

    @Test
    void anUpliftOutsideMinusOneToOneIsBadDataNamingItsLineAndWritesNothing() throws IOException {
        List<UpliftFixtures.Customer> damaged = new ArrayList<>(customers);
        damaged.set(41, new UpliftFixtures.Customer("Z", "100", "0.5", "-1.2", "sleeping-dogs"));
        Path snapshot = UpliftFixtures.snapshot(dir.resolve("damaged"), "s2", "winback", damaged);
        CliRun run = target("--snapshot", snapshot.toString(), "--task", "churn", "--offer-cost", "3", "--uplift", "winback");
        assertEquals(ExitCode.BAD_DATA, run.exitCode());
        assertTrue(run.err().contains("scores.csv, line 43, column 'winback_uplift'") && run.err().contains("between -1 and 1"), run.err());
        assertNothingWritten();
    }
}
