// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.targeting.TargetingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetCommandTest {
    @TempDir
    Path dir;
    Path snapshots;
    List<TargetingFixtures.Customer> customers;

    @BeforeEach
    void snapshots() throws IOException {
        snapshots = dir.resolve("snapshots");
        customers = TargetingFixtures.customers(300, 4);
        TargetingFixtures.snapshot(snapshots, "with-value", customers, true);
    }

    private CliRun target(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("target", "--snapshots", snapshots.toString(), "--out", dir.resolve("out/list.csv").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void assertNothingWritten() {
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void writesTheRankedListAndTheCurveAndEndsWithAJsonSummary() throws IOException {
        CliRun run = target("--task", "churn", "--offer-cost", "5", "--save-rate", "0.2", "--max-customers", "25");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.lastStdoutLine());
        assertEquals(25, summary.path("summary").path("contacted").path("customers").asLong());
        assertEquals(25, summary.path("summary").path("budget_cutoff").path("customers").asLong());
        assertTrue(run.err().contains("P(task) x save_rate x clv - offer_cost") && run.err().contains("assuming:"), run.err());

        List<String> list = Files.readAllLines(dir.resolve("out/list.csv"), StandardCharsets.UTF_8);
        assertEquals("rank,customer_id,churn_probability,clv,expected_net_value,cumulative_expected_net_value", list.get(0));
        List<String> expectedIds = customers.stream().filter(c -> c.clv() != null)
                .sorted(Comparator.comparingDouble((TargetingFixtures.Customer c) -> c.churn() * 0.2 * c.clv() - 5).reversed())
                .limit(25).map(TargetingFixtures.Customer::id).toList();
        assertEquals(expectedIds, list.subList(1, list.size()).stream().map(line -> line.split(",")[1]).toList());
        List<String> curve = Files.readAllLines(dir.resolve("out/list-curve.csv"), StandardCharsets.UTF_8);
        assertEquals("customers_contacted,share_of_valued_customers,expected_net_value,expected_saved_value,cost", curve.get(0));
        assertTrue(curve.size() > 50, "the curve has its points");
    }

    @Test
    void aMissingSnapshotIsBadDataAndWritesNothing() {
        CliRun run = target("--snapshot", dir.resolve("nowhere").toString(), "--task", "churn", "--offer-cost", "5", "--save-rate", "0.2");
        assertEquals(ExitCode.BAD_DATA, run.exitCode());
        assertTrue(run.err().contains("no snapshot folder") && run.err().contains("(--snapshot)"), run.err());
        assertNothingWritten();
        CliRun none = CliRun.of("target", "--snapshots", dir.resolve("empty").toString(), "--task", "churn", "--offer-cost", "5",
                "--save-rate", "0.2", "--out", dir.resolve("out/list.csv").toString());
        assertEquals(ExitCode.BAD_DATA, none.exitCode());
        assertTrue(none.err().contains("no snapshot in"), none.err());
        assertNothingWritten();
    }

    @Test
    void aSnapshotWithoutClvIsBadDataAndWritesNothing() throws IOException {
        Path plain = TargetingFixtures.snapshot(dir.resolve("other"), "plain", customers, false);
        CliRun run = target("--snapshot", plain.toString(), "--task", "churn", "--offer-cost", "5", "--save-rate", "0.2");
        assertEquals(ExitCode.BAD_DATA, run.exitCode());
        assertTrue(run.err().contains("has no clv column"), run.err());
        assertNothingWritten();
    }

    @Test
    void aTaskTheSnapshotDidNotScoreIsBadDataAndWritesNothing() {
        CliRun run = target("--task", "conversion", "--offer-cost", "5", "--save-rate", "0.2");
        assertEquals(ExitCode.BAD_DATA, run.exitCode());
        assertTrue(run.err().contains("did not score conversion") && run.err().contains("(--task)"), run.err());
        assertNothingWritten();
    }

    @Test
    void badSettingsAreUsageErrorsNamingTheirOptionsAndWriteNothing() {
        CliRun negative = target("--task", "churn", "--offer-cost", "-1", "--save-rate", "0.2");
        assertEquals(ExitCode.USAGE, negative.exitCode());
        assertTrue(negative.err().contains("(--offer-cost)"), negative.err());
        CliRun rate = target("--task", "churn", "--offer-cost", "1", "--save-rate", "1.5");
        assertEquals(ExitCode.USAGE, rate.exitCode());
        assertTrue(rate.err().contains("between 0 and 1, got 1.5 (--save-rate)"), rate.err());
        CliRun both = target("--task", "churn", "--offer-cost", "1", "--save-rate", "0.5", "--budget", "100", "--max-customers", "10");
        assertEquals(ExitCode.USAGE, both.exitCode());
        assertTrue(both.err().contains("--budget") && both.err().contains("--max-customers") && both.err().contains("mutually exclusive"), both.err());
        CliRun unknownTask = target("--task", "loyalty", "--offer-cost", "1", "--save-rate", "0.5");
        assertEquals(ExitCode.USAGE, unknownTask.exitCode());
        assertTrue(unknownTask.err().contains("unknown task 'loyalty'"), unknownTask.err());
        assertNothingWritten();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("snapshots"), files.map(f -> f.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
