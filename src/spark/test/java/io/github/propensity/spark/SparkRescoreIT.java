// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.DataException;
import io.github.propensity.backtest.BacktestFixtures;
import io.github.propensity.model.Task;
import io.github.propensity.personas.PersonaBundle;
import io.github.propensity.personas.PersonaFitter;
import io.github.propensity.personas.PersonaSettings;
import io.github.propensity.personas.PersonaStore;
import io.github.propensity.scoring.CampaignModel;
import io.github.propensity.scoring.PersonaChoice;
import io.github.propensity.scoring.ModelChoice;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.RescoreSummary;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.scoring.SegmentPolicyFile;
import io.github.propensity.scoring.SnapshotStore;
import io.github.propensity.serving.SnapshotHistory;
import io.github.propensity.serving.SnapshotMigration;
import io.github.propensity.uplift.UpliftBundle;
import io.github.propensity.uplift.UpliftFixtures;
import io.github.propensity.value.ValueFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job in {@code local[2]}, run from the job jar with Spark beside it, against the CLI's rescoring of the same
 * rows: customer by customer the same probabilities, scores, bands, reasons and segments, percentiles within the
 * stated bound, and the same segment counts, migration and drift. This file's classes are compiled against the
 * project's classes and run against the jar's relocated copies, so it also proves the bundles load inside the job.
 */
class SparkRescoreIT {
    private static final Path SAMPLE = Path.of("training-data", "customers.csv");
    private static final Path MODELS = Path.of("models");
    private static final Path RULES = Path.of("scripts", "sample-segments.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMPAIGN = "winback-email";
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("propensity-it").config("spark.ui.enabled", "false")
                .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString())
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void scoresEveryCustomerAsTheCliDoesAndMigratesTheSame(@TempDir Path work) throws IOException {
        // Two weeks: customers 1-4000, then 1001-5000, so migration has customers new, gone and moved.
        List<String> lines = Files.readAllLines(SAMPLE);
        Path week1 = work.resolve("week1.csv");
        Path week2 = work.resolve("week2.csv");
        Files.write(week1, rows(lines, 1, 4000));
        Files.write(week2, rows(lines, 1001, 5000));
        // Week two as Parquet in three files, every column text (as the CLI reads the CSV).
        String week2Parquet = work.resolve("week2.parquet").toString();
        spark.read().option("header", "true").csv(week2.toString()).repartition(3).write().parquet(week2Parquet);

        Path cliSnapshots = work.resolve("cli");
        // The demo's rules: other band cut-offs, and rules on an input column (plan) as well as on bands.
        SegmentPolicy policy = SegmentPolicyFile.read(RULES);
        SegmentRules rules = new SegmentRules.FromFile(RULES.getFileName().toString(), Files.readAllBytes(RULES));
        List<String> keep = List.of("region");
        cli(week1, MODELS, cliSnapshots, keep, policy);
        RescoreSummary cli = cli(week2, MODELS, cliSnapshots, keep, policy);
        String jobSnapshots = work.resolve("job").toString();
        job(week1.toString(), SparkRescoreRequest.InputFormat.CSV, MODELS, jobSnapshots, keep, rules);
        SparkRescore.Summary job = job(week2Parquet, SparkRescoreRequest.InputFormat.PARQUET, MODELS, jobSnapshots, keep, rules);

        Path jobSnapshot = Path.of(job.snapshot().replaceFirst("^file:", ""));
        assertEquals(jobSnapshot.getFileName().toString(), Files.readString(work.resolve("job").resolve(SnapshotStore.LATEST)).strip());
        List<Task> tasks = List.of(Task.CHURN, Task.PURCHASE, Task.CONVERSION);
        int compared = compareCustomers(cli.snapshot().resolve("scores.csv"), jobSnapshot.resolve("scores.parquet"), tasks);
        assertEquals(4000, compared);
        assertEquals(Files.readString(cli.snapshot().resolve("migration.csv")), Files.readString(jobSnapshot.resolve("migration.csv")));
        assertTrue(Files.readString(jobSnapshot.resolve("migration.csv")).contains("(gone)"), "week two lost customers 1-1000");
        assertEquals(JSON.readTree(cli.snapshot().resolve("segments.json").toFile()), JSON.readTree(jobSnapshot.resolve("segments.json").toFile()));
        assertEquals(JSON.readTree(cli.snapshot().resolve("drift.json").toFile()), JSON.readTree(jobSnapshot.resolve("drift.json").toFile()));
        var cliManifest = JSON.readTree(cli.snapshot().resolve("manifest.json").toFile());
        var jobManifest = JSON.readTree(jobSnapshot.resolve("manifest.json").toFile());
        for (String field : List.of("rows", "scored", "bad_rows", "previous_snapshot_customers", "models", "segments", "band_cutoffs")) {
            assertEquals(cliManifest.get(field), jobManifest.get(field), field);
        }
        readsTheJobsSnapshotsAsTheClisOwn(cliSnapshots, work.resolve("job"), week2, keep, policy);
    }

    /**
     * The server counts the migration between the job's two snapshots from their scores (the first against the latest,
     * so not the stored matrix) as between the CLI's, and the CLI's next run migrates from the job's snapshot (a folder
     * of segment partitions) as from its own scores.csv.
     */
    private static void readsTheJobsSnapshotsAsTheClisOwn(Path cliSnapshots, Path jobSnapshots, Path week2, List<String> keep,
                                                          SegmentPolicy policy) throws IOException {
        assertEquals(countedMigration(cliSnapshots), countedMigration(jobSnapshots));
        String fromCli = Files.readString(cli(week2, MODELS, cliSnapshots, keep, policy).snapshot().resolve("migration.csv"));
        assertEquals(fromCli, Files.readString(cli(week2, MODELS, jobSnapshots, keep, policy).snapshot().resolve("migration.csv")));
    }

    private static List<String> countedMigration(Path snapshots) {
        SnapshotHistory history = new SnapshotHistory(snapshots);
        List<String> ids = history.list().stream().map(SnapshotHistory.SnapshotSummary::id).toList();
        List<String> cells = new ArrayList<>();
        for (SnapshotMigration.Dimension dimension : history.migration(ids.get(1), Optional.of(ids.get(0))).dimensions()) {
            cells.add(dimension.name() + " " + dimension.from() + " -> " + dimension.to() + " " + Arrays.deepToString(dimension.customers()));
        }
        assertTrue(cells.size() >= 4, "segment and three bands: " + cells);
        return cells;
    }

    @Test
    void scoresValueUpliftAndPersonaColumnsAsTheCliDoes(@TempDir Path work) throws IOException {
        // Two weeks of the sample with clv_365d and p_alive (some CLVs empty or unreadable), a value model of that
        // horizon, a campaign's uplift model and personas fitted on week one: every part the CLI scores beside the tasks.
        Path models = BacktestFixtures.copyModels(work.resolve("models"));
        List<String> lines = Files.readAllLines(SAMPLE);
        Path week1 = ValueFixtures.withValueColumns(BacktestFixtures.write(work.resolve("plain1.csv"), rows(lines, 1, 2000)),
                work.resolve("week1.csv"), "clv_365d", SparkRescoreIT::clvCell);
        Path week2 = ValueFixtures.withValueColumns(BacktestFixtures.write(work.resolve("plain2.csv"), rows(lines, 501, 2500)),
                work.resolve("week2.csv"), "clv_365d", SparkRescoreIT::clvCell);
        String valueModel = ValueFixtures.publishValueModel(models, 365, 1000);
        UpliftBundle uplift = UpliftFixtures.publishFromBase(week1, models, CAMPAIGN, 5);
        PersonaSettings settings = new PersonaSettings(new PersonaSettings.Fixed(4), new PersonaSettings.DropColumns(
                List.of("churned", "purchased_30d", "converted", "clv_365d", "p_alive")), "customer_id", 7);
        PersonaStore personaStore = new PersonaStore(models);
        personaStore.publish(PersonaFitter.fit(week1, null, settings, Optional.empty(), Optional.empty(), models));
        PersonaBundle persona = personaStore.loadCurrent();
        Path rules = work.resolve("segments.json");
        Files.writeString(rules, """
                {"segments": [
                  {"name": "valuable-persuadables", "when": {"value": ["high"]}, "uplift": {"%s": ["persuadables"]}},
                  {"name": "first-persona", "when": {"churn": ["low", "medium"]}, "persona": ["%d"]},
                  {"name": "valuable", "when": {"value": ["high", "medium"]}, "when_without_value": {"churn": ["high"]}},
                  {"name": "everyone-else", "when": {}}]}
                """.formatted(CAMPAIGN, persona.model().personas().get(0).id()));
        SegmentPolicy policy = SegmentPolicyFile.read(rules);
        SegmentRules jobRules = new SegmentRules.FromFile(rules.getFileName().toString(), Files.readAllBytes(rules));
        List<CampaignModel> campaigns = List.of(new CampaignModel(CAMPAIGN, uplift.version(), uplift.model(), CampaignModel.Selection.FOUND));
        Optional<PersonaChoice> personas = Optional.of(new PersonaChoice(persona.version(), persona.model(), PersonaChoice.Selection.FOUND));

        Path cliSnapshots = work.resolve("cli");
        String jobSnapshots = work.resolve("job").toString();
        RescoreSummary cli = null;
        SparkRescore.Summary job = null;
        for (Path week : List.of(week1, week2)) {
            cli = new RescoreJob().run(new RescoreRequest(ScoringInput.of(week, "customer_id"), ModelChoice.everyCurrent(models),
                    new ScoresDestination.Snapshot(cliSnapshots, false), policy, 0.001, 2, campaigns, personas));
            job = new SparkRescore(spark, Clock.systemUTC()).run(new SparkRescoreRequest(week.toString(), SparkRescoreRequest.InputFormat.CSV,
                    models, jobSnapshots, "customer_id", List.of(), jobRules, List.of(), 0.001, campaigns, personas));
        }

        Path jobSnapshot = Path.of(job.snapshot().replaceFirst("^file:", ""));
        List<Task> tasks = List.of(Task.CHURN, Task.PURCHASE, Task.CONVERSION);
        assertEquals(2000, compareCustomers(cli.snapshot().resolve("scores.csv"), jobSnapshot.resolve("scores.parquet"), tasks));
        String migration = Files.readString(jobSnapshot.resolve("migration.csv"));
        assertEquals(Files.readString(cli.snapshot().resolve("migration.csv")), migration);
        assertTrue(migration.contains("\npersona,"), "both weeks carry personas, so persona migration is counted");
        assertEquals(JSON.readTree(cli.snapshot().resolve("segments.json").toFile()), JSON.readTree(jobSnapshot.resolve("segments.json").toFile()));
        var cliManifest = JSON.readTree(cli.snapshot().resolve("manifest.json").toFile());
        var jobManifest = JSON.readTree(jobSnapshot.resolve("manifest.json").toFile());
        assertEquals(valueModel, jobManifest.path("value").path("value_model").asText());
        assertTrue(jobManifest.path("value").path("customers_without_clv").asLong() > 0, "some CLVs are empty or unreadable");
        assertEquals(persona.version(), jobManifest.path("personas").path("version").asText());
        for (String field : List.of("scored", "segments", "value", "uplift", "personas", "previous_snapshot_customers")) {
            assertEquals(cliManifest.get(field), jobManifest.get(field), field);
        }
        var segments = JSON.readTree(jobSnapshot.resolve("segments.json").toFile());
        for (String segment : List.of("valuable-persuadables", "first-persona", "valuable")) {
            assertTrue(segments.path("segments").path(segment).asLong() > 0, "a rule on value, uplift or persona takes customers: " + segment);
        }
    }

    /** Every 97th customer has no CLV and one an unreadable one; the rest spread over 0-1200 (the value model's reference is 0-1000). */
    private static String clvCell(int row) {
        if (row % 97 == 5) {
            return "";
        }
        return row == 13 ? "n/a" : Integer.toString((row * 37) % 1201);
    }

    @Test
    void loadsAProtobufTribuoBundleInsideTheJob(@TempDir Path work) throws IOException {
        // The first committed churn bundle is a Tribuo model in protobuf: the job jar's relocated protobuf reads it.
        Path models = work.resolve("models");
        Path bundle = MODELS.resolve("churn").resolve("20261124T003344Z-60f63581");
        Path copy = models.resolve("churn").resolve(bundle.getFileName());
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(bundle)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.writeString(models.resolve("churn").resolve("CURRENT"), bundle.getFileName() + "\n");
        Path base = work.resolve("base.csv");
        Files.write(base, rows(Files.readAllLines(SAMPLE), 1, 1500));
        RescoreSummary cli = cli(base, models, work.resolve("cli"), List.of());
        SparkRescore.Summary job = job(base.toString(), SparkRescoreRequest.InputFormat.CSV, models, work.resolve("job").toString(), List.of());
        Path jobSnapshot = Path.of(job.snapshot().replaceFirst("^file:", ""));
        assertEquals(1500, compareCustomers(cli.snapshot().resolve("scores.csv"), jobSnapshot.resolve("scores.parquet"), List.of(Task.CHURN)));
    }

    @Test
    void failsBeforeMovingLatestWhenTooManyRowsAreBad(@TempDir Path work) throws IOException {
        List<String> lines = new ArrayList<>(rows(Files.readAllLines(SAMPLE), 1, 1000));
        List<String> header = List.of(lines.get(0).split(","));
        int tenure = header.indexOf("tenure_days");
        for (int row = 1; row <= 5; row++) {
            String[] fields = lines.get(row).split(",", -1);
            fields[tenure] = "not-a-number";
            lines.set(row, String.join(",", fields));
        }
        Path base = work.resolve("base.csv");
        Files.write(base, lines);
        String snapshots = work.resolve("job").toString();
        Files.createDirectories(work.resolve("job"));
        Files.writeString(work.resolve("job").resolve(SnapshotStore.LATEST), "earlier\n");
        // 5 of 1000 rows (0.5 %) are bad, over the default 0.1 %.
        DataException data = assertThrows(DataException.class,
                () -> job(base.toString(), SparkRescoreRequest.InputFormat.CSV, MODELS, snapshots, List.of()));
        assertTrue(data.getMessage().contains("5 of 1000 rows cannot be scored"), data.getMessage());
        assertEquals("earlier", Files.readString(work.resolve("job").resolve(SnapshotStore.LATEST)).strip());
        try (Stream<Path> entries = Files.list(work.resolve("job"))) {
            assertFalse(entries.anyMatch(Files::isDirectory), "no snapshot folder is started");
        }
    }

    @Test
    void exitsWithTheCliCodesForUsageAndBadData(@TempDir Path work) {
        StringWriter err = new StringWriter();
        CommandLine usage = SparkJobMain.commandLine();
        usage.setErr(new PrintWriter(err));
        assertEquals(2, usage.execute("rescore", "--data", SAMPLE.toString(), "--format", "orc", "--snapshots", work.toString()));
        assertTrue(err.toString().contains("--format takes parquet or csv, got 'orc'"), err.toString());

        StringWriter badData = new StringWriter();
        CommandLine missingId = SparkJobMain.commandLine();
        missingId.setErr(new PrintWriter(badData));
        assertEquals(3, missingId.execute("rescore", "--data", SAMPLE.toString(), "--format", "csv", "--id", "client",
                "--models", MODELS.toString(), "--snapshots", work.resolve("snapshots").toString()));
        assertTrue(badData.toString().contains("id column 'client' not found; the columns are: customer_id"), badData.toString());

        StringWriter missing = new StringWriter();
        CommandLine missingData = SparkJobMain.commandLine();
        missingData.setErr(new PrintWriter(missing));
        assertEquals(3, missingData.execute("rescore", "--data", work.resolve("absent.parquet").toString(),
                "--models", MODELS.toString(), "--snapshots", work.resolve("snapshots").toString()));
        assertTrue(missing.toString().contains("absent.parquet: no such file or folder"), missing.toString());

        StringWriter badCampaign = new StringWriter();
        CommandLine notACampaign = SparkJobMain.commandLine();
        notACampaign.setErr(new PrintWriter(badCampaign));
        assertEquals(2, notACampaign.execute("rescore", "--data", SAMPLE.toString(), "--models", MODELS.toString(),
                "--snapshots", work.resolve("snapshots").toString(), "--uplift", "Winback_Email"));
        assertTrue(badCampaign.toString().contains("--uplift: 'Winback_Email' is not a campaign name"), badCampaign.toString());

        StringWriter noModel = new StringWriter();
        CommandLine noCampaignModel = SparkJobMain.commandLine();
        noCampaignModel.setErr(new PrintWriter(noModel));
        assertEquals(3, noCampaignModel.execute("rescore", "--data", SAMPLE.toString(), "--models", MODELS.toString(),
                "--snapshots", work.resolve("snapshots").toString(), "--uplift", "winback-email"));
        assertTrue(noModel.toString().contains("--uplift names campaign 'winback-email', which has no current uplift model"), noModel.toString());

        StringWriter noPersonas = new StringWriter();
        CommandLine personasAsked = SparkJobMain.commandLine();
        personasAsked.setErr(new PrintWriter(noPersonas));
        assertEquals(3, personasAsked.execute("rescore", "--data", SAMPLE.toString(), "--models", MODELS.toString(),
                "--snapshots", work.resolve("snapshots").toString(), "--personas"));
        assertTrue(noPersonas.toString().contains("has no current persona model"), noPersonas.toString());
    }

    /**
     * Compares the job's Parquet scores with the CLI's scores file customer by customer; returns how many.
     * The CLI prints probabilities to 6 decimals, so they agree to half a millionth.
     */
    private static int compareCustomers(Path cliScores, Path jobScores, List<Task> tasks) throws IOException {
        Map<String, Row> job = new HashMap<>();
        for (Row row : spark.read().parquet(jobScores.toString()).collectAsList()) {
            job.put(row.getAs("customer_id"), row);
        }
        int compared = 0;
        try (Reader in = Files.newBufferedReader(cliScores, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord cli : parser) {
                String id = cli.get("customer_id");
                Row row = job.get(id);
                assertNotNull(row, "the job scored every customer the CLI did");
                assertEquals(cli.get("segment"), row.getAs("segment"), id);
                if (cli.isMapped("region")) {
                    assertEquals(cli.get("region"), row.getAs("region"), id);
                }
                compareValueUpliftAndPersona(cli, row, id);
                for (Task task : tasks) {
                    String t = task.id();
                    assertEquals(Double.parseDouble(cli.get(t + "_probability")), (double) row.getAs(t + "_probability"), 0.5e-6 + 1e-12, id);
                    assertEquals(Integer.parseInt(cli.get(t + "_score")), (int) row.getAs(t + "_score"), id);
                    assertEquals(cli.get(t + "_band"), row.getAs(t + "_band"), id);
                    for (int slot = 1; slot <= 3; slot++) {
                        String reason = row.getAs(t + "_reason_" + slot);
                        assertEquals(cli.get(t + "_reason_" + slot), reason == null ? "" : reason, id);
                    }
                    assertEquals(Double.parseDouble(cli.get(t + "_percentile")), (double) row.getAs(t + "_percentile"),
                            SparkRescore.PERCENTILE_BOUND + 1e-9, id);
                }
                compared++;
            }
        }
        assertEquals(compared, job.size(), "the job scored no customer the CLI did not");
        return compared;
    }

    /**
     * The value, uplift and persona columns the CLI wrote, against the job's: the same columns, a number the CLI left
     * empty null in the job, uplifts to the CLI's 6 decimals.
     */
    private static void compareValueUpliftAndPersona(CSVRecord cli, Row row, String id) {
        assertEquals(new java.util.TreeSet<>(cli.getParser().getHeaderNames()), new java.util.TreeSet<>(List.of(row.schema().fieldNames())),
                "the job's scores have the CLI's columns");
        for (String column : List.of("clv", "p_alive")) {
            if (cli.isMapped(column)) {
                Double value = row.getAs(column);
                if (cli.get(column).isEmpty()) {
                    assertEquals(null, value, column + " of " + id);
                } else {
                    assertEquals(Double.parseDouble(cli.get(column)), value, 1e-12, column + " of " + id);
                }
            }
        }
        if (cli.isMapped("value_band")) {
            String band = row.getAs("value_band");
            assertEquals(cli.get("value_band"), band == null ? "" : band, id);
        }
        for (String column : cli.getParser().getHeaderNames()) {
            if (column.endsWith("_uplift")) {
                assertEquals(Double.parseDouble(cli.get(column)), (double) row.getAs(column), 0.5e-6 + 1e-12, column + " of " + id);
            } else if (column.endsWith("_group")) {
                assertEquals(cli.get(column), row.getAs(column), column + " of " + id);
            }
        }
        if (cli.isMapped("persona")) {
            assertEquals(Integer.parseInt(cli.get("persona")), (int) row.getAs("persona"), id);
            assertEquals(cli.get("persona_name"), row.getAs("persona_name"), id);
        }
    }

    private static RescoreSummary cli(Path base, Path models, Path snapshots, List<String> keep) {
        return cli(base, models, snapshots, keep, SegmentPolicy.defaults());
    }

    private static RescoreSummary cli(Path base, Path models, Path snapshots, List<String> keep, SegmentPolicy policy) {
        return new RescoreJob().run(new RescoreRequest(new ScoringInput(base, null, "customer_id", keep),
                ModelChoice.everyCurrent(models), new ScoresDestination.Snapshot(snapshots, false), policy, 0.001, 2));
    }

    private static SparkRescore.Summary job(String base, SparkRescoreRequest.InputFormat format, Path models, String snapshots,
                                            List<String> keep) {
        return job(base, format, models, snapshots, keep, new SegmentRules.BuiltIn());
    }

    private static SparkRescore.Summary job(String base, SparkRescoreRequest.InputFormat format, Path models, String snapshots,
                                            List<String> keep, SegmentRules rules) {
        return new SparkRescore(spark, Clock.systemUTC()).run(new SparkRescoreRequest(base, format, models, snapshots, "customer_id",
                List.of(), rules, keep, 0.001));
    }

    /** The header and data rows {@code from} to {@code to} (1-based) of a CSV's lines. */
    private static List<String> rows(List<String> lines, int from, int to) {
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        out.addAll(lines.subList(from, to + 1));
        return out;
    }
}
