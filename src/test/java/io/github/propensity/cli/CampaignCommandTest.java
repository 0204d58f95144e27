// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.campaign.NewcombeDifference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code campaign report} and {@code campaign plan} on generated results files, and every bad input they refuse. */
class CampaignCommandTest {
    private static final String[] ARMS = {"No E-Mail", "Offer A", "Offer B"};
    private static final double[] RATES = {0.10, 0.14, 0.10};
    private static final String[] BANDS = {"high", "low"};

    @TempDir
    Path dir;

    /** Counts per [band][arm] as generated, to check the report against. */
    private final long[][] customers = new long[2][3];
    private final long[][] responders = new long[2][3];
    private final double[][] spend = new double[2][3];

    private Path results(int rows, long seed) throws IOException {
        Path file = dir.resolve("results.csv");
        Random random = new Random(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,tenure_days,plan,band,segment,visit,spend\n");
            for (int i = 0; i < rows; i++) {
                int arm = random.nextInt(3);
                int band = random.nextInt(2);
                boolean visit = random.nextDouble() < RATES[arm] + (band == 0 ? 0.05 : 0);
                double value = visit ? Math.round(random.nextDouble() * 10000) / 100.0 : 0;
                customers[band][arm]++;
                responders[band][arm] += visit ? 1 : 0;
                spend[band][arm] += value;
                out.write("C" + i + "," + random.nextInt(2000) + "," + (random.nextBoolean() ? "basic" : "plus") + ","
                        + BANDS[band] + "," + ARMS[arm] + "," + (visit ? 1 : 0) + "," + value + "\n");
            }
        }
        return file;
    }

    private static CliRun report(Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("campaign", "report", "--data", file.toString(), "--arm", "segment",
                "--control", "No E-Mail", "--outcome", "visit", "--positive", "1"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void reportsEachArmAgainstTheControlWithTheChecksFirst() throws IOException {
        Path file = results(6_000, 1);
        CliRun run = report(file, "--value", "spend", "--by", "band", "--id", "customer_id", "--threads", "1");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String err = run.err();
        int checks = err.indexOf("sample ratio: ok");
        int balance = err.indexOf("covariate balance: ok");
        int firstLift = err.indexOf("lift, pp");
        assertTrue(checks >= 0 && balance > checks && firstLift > balance, err);
        assertFalse(Files.exists(dir.resolve("report.json")), "nothing written without --out");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the input file is in the folder");
        }

        JsonNode report = new ObjectMapper().readTree(run.lastStdoutLine());
        assertEquals(List.of("No E-Mail", "Offer A", "Offer B"), strings(report.get("arms")));
        assertFalse(report.get("checks").get("sample_ratio").get("mismatch").asBoolean());
        assertFalse(report.get("checks").get("balance_flagged").asBoolean());
        // tenure_days (numeric) and plan (categorical) are the covariates; id, band, arm, outcome and value are not
        List<String> covariates = new ArrayList<>();
        report.get("checks").get("balance").forEach(row -> covariates.add(row.get("column").asText() + "/" + row.get("kind").asText()));
        assertEquals(List.of("tenure_days/numeric", "tenure_days/numeric", "plan/categorical", "plan/categorical"), covariates);

        JsonNode groups = report.get("groups");
        assertEquals(List.of("(all)", "high", "low"), groups.findValuesAsText("group"));
        for (int g = 0; g < 3; g++) {
            JsonNode group = groups.get(g);
            long controlN = count(customers, g, 0);
            long controlX = count(responders, g, 0);
            assertEquals(controlN, group.get("control").get("customers").asLong());
            assertEquals((double) controlX / controlN, group.get("control").get("response_rate").asDouble(), 1e-12);
            assertEquals(sum(spend, g, 0) / controlN, group.get("control").get("mean_value").asDouble(), 1e-9);
            for (int a = 1; a < 3; a++) {
                JsonNode arm = group.get("arms").get(a - 1);
                long n = count(customers, g, a);
                long x = count(responders, g, a);
                assertEquals(ARMS[a], arm.get("arm").asText());
                assertEquals(n, arm.get("customers").asLong());
                assertEquals(x, arm.get("responders").asLong());
                double lift = (double) x / n - (double) controlX / controlN;
                assertEquals(lift, arm.get("lift").get("estimate").asDouble(), 1e-12);
                var interval = NewcombeDifference.of(x, n, controlX, controlN, 1.959963984540054);
                assertEquals(interval.lower(), arm.get("lift").get("lower").asDouble(), 1e-9);
                assertEquals(interval.upper(), arm.get("lift").get("upper").asDouble(), 1e-9);
                assertEquals(lift * n, arm.get("incremental_responders").get("estimate").asDouble(), 1e-6);
                assertEquals(interval.lower() * n, arm.get("incremental_responders").get("lower").asDouble(), 1e-6);
                assertTrue(arm.get("p_value_holm").asDouble() >= arm.get("p_value").asDouble());
                double difference = sum(spend, g, a) / n - sum(spend, g, 0) / controlN;
                JsonNode value = arm.get("value").get("difference");
                assertEquals(difference, value.get("estimate").asDouble(), 1e-9);
                assertTrue(value.get("lower").asDouble() < difference && difference < value.get("upper").asDouble());
                assertFalse(arm.get("too_small").asBoolean());
            }
        }
        // Offer A was generated 4 points above the control: its whole-file interval says so.
        JsonNode offerA = groups.get(0).get("arms").get(0);
        assertTrue(offerA.get("lift").get("lower").asDouble() > 0, offerA.toString());
        assertTrue(offerA.get("p_value").asDouble() < 0.001);
    }

    @Test
    void sameSeedGivesTheSameReportAtAnyThreadCount() throws IOException {
        Path file = results(3_000, 2);
        CliRun one = report(file, "--value", "spend", "--by", "band", "--threads", "1", "--seed", "5");
        CliRun four = report(file, "--value", "spend", "--by", "band", "--threads", "4", "--seed", "5");
        assertEquals(ExitCode.OK, one.exitCode(), one.err());
        assertEquals(one.out(), four.out());
        CliRun otherSeed = report(file, "--value", "spend", "--by", "band", "--threads", "1", "--seed", "6");
        assertFalse(one.out().equals(otherSeed.out()), "the seed is used");
    }

    @Test
    void outWritesTheJsonAndAMarkdownPageBesideIt() throws IOException {
        Path file = results(2_000, 3);
        Path out = dir.resolve("readouts").resolve("report.json");
        CliRun run = report(file, "--value", "spend", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode written = new ObjectMapper().readTree(Files.readString(out));
        assertEquals(new ObjectMapper().readTree(run.lastStdoutLine()), written);
        String markdown = Files.readString(dir.resolve("readouts").resolve("report.md"));
        assertTrue(markdown.indexOf("## Checks") < markdown.indexOf("## Lifts"), markdown);
        assertTrue(markdown.contains("Newcombe") && markdown.contains("Holm"), markdown);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of("report.json", "report.md"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left");
        }
    }

    @Test
    void aSampleRatioMismatchIsPrintedFirstAndCarriedInTheJson() throws IOException {
        Path file = results(3_000, 4);
        // The arms were split 1:1:1; a declared 2:1:1 cannot fit.
        CliRun run = report(file, "--expected-split", "2:1:1");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("!!! SAMPLE RATIO MISMATCH"), run.err());
        JsonNode report = new ObjectMapper().readTree(run.lastStdoutLine());
        assertTrue(report.get("checks").get("sample_ratio").get("mismatch").asBoolean());
        assertTrue(report.get("warnings").get(0).asText().startsWith("SAMPLE RATIO MISMATCH"));
    }

    @Test
    void smallGroupsAreMarkedNotHidden() throws IOException {
        Path file = dir.resolve("small.csv");
        Files.writeString(file, "segment,visit,band\n" + "No E-Mail,1,x\nNo E-Mail,0,x\nOffer A,1,x\nOffer A,0,x\n"
                + "No E-Mail,1,y\n".repeat(30) + "No E-Mail,0,y\n".repeat(30) + "Offer A,1,y\n".repeat(40) + "Offer A,0,y\n".repeat(20));
        CliRun run = report(file, "--by", "band");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode groups = new ObjectMapper().readTree(run.lastStdoutLine()).get("groups");
        JsonNode x = groups.get(1).get("arms").get(0);
        assertEquals("x", groups.get(1).get("group").asText());
        assertTrue(x.get("too_small").asBoolean());
        // 2 customers in the smaller group at a pooled rate of 1/2: 1 expected responder
        assertTrue(x.get("too_small_reason").asText().startsWith("1.0 expected responders"), x.toString());
        assertFalse(groups.get(2).get("arms").get(0).get("too_small").asBoolean());
        assertTrue(run.err().contains("TOO SMALL"), run.err());
    }

    @Test
    void refusesBadInputNamingWhatIsWrongAndWritesNothing() throws IOException {
        Path file = results(500, 5);
        Path out = dir.resolve("report.json");
        assertRefused(report(file, "--out", out.toString(), "--by", "bnad"), ExitCode.BAD_DATA, "results.csv", "no column 'bnad'",
                "customer_id, tenure_days, plan, band, segment, visit, spend");
        assertRefused(reportWithControl(file, "Nobody", out),
                ExitCode.BAD_DATA, "'Nobody' never occurs", "'No E-Mail'", "'Offer A'", "'Offer B'");
        assertRefused(CliRun.of("campaign", "report", "--data", file.toString(), "--arm", "segment", "--control", "No E-Mail",
                "--outcome", "visit", "--positive", "yes", "--out", out.toString()), ExitCode.BAD_DATA, "--positive 'yes' never occurs", "'0'", "'1'");
        assertRefused(report(file, "--out", out.toString(), "--expected-split", "1:1"), ExitCode.BAD_DATA, "--expected-split has 2 parts",
                "No E-Mail, Offer A, Offer B");
        assertRefused(report(file, "--out", out.toString(), "--expected-split", "1:x:1"), ExitCode.USAGE, "'x' is not a positive share");
        assertRefused(report(file, "--out", out.toString(), "--expected-split", "3"), ExitCode.USAGE, "is not a split");

        Path oneArm = dir.resolve("one-arm.csv");
        Files.writeString(oneArm, "segment,visit\nNo E-Mail,1\nNo E-Mail,0\n");
        assertRefused(report(oneArm, "--out", out.toString()), ExitCode.BAD_DATA, "one-arm.csv", "column 'segment' has only one value");

        Path threeValued = dir.resolve("three.csv");
        Files.writeString(threeValued, "segment,visit\nNo E-Mail,1\nOffer A,0\nOffer A,yes\nOffer A,2\n");
        assertRefused(report(threeValued, "--out", out.toString()), ExitCode.BAD_DATA, "three.csv, line 4, column 'visit'",
                "binary", "'yes'", "'1'", "'0'");

        Path badSpend = dir.resolve("spend.csv");
        Files.writeString(badSpend, "segment,visit,spend\nNo E-Mail,1,3.5\nOffer A,0,0\nOffer A,1,12,50\n".replace("12,50", "\"12,50\""));
        assertRefused(report(badSpend, "--out", out.toString(), "--value", "spend"), ExitCode.BAD_DATA,
                "spend.csv, line 4, column 'spend'", "'12,50' is not a number");
    }

    @Test
    void plansCustomersPerArm() throws IOException {
        CliRun run = CliRun.of("campaign", "plan", "--base-rate", "0.06", "--mde", "0.01");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode plan = new ObjectMapper().readTree(run.lastStdoutLine());
        assertEquals(9540, plan.get("customers_per_arm").asLong());
        assertEquals(19080, plan.get("total_customers").asLong());
        assertTrue(run.err().contains("9,540 customers per arm"), run.err());
        CliRun three = CliRun.of("campaign", "plan", "--base-rate", "0.06", "--mde", "0.01", "--arms", "3");
        assertEquals(0.025, new ObjectMapper().readTree(three.lastStdoutLine()).get("comparison_alpha").asDouble(), 1e-15);
        assertTrue(three.err().contains("Bonferroni"), three.err());
    }

    @Test
    void planRefusesSettingsOutOfRangeNamingTheOption() {
        String[][] cases = {
                {"--base-rate", "0", "--mde", "0.01"},
                {"--base-rate", "0.95", "--mde", "0.1"},
                {"--base-rate", "0.1", "--mde", "0.01", "--power", "1.5"},
                {"--base-rate", "0.1", "--mde", "0.01", "--alpha", "0"},
                {"--base-rate", "0.1", "--mde", "0.01", "--arms", "1"},
        };
        String[] named = {"--base-rate", "--mde", "--power", "--alpha", "--arms"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("campaign", "plan"));
            args.addAll(List.of(cases[i]));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().contains("error: " + named[i]), run.err());
            assertTrue(run.out().isBlank());
        }
    }

    private CliRun reportWithControl(Path file, String control, Path out) {
        return CliRun.of("campaign", "report", "--data", file.toString(), "--arm", "segment", "--control", control,
                "--outcome", "visit", "--positive", "1", "--out", out.toString());
    }

    private void assertRefused(CliRun run, int exitCode, String... fragments) {
        assertNotNull(run);
        assertEquals(exitCode, run.exitCode(), run.err());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), "expected '" + fragment + "' in: " + run.err());
        }
        assertTrue(run.out().isBlank(), "no JSON: " + run.out());
        assertFalse(Files.exists(dir.resolve("report.json")) || Files.exists(dir.resolve("report.md")), "a report was written");
    }

    private static long count(long[][] byBandArm, int group, int arm) {
        return group == 0 ? byBandArm[0][arm] + byBandArm[1][arm] : byBandArm[group - 1][arm];
    }

    private static double sum(double[][] byBandArm, int group, int arm) {
        return group == 0 ? byBandArm[0][arm] + byBandArm[1][arm] : byBandArm[group - 1][arm];
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
