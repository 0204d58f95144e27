// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.model.Task;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.scoring.ModelChoice;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.scoring.SegmentPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshots made by the real rescoring of a small generated base with the committed models, and readers of what
 * they hold, for backtest tests in any package.
 */
public final class BacktestFixtures {
    private BacktestFixtures() {
    }

    /** One row of a base: its id and its churned, purchased_30d and converted cells. */
    public record Customer(String id, String churned, String purchased, String converted) {
    }

    /** One scored customer of a snapshot's scores file. */
    public record Scored(String id, double probability, String band) {
    }

    /** Copies the committed model directory, so a test may damage cards. */
    public static Path copyModels(Path target) throws IOException {
        Path source = Path.of("models");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        }
        return target;
    }

    public static Path base(Path file, int customers, long seed) throws IOException {
        SampleWriter.write(file, null, customers, seed);
        return file;
    }

    /** Rescores {@code base} into {@code snapshots} with the given tasks' current models; returns the snapshot folder. */
    public static Path rescore(Path base, Path models, Path snapshots, List<Task> tasks) {
        RescoreRequest request = new RescoreRequest(ScoringInput.of(base, "customer_id"), new ModelChoice(models, tasks),
                new ScoresDestination.Snapshot(snapshots, false), SegmentPolicy.defaults(), 0.001, 1);
        return new RescoreJob().run(request).snapshot();
    }

    public static List<Customer> customers(Path base) {
        List<Customer> customers = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(base, ',')) {
            List<String> header = reader.header();
            int id = header.indexOf("customer_id");
            int churned = header.indexOf("churned");
            int purchased = header.indexOf("purchased_30d");
            int converted = header.indexOf("converted");
            String[] fields;
            while ((fields = reader.next()) != null) {
                customers.add(new Customer(fields[id], fields[churned], fields[purchased], fields[converted]));
            }
        }
        return customers;
    }

    public static List<Scored> scores(Path snapshot, Task task) {
        List<Scored> scored = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(snapshot.resolve("scores.csv"), ',')) {
            List<String> header = reader.header();
            int probability = header.indexOf(task.id() + "_probability");
            int band = header.indexOf(task.id() + "_band");
            String[] fields;
            while ((fields = reader.next()) != null) {
                scored.add(new Scored(fields[0], Double.parseDouble(fields[probability]), fields[band]));
            }
        }
        return scored;
    }

    public static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
