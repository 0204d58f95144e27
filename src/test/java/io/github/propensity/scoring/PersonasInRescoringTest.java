// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.backtest.BacktestFixtures;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.model.Persona;
import io.github.propensity.model.PersonaModel;
import io.github.propensity.personas.PersonaAssigner;
import io.github.propensity.personas.PersonaBundle;
import io.github.propensity.personas.PersonaFitter;
import io.github.propensity.personas.PersonaSettings;
import io.github.propensity.personas.PersonaStore;
import io.github.propensity.sample.SampleWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rescoring with the committed task models plus a persona model fitted here on the same base. */
class PersonasInRescoringTest {
    private static final int ROWS = 3000;

    @TempDir
    static Path shared;
    static Path base;
    static Path models;
    static PersonaBundle bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void fitPersonas() throws IOException {
        base = shared.resolve("base.csv");
        SampleWriter.write(base, null, ROWS, 23);
        models = shared.resolve("models");
        BacktestFixtures.copyModels(models);
        PersonaSettings settings = new PersonaSettings(new PersonaSettings.Fixed(4),
                new PersonaSettings.DropColumns(List.of("churned", "purchased_30d", "converted")), "customer_id", 7);
        PersonaStore store = new PersonaStore(models);
        store.publish(PersonaFitter.fit(base, null, settings, Optional.empty(), Optional.empty(), models));
        bundle = store.loadCurrent();
    }

    static PersonaChoice choice(PersonaChoice.Selection selection) {
        return new PersonaChoice(bundle.version(), bundle.model(), selection);
    }

    private RescoreRequest request(Path data, ScoresDestination destination, SegmentPolicy policy, Optional<PersonaChoice> personas) {
        return new RescoreRequest(ScoringInput.of(data, "customer_id"), ModelChoice.everyCurrent(models), destination, policy,
                0.001, 2, List.of(), personas);
    }

    private RescoreSummary snapshot(Path data, Path snapshots, SegmentPolicy policy, Optional<PersonaChoice> personas) {
        return new RescoreJob().run(request(data, new ScoresDestination.Snapshot(snapshots, false), policy, personas));
    }

    /** The persona the test computes itself: encode, project, then the smallest full squared distance. */
    static int nearestId(PersonaModel model, FeatureEncoder.HeaderBinding binding, String[] row) {
        double[] encoded = model.space().encoder().encode(row, binding);
        double[] point = new double[model.space().width()];
        model.space().project(encoded, point);
        int bestId = -1;
        double best = Double.MAX_VALUE;
        for (Persona persona : model.personas()) {
            double sum = 0;
            double[] centroid = persona.centroid();
            for (int d = 0; d < point.length; d++) {
                sum += (point[d] - centroid[d]) * (point[d] - centroid[d]);
            }
            if (sum < best) {
                best = sum;
                bestId = persona.id();
            }
        }
        return bestId;
    }

    @Test
    void eachCustomerGetsThePersonaWhoseCentroidIsNearestTheirRow() throws IOException {
        RescoreSummary summary = snapshot(base, dir.resolve("snapshots"), SegmentPolicy.defaults(),
                Optional.of(choice(PersonaChoice.Selection.FOUND)));
        CustomerTable scores = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        CustomerTable input = CustomerTable.read(base, null);
        List<String> header = scores.header();
        assertEquals(List.of("conversion_reason_3", "persona", "persona_name", "churn_percentile"),
                header.subList(header.indexOf("conversion_reason_3"), header.indexOf("churn_percentile") + 1));
        PersonaModel model = bundle.model();
        FeatureEncoder.HeaderBinding binding = model.space().encoder().bind(input.header());
        Map<Integer, Long> expectedCounts = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        model.personas().forEach(p -> names.put(p.id(), p.name()));
        for (int row = 0; row < ROWS; row++) {
            assertEquals(input.value(row, 0), scores.value(row, 0));
            int expected = nearestId(model, binding, input.rows().get(row));
            expectedCounts.merge(expected, 1L, Long::sum);
            assertEquals(Integer.toString(expected), scores.value(row, header.indexOf("persona")), "row " + row);
            assertEquals(names.get(expected), scores.value(row, header.indexOf("persona_name")), "row " + row);
        }
        assertTrue(expectedCounts.size() >= 2, "several personas should be used: " + expectedCounts);
        JsonNode segments = new ObjectMapper().readTree(summary.snapshot().resolve("segments.json").toFile());
        assertEquals(model.personas().size(), segments.path("personas").size());
        for (JsonNode persona : segments.path("personas")) {
            assertEquals(expectedCounts.getOrDefault(persona.path("id").asInt(), 0L), persona.path("customers").asLong());
            assertEquals(names.get(persona.path("id").asInt()), persona.path("name").asText());
        }
        JsonNode manifest = new ObjectMapper().readTree(summary.snapshot().resolve("manifest.json").toFile());
        assertEquals(bundle.version(), manifest.path("personas").path("version").asText());
        assertEquals(model.personas().size(), manifest.path("personas").path("personas").asInt());
    }

    @Test
    void snapshotPersonasEqualWhatPersonasAssignWritesForTheSameBase() throws IOException {
        Path scoresFile = dir.resolve("scores.csv");
        new RescoreJob().run(request(base, new ScoresDestination.File(scoresFile), SegmentPolicy.defaults(),
                Optional.of(choice(PersonaChoice.Selection.ASKED))));
        Path assigned = dir.resolve("assigned.csv");
        PersonaAssigner.assign(base, null, "customer_id", bundle.model(), assigned, 2);
        CustomerTable scores = CustomerTable.read(scoresFile, null);
        CustomerTable assign = CustomerTable.read(assigned, null);
        assertEquals(ROWS, assign.rows().size());
        for (int row = 0; row < ROWS; row++) {
            assertEquals(assign.value(row, 0), scores.value(row, 0));
            assertEquals(assign.value(row, assign.header().indexOf("persona_id")), scores.value(row, scores.header().indexOf("persona")));
            assertEquals(assign.value(row, assign.header().indexOf("persona_name")),
                    scores.value(row, scores.header().indexOf("persona_name")));
        }
    }

    @Test
    void everyOtherColumnIsExactlyWhatARunWithoutPersonasWrites() throws IOException {
        Path with = dir.resolve("with.csv");
        Path without = dir.resolve("without.csv");
        new RescoreJob().run(request(base, new ScoresDestination.File(with), SegmentPolicy.defaults(), Optional.of(choice(PersonaChoice.Selection.FOUND))));
        new RescoreJob().run(request(base, new ScoresDestination.File(without), SegmentPolicy.defaults(), Optional.empty()));
        List<String> withLines = Files.readAllLines(with, StandardCharsets.UTF_8);
        List<String> withoutLines = Files.readAllLines(without, StandardCharsets.UTF_8);
        assertEquals(withoutLines.size(), withLines.size());
        int personaColumn = List.of(withLines.get(0).split(",", -1)).indexOf("persona");
        for (int line = 0; line < withLines.size(); line++) {
            // Generated persona names hold no comma or quote, so splitting on commas is exact for these two columns.
            List<String> cells = new ArrayList<>(cells(withLines.get(line)));
            cells.remove(personaColumn);
            cells.remove(personaColumn);
            assertEquals(cells(withoutLines.get(line)), cells, "line " + (line + 1));
        }
    }

    @Test
    void migrationCountsPersonaMovesNewAndGoneCustomersAsCountedFromBothScoresFiles() throws IOException {
        Path snapshots = dir.resolve("snapshots");
        RescoreSummary first = snapshot(base, snapshots, SegmentPolicy.defaults(), Optional.of(choice(PersonaChoice.Selection.FOUND)));
        // Week two: the first 300 customers are gone, 200 new ones arrive, and every fourth customer's spend triples.
        List<String> lines = Files.readAllLines(base, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int spend = header.indexOf("spend_365d");
        int sessions = header.indexOf("sessions_30d");
        List<String> week2 = new ArrayList<>(List.of(lines.get(0)));
        for (int line = 301; line < lines.size(); line++) {
            String[] cells = lines.get(line).split(",", -1);
            if (line % 4 == 0) {
                if (!cells[spend].isEmpty()) {
                    cells[spend] = Double.toString(3 * Double.parseDouble(cells[spend]));
                }
                if (!cells[sessions].isEmpty()) {
                    cells[sessions] = Long.toString(3 * Long.parseLong(cells[sessions]) + 20);
                }
            }
            week2.add(String.join(",", cells));
        }
        for (int line = 1; line <= 200; line++) {
            week2.add("N" + lines.get(line));
        }
        Path base2 = BacktestFixtures.write(dir.resolve("week2.csv"), week2);
        RescoreSummary second = snapshot(base2, snapshots, SegmentPolicy.defaults(), Optional.of(choice(PersonaChoice.Selection.FOUND)));

        Map<String, String> before = personaById(first.snapshot().resolve("scores.csv"));
        Map<String, String> after = personaById(second.snapshot().resolve("scores.csv"));
        Map<String, Long> expected = new TreeMap<>();
        after.forEach((id, persona) -> expected.merge(before.getOrDefault(id, Migration.NEW) + "->" + persona, 1L, Long::sum));
        before.forEach((id, persona) -> {
            if (!after.containsKey(id)) {
                expected.merge(persona + "->" + Migration.GONE, 1L, Long::sum);
            }
        });
        Map<String, Long> written = new TreeMap<>();
        CustomerTable migration = CustomerTable.read(second.snapshot().resolve("migration.csv"), null);
        for (String[] row : migration.rows()) {
            if (row[0].equals("persona")) {
                written.put(row[1] + "->" + row[2], Long.parseLong(row[3]));
            }
        }
        assertEquals(expected, written);
        assertTrue(expected.keySet().stream().anyMatch(move -> !move.startsWith(Migration.NEW) && !move.endsWith(Migration.GONE)
                && !move.split("->")[0].equals(move.split("->")[1])), "some customers should change persona: " + expected);
        assertEquals(300L, expected.entrySet().stream().filter(e -> e.getKey().endsWith(Migration.GONE)).mapToLong(Map.Entry::getValue).sum());
        assertEquals(200L, expected.entrySet().stream().filter(e -> e.getKey().startsWith(Migration.NEW)).mapToLong(Map.Entry::getValue).sum());
    }

    @Test
    void migrationHasNoPersonaDimensionWhenThePreviousSnapshotHadNoPersonas() throws IOException {
        Path snapshots = dir.resolve("snapshots");
        snapshot(base, snapshots, SegmentPolicy.defaults(), Optional.empty());
        RescoreSummary second = snapshot(base, snapshots, SegmentPolicy.defaults(), Optional.of(choice(PersonaChoice.Selection.FOUND)));
        String migration = Files.readString(second.snapshot().resolve("migration.csv"));
        assertFalse(migration.contains("\npersona,"), migration);
        assertTrue(migration.contains("\nsegment,"), migration);
    }

    private static List<String> cells(String line) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(line))) {
            return parser.getRecords().get(0).toList();
        }
    }

    private static Map<String, String> personaById(Path scores) {
        CustomerTable table = CustomerTable.read(scores, null);
        int persona = table.header().indexOf("persona");
        Map<String, String> byId = new HashMap<>();
        for (String[] row : table.rows()) {
            byId.put(row[0], row[persona]);
        }
        return byId;
    }

    @Test
    void aRuleOnPersonasTakesExactlyTheCustomersInThem() throws IOException {
        List<Persona> personas = bundle.model().personas();
        String byId = Integer.toString(personas.get(0).id());
        String byName = personas.get(2).name();
        SegmentRule rule = new SegmentRule("chosen-personas", Map.of(), new ValueCondition.Any(), Map.of(), Map.of(), Set.of(byId, byName));
        List<SegmentRule> rules = new ArrayList<>(List.of(rule));
        rules.addAll(SegmentPolicy.defaults().rules());
        SegmentPolicy policy = new SegmentPolicy(SegmentPolicy.defaults().bands(), rules);
        RescoreSummary summary = snapshot(base, dir.resolve("snapshots"), policy, Optional.of(choice(PersonaChoice.Selection.FOUND)));
        CustomerTable scores = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        Set<String> chosen = Set.of(byId, Integer.toString(personas.get(2).id()));
        long inRule = 0;
        for (String[] row : scores.rows()) {
            boolean inChosen = chosen.contains(row[scores.header().indexOf("persona")]);
            assertEquals(inChosen, row[1].equals("chosen-personas"), row[0]);
            inRule += inChosen ? 1 : 0;
        }
        assertTrue(inRule > 0 && inRule < ROWS, "the rule should take some customers, not all: " + inRule);
        assertEquals(inRule, summary.segmentCounts().get("chosen-personas"));
    }

    @Test
    void aRuleOnAnUnknownPersonaIsRefusedNamingTheSegmentAndNothingIsPublished() {
        SegmentRule rule = new SegmentRule("ghosts", Map.of(), new ValueCondition.Any(), Map.of(), Map.of(), Set.of("99"));
        List<SegmentRule> rules = new ArrayList<>(List.of(rule));
        rules.addAll(SegmentPolicy.defaults().rules());
        SegmentPolicy policy = new SegmentPolicy(SegmentPolicy.defaults().bands(), rules);
        Path snapshots = dir.resolve("snapshots");
        DataException refused = assertThrows(DataException.class,
                () -> snapshot(base, snapshots, policy, Optional.of(choice(PersonaChoice.Selection.FOUND))));
        assertTrue(refused.getMessage().contains("segment 'ghosts'") && refused.getMessage().contains("'99'"), refused.getMessage());
        assertFalse(Files.exists(snapshots.resolve("LATEST")));
        DataException withoutPersonas = assertThrows(DataException.class, () -> snapshot(base, snapshots, policy, Optional.empty()));
        assertTrue(withoutPersonas.getMessage().contains("segment 'ghosts' reads the persona"), withoutPersonas.getMessage());
        assertFalse(Files.exists(snapshots.resolve("LATEST")));
    }

    @Test
    void keepingAnInputColumnNamedLikeAPersonaColumnIsRefused() throws IOException {
        List<String> lines = Files.readAllLines(base, StandardCharsets.UTF_8);
        List<String> withPersona = new ArrayList<>();
        for (int line = 0; line < lines.size(); line++) {
            withPersona.add(lines.get(line) + "," + (line == 0 ? "persona" : "segment-" + line % 3));
        }
        Path data = BacktestFixtures.write(dir.resolve("kept.csv"), withPersona);
        Path out = dir.resolve("kept-scores.csv");
        DataException refused = assertThrows(DataException.class, () -> new RescoreJob().run(new RescoreRequest(
                new ScoringInput(data, null, "customer_id", List.of("persona")), ModelChoice.everyCurrent(models),
                new ScoresDestination.File(out), SegmentPolicy.defaults(), 0.001, 2, List.of(),
                Optional.of(choice(PersonaChoice.Selection.FOUND)))));
        assertTrue(refused.getMessage().contains("'persona'") && refused.getMessage().contains("--no-personas"), refused.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaseWithoutThePersonaColumnsIsSkippedWhenFoundAndRefusedWhenAsked() throws IOException {
        String column = bundle.model().space().columns().get(0);
        List<String> lines = Files.readAllLines(base, StandardCharsets.UTF_8);
        int drop = List.of(lines.get(0).split(",")).indexOf(column);
        List<String> lacking = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(drop);
            lacking.add(String.join(",", cells));
        }
        Path data = BacktestFixtures.write(dir.resolve("lacking.csv"), lacking);
        Path snapshots = dir.resolve("snapshots");
        boolean tasksReadIt = true;
        try {
            RescoreSummary found = snapshot(data, snapshots, SegmentPolicy.defaults(), Optional.of(choice(PersonaChoice.Selection.FOUND)));
            tasksReadIt = false;
            assertFalse(Files.readAllLines(found.snapshot().resolve("scores.csv")).get(0).contains("persona"));
            JsonNode manifest = new ObjectMapper().readTree(found.snapshot().resolve("manifest.json").toFile());
            assertTrue(manifest.path("personas").path("skipped").asText().contains(column), manifest.toString());
        } catch (DataException e) {
            // The committed task models may read the same column; then the base cannot be scored at all.
            assertTrue(e.getMessage().contains(column), e.getMessage());
        }
        Path askedSnapshots = dir.resolve("asked");
        DataException refused = assertThrows(DataException.class,
                () -> snapshot(data, askedSnapshots, SegmentPolicy.defaults(), Optional.of(choice(PersonaChoice.Selection.ASKED))));
        assertTrue(refused.getMessage().contains(column), refused.getMessage());
        if (!tasksReadIt) {
            assertTrue(refused.getMessage().contains("persona model"), refused.getMessage());
        }
        assertFalse(Files.exists(askedSnapshots.resolve("LATEST")));
    }
}
