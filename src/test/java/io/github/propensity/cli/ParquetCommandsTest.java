// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.ParquetFixtures;
import io.github.propensity.ParquetFixtures.Stored;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command that reads customers reads the same data as Parquet (written here by the Parquet library's own
 * writer, typed as a lake holds it) to the same result as the CSV; scores written as Parquet hold the CSV's values.
 */
class ParquetCommandsTest {
    private static final Path SAMPLE = Path.of("training-data", "customers.csv");
    private static final Path TRANSACTIONS = Path.of("training-data", "transactions.csv");
    private static final String LABELS = "churned,purchased_30d,converted";
    /** A reason as the scores file writes it: feature=value (contribution). */
    private static final Pattern REASON = Pattern.compile("(.+?)=(.*) \\(([-+][0-9.]+)\\)");

    @TempDir
    Path dir;

    /** The sample's flags kept as yes/no text: where their spelling shows (persona names), it is the CSV's. */
    private static Map<String, Stored> textFlags() {
        Map<String, Stored> types = new HashMap<>(ParquetFixtures.sampleTypes());
        types.put("auto_renew", Stored.STRING);
        return types;
    }

    private Path firstRows(int rows) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE);
        return Files.write(dir.resolve("first-" + rows + ".csv"), lines.subList(0, rows + 1));
    }

    @Test
    void trainsTheSameModelFromParquetAsFromTheCsv() throws IOException {
        Path csv = firstRows(1500);
        Path parquet = ParquetFixtures.write(SAMPLE, dir.resolve("first.parquet"), ParquetFixtures.sampleTypes(), 1500, 1, 1500);
        CliRun fromCsv = CliRun.of("train", "--task", "churn", "--data", csv.toString(), "--label", "churned", "--positive", "yes",
                "--id", "customer_id", "--drop", "purchased_30d,converted", "--models", dir.resolve("m-csv").toString());
        CliRun fromParquet = CliRun.of("train", "--task", "churn", "--data", parquet.toString(), "--label", "churned", "--positive", "yes",
                "--id", "customer_id", "--drop", "purchased_30d,converted", "--models", dir.resolve("m-parquet").toString());
        assertEquals(ExitCode.OK, fromCsv.exitCode(), fromCsv.err());
        assertEquals(ExitCode.OK, fromParquet.exitCode(), fromParquet.err());
        assertEquals(metrics(fromCsv.lastStdoutLine()), metrics(fromParquet.lastStdoutLine()));

        // The two models score the same base to the same probabilities; the CSV-trained one reads the typed boolean.
        CliRun csvModel = CliRun.of("score", "--data", parquet.toString(), "--id", "customer_id", "--models", dir.resolve("m-csv").toString(),
                "--out", dir.resolve("by-csv-model.csv").toString());
        CliRun parquetModel = CliRun.of("score", "--data", csv.toString(), "--id", "customer_id", "--models", dir.resolve("m-parquet").toString(),
                "--out", dir.resolve("by-parquet-model.csv").toString());
        assertEquals(ExitCode.OK, csvModel.exitCode(), csvModel.err());
        assertEquals(ExitCode.OK, parquetModel.exitCode(), parquetModel.err());
        assertSameScores(dir.resolve("by-parquet-model.csv"), dir.resolve("by-csv-model.csv"));
    }

    /** The summary from "model" on: the chosen model, calibration and every test and cross-validated metric. */
    private static String metrics(String summary) {
        return summary.substring(summary.indexOf("\"model\""))
                .replaceAll("\"training_seconds\":[0-9.]+,", "");
    }

    @Test
    void scoresAParquetFolderAsItScoresTheCsv() throws IOException {
        Path folder = ParquetFixtures.write(SAMPLE, dir.resolve("base"), ParquetFixtures.sampleTypes(), Integer.MAX_VALUE, 3, 400);
        Path single = ParquetFixtures.write(SAMPLE, dir.resolve("base.parquet"), ParquetFixtures.sampleTypes(), Integer.MAX_VALUE, 1, 5000);
        for (Path data : List.of(SAMPLE, folder, single)) {
            CliRun run = CliRun.of("score", "--data", data.toString(), "--id", "customer_id", "--models", "models", "--keep", "region",
                    "--out", dir.resolve("scores-" + data.getFileName() + ".csv").toString());
            assertEquals(ExitCode.OK, run.exitCode(), run.err());
            assertTrue(run.lastStdoutLine().contains("\"rows\":5000,\"scored\":5000"), run.lastStdoutLine());
        }
        assertSameScores(dir.resolve("scores-customers.csv.csv"), dir.resolve("scores-base.csv"));
        assertEquals(Files.readString(dir.resolve("scores-base.csv")), Files.readString(dir.resolve("scores-base.parquet.csv")),
                "a folder of parts reads as the one file they were cut from");
    }

    /**
     * Every value equal, except that a reason quotes the value as each file holds it: the same number ("536.70" in the
     * CSV is 536.7 in a double column) or the same flag (yes is true).
     */
    private static void assertSameScores(Path expected, Path actual) throws IOException {
        List<CSVRecord> a = records(expected);
        List<CSVRecord> b = records(actual);
        assertEquals(a.size(), b.size());
        List<String> header = a.get(0).getParser().getHeaderNames();
        assertEquals(header, b.get(0).getParser().getHeaderNames());
        for (int r = 0; r < a.size(); r++) {
            for (String column : header) {
                String x = a.get(r).get(column);
                String y = b.get(r).get(column);
                if (column.contains("_reason_") && !x.isEmpty()) {
                    Matcher mx = REASON.matcher(x);
                    Matcher my = REASON.matcher(y);
                    assertTrue(mx.matches() && my.matches(), x + " / " + y);
                    assertEquals(mx.group(1), my.group(1), column);
                    assertEquals(mx.group(3), my.group(3), column);
                    assertEquals(sameValue(mx.group(2)), sameValue(my.group(2)), x + " / " + y);
                } else {
                    assertEquals(x, y, a.get(r).get(0) + " " + column);
                }
            }
        }
    }

    private static String sameValue(String text) {
        if (text.equals("yes") || text.equals("true")) {
            return "true";
        }
        if (text.equals("no") || text.equals("false")) {
            return "false";
        }
        try {
            return String.valueOf(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    @Test
    void writesParquetScoresHoldingTheCsvScoresValues() throws IOException {
        // The committed models plus a persona model, so the file has every kind of column but the value and uplift ones.
        Path models = dir.resolve("models");
        for (String task : List.of("churn", "purchase", "conversion")) {
            copyTree(Path.of("models", task), models.resolve(task));
        }
        CliRun personas = CliRun.of("personas", "fit", "--data", SAMPLE.toString(), "--id", "customer_id", "--k", "3", "--drop", LABELS,
                "--models", models.toString());
        assertEquals(ExitCode.OK, personas.exitCode(), personas.err());
        Path csvScores = dir.resolve("scores.csv");
        Path parquetScores = dir.resolve("out").resolve("scores.parquet");
        CliRun csv = CliRun.of("score", "--data", SAMPLE.toString(), "--id", "customer_id", "--models", models.toString(),
                "--keep", "region,nps_score", "--out", csvScores.toString());
        CliRun parquet = CliRun.of("score", "--data", SAMPLE.toString(), "--id", "customer_id", "--models", models.toString(),
                "--keep", "region,nps_score", "--format", "parquet", "--out", parquetScores.toString());
        assertEquals(ExitCode.OK, csv.exitCode(), csv.err());
        assertEquals(ExitCode.OK, parquet.exitCode(), parquet.err());
        try (var leftovers = Files.list(parquetScores.getParent())) {
            assertEquals(List.of(parquetScores), leftovers.toList(), "only the scores file, no staged file left");
        }

        MessageType schema = ParquetFixtures.schema(parquetScores);
        assertEquals(PrimitiveTypeName.BINARY, schema.getType("customer_id").asPrimitiveType().getPrimitiveTypeName());
        assertEquals(PrimitiveTypeName.DOUBLE, schema.getType("churn_probability").asPrimitiveType().getPrimitiveTypeName());
        assertEquals(PrimitiveTypeName.INT32, schema.getType("churn_score").asPrimitiveType().getPrimitiveTypeName());
        assertEquals(PrimitiveTypeName.BINARY, schema.getType("churn_band").asPrimitiveType().getPrimitiveTypeName());
        assertEquals(PrimitiveTypeName.DOUBLE, schema.getType("churn_percentile").asPrimitiveType().getPrimitiveTypeName());
        assertEquals(PrimitiveTypeName.INT32, schema.getType("persona").asPrimitiveType().getPrimitiveTypeName());
        assertEquals(PrimitiveTypeName.BINARY, schema.getType("persona_name").asPrimitiveType().getPrimitiveTypeName());
        assertEquals(PrimitiveTypeName.BINARY, schema.getType("nps_score").asPrimitiveType().getPrimitiveTypeName(), "kept as text");

        List<CSVRecord> expected = records(csvScores);
        List<Group> rows = ParquetFixtures.read(parquetScores);
        List<String> header = expected.get(0).getParser().getHeaderNames();
        assertEquals(header, schema.getFields().stream().map(f -> f.getName()).toList());
        assertEquals(expected.size(), rows.size());
        int nulls = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                String text = expected.get(r).get(c);
                Group row = rows.get(r);
                if (row.getFieldRepetitionCount(c) == 0) {
                    assertEquals("", text, header.get(c));
                    nulls++;
                    continue;
                }
                PrimitiveType type = schema.getType(c).asPrimitiveType();
                switch (type.getPrimitiveTypeName()) {
                    case DOUBLE -> assertEquals(Double.parseDouble(text), row.getDouble(c, 0), 0.0, header.get(c));
                    case INT32 -> assertEquals(Integer.parseInt(text), row.getInteger(c, 0), header.get(c));
                    case BINARY -> assertEquals(text, row.getString(c, 0), header.get(c));
                    default -> throw new AssertionError("unexpected column type " + type);
                }
            }
        }
        assertTrue(nulls > 0, "the empty nps_score cells are nulls");
    }

    @Test
    void fitsTheSamePersonasFromParquet() throws IOException {
        Path parquet = ParquetFixtures.write(SAMPLE, dir.resolve("base.parquet"), textFlags(), Integer.MAX_VALUE, 1, 5000);
        List<String> summaries = new ArrayList<>();
        for (Path data : List.of(SAMPLE, parquet)) {
            CliRun fit = CliRun.of("personas", "fit", "--data", data.toString(), "--id", "customer_id", "--k", "3", "--drop", LABELS,
                    "--models", dir.resolve("models-" + data.getFileName()).toString());
            assertEquals(ExitCode.OK, fit.exitCode(), fit.err());
            summaries.add(fit.lastStdoutLine().replaceAll("\"version\":\"[^\"]+\",", "").replaceAll(",\"seconds\":[0-9.]+", ""));
        }
        assertTrue(summaries.get(0).contains("\"k\":3"), summaries.get(0));
        assertEquals(summaries.get(0), summaries.get(1));
    }

    @Test
    void buildsTheSameLookalikeAudienceFromParquetSeedAndPool() throws IOException {
        List<String> seed = new ArrayList<>(List.of("customer_id"));
        for (CSVRecord record : records(SAMPLE)) {
            if (record.get("plan").equals("premium") && seed.size() <= 150) {
                seed.add(record.get("customer_id"));
            }
        }
        Path seedCsv = Files.write(dir.resolve("seed.csv"), seed);
        Path seedParquet = ParquetFixtures.write(seedCsv, dir.resolve("seed.parquet"), Map.of(), Integer.MAX_VALUE, 1, 1000);
        Path pool = ParquetFixtures.write(SAMPLE, dir.resolve("pool"), textFlags(), Integer.MAX_VALUE, 2, 1000);
        CliRun fromCsv = CliRun.of("lookalike", "--seed", seedCsv.toString(), "--pool", SAMPLE.toString(), "--id", "customer_id",
                "--size", "200", "--drop", LABELS, "--out", dir.resolve("csv/audience.csv").toString());
        CliRun fromParquet = CliRun.of("lookalike", "--seed", seedParquet.toString(), "--pool", pool.toString(), "--id", "customer_id",
                "--size", "200", "--drop", LABELS, "--out", dir.resolve("parquet/audience.csv").toString());
        assertEquals(ExitCode.OK, fromCsv.exitCode(), fromCsv.err());
        assertEquals(ExitCode.OK, fromParquet.exitCode(), fromParquet.err());
        String audience = Files.readString(dir.resolve("csv/audience.csv"));
        assertTrue(audience.lines().count() > 200, "the audience has its 200 rows");
        assertEquals(audience, Files.readString(dir.resolve("parquet/audience.csv")));
    }

    @Test
    void buildsTheSameFeaturesFromAParquetTransactionLog() throws IOException {
        // order_time as a timestamp, read as 2023-01-01T11:17:00Z where the CSV says 2023-01-01 11:17: the same day.
        Path log = ParquetFixtures.write(TRANSACTIONS, dir.resolve("transactions.parquet"),
                Map.of("quantity", Stored.LONG, "unit_price", Stored.DOUBLE, "order_time", Stored.TIMESTAMP_MICROS), Integer.MAX_VALUE, 1, 100_000);
        for (Path data : List.of(TRANSACTIONS, log)) {
            CliRun run = CliRun.of("features", "--transactions", data.toString(), "--customer", "customer_id", "--date", "order_time",
                    "--quantity", "quantity", "--price", "unit_price", "--as-of", "2024-06-01",
                    "--out", dir.resolve("features-" + data.getFileName() + ".csv").toString());
            assertEquals(ExitCode.OK, run.exitCode(), run.err());
        }
        String fromCsv = Files.readString(dir.resolve("features-transactions.csv.csv"));
        assertTrue(fromCsv.lines().count() > 1000, "one row per customer");
        assertEquals(fromCsv, Files.readString(dir.resolve("features-transactions.parquet.csv")));
    }

    @Test
    void badParquetInputIsBadDataNamingFileAndColumn() throws IOException {
        MessageType nested = MessageTypeParser.parseMessageType(
                "message m { required binary customer_id (STRING); optional group address { optional binary city (STRING); } }");
        Path nestedFile = dir.resolve("nested.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(nestedFile))
                .withConf(new PlainParquetConfiguration()).withType(nested).build()) {
            writer.write(new SimpleGroupFactory(nested).newGroup().append("customer_id", "C1"));
        }
        CliRun nestedRun = CliRun.of("score", "--data", nestedFile.toString(), "--id", "customer_id", "--models", "models",
                "--out", dir.resolve("s.csv").toString());
        assertEquals(ExitCode.BAD_DATA, nestedRun.exitCode(), nestedRun.err());
        assertTrue(nestedRun.err().contains("nested.parquet") && nestedRun.err().contains("'address'"), nestedRun.err());

        Path notParquet = Files.writeString(dir.resolve("customers.parquet"), "customer_id,plan\nC1,free\n");
        CliRun unreadable = CliRun.of("train", "--task", "churn", "--data", notParquet.toString(), "--label", "churned", "--positive", "yes",
                "--models", dir.resolve("m").toString());
        assertEquals(ExitCode.BAD_DATA, unreadable.exitCode(), unreadable.err());
        assertTrue(unreadable.err().contains("customers.parquet: not a readable Parquet file"), unreadable.err());

        Path base = ParquetFixtures.write(SAMPLE, dir.resolve("base.parquet"), ParquetFixtures.sampleTypes(), 300, 1, 300);
        CliRun noId = CliRun.of("score", "--data", base.toString(), "--id", "client_id", "--models", "models",
                "--out", dir.resolve("s.csv").toString());
        assertEquals(ExitCode.BAD_DATA, noId.exitCode(), noId.err());
        assertTrue(noId.err().contains("base.parquet") && noId.err().contains("'client_id' not found"), noId.err());
        CliRun noPoolId = CliRun.of("lookalike", "--seed", base.toString(), "--pool", base.toString(), "--id", "client_id",
                "--size", "10", "--out", dir.resolve("a.csv").toString());
        assertEquals(ExitCode.BAD_DATA, noPoolId.exitCode(), noPoolId.err());
        assertTrue(noPoolId.err().contains("base.parquet") && noPoolId.err().contains("'client_id' not found"), noPoolId.err());
        assertFalse(Files.exists(dir.resolve("s.csv")));
    }

    @Test
    void parquetScoresGoOnlyToAFileNamedParquetOrASnapshotWithoutGzip() {
        String[] base = {"score", "--data", SAMPLE.toString(), "--id", "customer_id", "--models", "models"};
        CliRun gzipped = CliRun.of(concat(base, "--format", "parquet", "--gzip", "--snapshots", dir.resolve("snapshots").toString()));
        assertEquals(ExitCode.USAGE, gzipped.exitCode(), gzipped.err());
        assertTrue(gzipped.err().contains("--gzip compresses scores.csv"), gzipped.err());
        CliRun stdout = CliRun.of(concat(base, "--format", "parquet", "--out", "-"));
        assertEquals(ExitCode.USAGE, stdout.exitCode(), stdout.err());
        CliRun misnamed = CliRun.of(concat(base, "--format", "csv", "--out", dir.resolve("scores.parquet").toString()));
        assertEquals(ExitCode.USAGE, misnamed.exitCode(), misnamed.err());
        assertNull(dir.resolve("snapshots").toFile().list());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
