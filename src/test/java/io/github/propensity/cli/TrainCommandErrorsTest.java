// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.SyntheticCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input named in the training contract: exit code 3, a message naming file and line, and no bundle. */
class TrainCommandErrorsTest {
    @TempDir
    Path dir;

    private CliRun train(Path data, String label, String positive) {
        return CliRun.of("train", "--task", "churn", "--data", data.toString(), "--label", label, "--positive", positive,
                "--models", dir.resolve("models").toString());
    }

    private void assertBadDataWithoutBundle(CliRun run, String... fragments) {
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run.err());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), "expected '" + fragment + "' in: " + run.err());
        }
        assertFalse(Files.exists(dir.resolve("models").resolve("churn")), "a bundle directory was written");
    }

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void missingLabelColumn() throws IOException {
        Path data = SyntheticCsv.write(dir.resolve("c.csv"), 300, 1);
        assertBadDataWithoutBundle(train(data, "Churn", "yes"), "c.csv", "label column 'Churn' not found", "churned");
    }

    @Test
    void positiveValueNeverPresent() throws IOException {
        Path data = SyntheticCsv.write(dir.resolve("c.csv"), 300, 1);
        assertBadDataWithoutBundle(train(data, "churned", "true"), "positive value 'true' never appears", "'no'");
    }

    @Test
    void onlyOneClass() throws IOException {
        StringBuilder content = new StringBuilder("x,churned\n");
        for (int i = 0; i < 200; i++) {
            content.append(i).append(",yes\n");
        }
        assertBadDataWithoutBundle(train(csv("one.csv", content.toString()), "churned", "yes"), "only one class");
    }

    @Test
    void raggedRow() throws IOException {
        assertBadDataWithoutBundle(train(csv("r.csv", "x,churned\n1,yes\n2,no,extra\n"), "churned", "yes"),
                "r.csv, line 3", "3 fields but the header has 2");
    }

    @Test
    void unterminatedQuote() throws IOException {
        assertBadDataWithoutBundle(train(csv("q.csv", "x,churned\n1,yes\n\"2,no\n3,no\n"), "churned", "yes"),
                "q.csv, line 3", "unterminated quote");
    }

    @Test
    void emptyFile() throws IOException {
        assertBadDataWithoutBundle(train(csv("e.csv", ""), "churned", "yes"), "e.csv", "empty");
    }

    @Test
    void duplicateHeaderNames() throws IOException {
        assertBadDataWithoutBundle(train(csv("d.csv", "x,x,churned\n1,2,yes\n"), "churned", "yes"),
                "d.csv, line 1", "duplicate header name 'x'");
    }

    @Test
    void tooFewRowsSaysHowManyAreNeeded() throws IOException {
        Path data = SyntheticCsv.write(dir.resolve("small.csv"), 60, 1);
        assertBadDataWithoutBundle(train(data, "churned", "yes"), "too few rows", "at least 100 labelled rows", "got 60 rows");
    }

    @Test
    void unknownDropColumn() throws IOException {
        Path data = SyntheticCsv.write(dir.resolve("c.csv"), 300, 1);
        CliRun run = CliRun.of("train", "--task", "churn", "--data", data.toString(), "--label", "churned", "--positive", "yes",
                "--drop", "nope", "--models", dir.resolve("models").toString());
        assertBadDataWithoutBundle(run, "--drop column 'nope' not found");
    }

    @Test
    void noUsableFeatureColumns() throws IOException {
        StringBuilder content = new StringBuilder("customer_id,country,churned\n");
        for (int i = 0; i < 200; i++) {
            content.append("C").append(i).append(",NL,").append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        assertBadDataWithoutBundle(train(csv("nofeatures.csv", content.toString()), "churned", "yes"), "no usable feature columns");
    }

    @Test
    void missingFile() {
        assertBadDataWithoutBundle(train(dir.resolve("absent.csv"), "churned", "yes"), "file not found");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(ExitCode.USAGE, CliRun.of("train", "--task", "churn").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("train", "--task", "retention", "--data", "x", "--label", "y", "--positive", "z").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("train", "--task", "churn", "--data", "x", "--label", "y", "--positive", "z",
                "--holdout", "0.9").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("train", "--task", "churn", "--data", "x", "--label", "y", "--positive", "z",
                "--id", "y").exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("train", "--task", "churn", "--data", "x", "--label", "y", "--positive", "z",
                "--sep", "ab").exitCode());
    }

    @Test
    void usageErrorsAreShortAndPointAtHelp() {
        CliRun typo = CliRun.of("train", "--task", "churn", "--data", "x", "--label", "y", "--positive", "z", "--holdot", "0.2");
        assertEquals(ExitCode.USAGE, typo.exitCode());
        assertTrue(typo.err().startsWith("error: Unknown option") && typo.err().contains("'--holdot'"), typo.err());
        assertTrue(typo.err().contains("--holdout"), "suggests the option meant: " + typo.err());
        assertTrue(typo.err().contains("See 'propensity train --help'"), typo.err());
        assertFalse(typo.err().contains("Usage:"), "the option list is left to --help: " + typo.err());
        assertTrue(typo.err().lines().count() < 8, typo.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][]{{"--help"}, {"train", "--help"}, {"evaluate", "--help"}, {"models", "--help"},
                {"models", "list", "--help"}, {"models", "promote", "--help"}, {"generate", "--help"}}) {
            CliRun run = CliRun.of(command);
            assertEquals(ExitCode.OK, run.exitCode(), String.join(" ", command));
            assertTrue(run.out().contains("Usage:"), String.join(" ", command) + ": " + run.out());
        }
    }
}
