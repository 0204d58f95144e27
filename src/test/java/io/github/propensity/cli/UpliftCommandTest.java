// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.uplift.CampaignFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpliftCommandTest {
    @TempDir
    Path dir;

    private CliRun uplift(String command, Path data, Path models, String... extra) {
        String[] base = {"uplift", command, "--campaign", "spring-offer", "--data", data.toString(), "--treatment", "arm",
                "--treated", "offer", "--control", "none", "--label", "visit", "--positive", "yes", "--models", models.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void trainsPublishesAndEvaluatesWithIntervals() throws Exception {
        Path train = CampaignFiles.write(dir.resolve("train.csv"), 6_000, 0.3, 4);
        Path test = CampaignFiles.write(dir.resolve("test.csv"), 4_000, 0.3, 5);
        Path models = dir.resolve("models");
        CliRun trained = uplift("train", train, models, "--id", "customer_id", "--holdout", "0");
        assertEquals(0, trained.exitCode(), trained.err());
        JsonNode summary = new ObjectMapper().readTree(trained.lastStdoutLine());
        String version = summary.path("version").asText();
        assertTrue(Files.isRegularFile(models.resolve("uplift/spring-offer").resolve(version).resolve("card.md")));
        assertTrue(summary.path("holdout").isNull());

        CliRun evaluated = uplift("evaluate", test, models);
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        JsonNode figures = new ObjectMapper().readTree(evaluated.lastStdoutLine());
        for (String metric : new String[]{"qini", "uplift_at_10", "uplift_at_30", "ate"}) {
            double value = figures.path(metric).asDouble();
            assertTrue(figures.path(metric + "_low").asDouble() <= value && value <= figures.path(metric + "_high").asDouble(), metric);
        }
        assertEquals(version, figures.path("version").asText());
        assertTrue(figures.path("rows").asInt() == figures.path("treated").asInt() + figures.path("control").asInt());
        assertTrue(evaluated.err().contains("Qini coefficient"));
        assertFalse(evaluated.err().contains("c00"), "no customer id in the output");
    }

    @Test
    void modelsListShowsTheCampaignsVersionsAndPromoteRollsBack() throws Exception {
        Path train = CampaignFiles.write(dir.resolve("train.csv"), 3_000, 0.3, 7);
        Path models = dir.resolve("models");
        String first = new ObjectMapper().readTree(uplift("train", train, models, "--seed", "1").lastStdoutLine()).path("version").asText();
        String second = new ObjectMapper().readTree(uplift("train", train, models, "--seed", "2").lastStdoutLine()).path("version").asText();
        CliRun listed = CliRun.of("models", "list", "--models", models.toString());
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("  uplift/spring-offer " + first), listed.out());
        assertTrue(listed.out().contains("* uplift/spring-offer " + second), listed.out());

        CliRun promoted = CliRun.of("models", "promote", "--task", "uplift/spring-offer", "--version", first, "--models", models.toString());
        assertEquals(0, promoted.exitCode(), promoted.err());
        assertEquals(first, Files.readString(models.resolve("uplift/spring-offer/CURRENT")).strip());
        CliRun unknown = CliRun.of("models", "promote", "--task", "uplift/spring-offer", "--version", "nope", "--models", models.toString());
        assertEquals(ExitCode.FAILURE, unknown.exitCode());
        assertEquals(first, Files.readString(models.resolve("uplift/spring-offer/CURRENT")).strip(), "a refused promotion changes nothing");
    }

    @Test
    void badInputIsExitThreeAndWritesNothing() {
        Path train = CampaignFiles.write(dir.resolve("train.csv"), 2_000, 0.3, 6);
        Path models = dir.resolve("models");
        CliRun noControl = CliRun.of("uplift", "train", "--campaign", "spring-offer", "--data", train.toString(), "--treatment", "arm",
                "--treated", "offer", "--control", "holdout", "--label", "visit", "--positive", "yes", "--models", models.toString());
        assertEquals(ExitCode.BAD_DATA, noControl.exitCode());
        assertTrue(noControl.err().contains("never occurs"), noControl.err());
        assertFalse(Files.exists(models.resolve("uplift/spring-offer")), "nothing published");

        CliRun badName = CliRun.of("uplift", "train", "--campaign", "Spring Offer", "--data", train.toString(), "--treatment", "arm",
                "--treated", "offer", "--control", "none", "--label", "visit", "--positive", "yes", "--models", models.toString());
        assertEquals(ExitCode.USAGE, badName.exitCode());
        assertTrue(badName.err().contains("--campaign"), badName.err());

        CliRun noModel = uplift("evaluate", train, models);
        assertEquals(ExitCode.FAILURE, noModel.exitCode());
        assertTrue(noModel.err().contains("no uplift model for campaign 'spring-offer'"), noModel.err());
    }
}
