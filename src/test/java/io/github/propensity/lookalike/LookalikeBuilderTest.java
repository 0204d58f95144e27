// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.sample.SampleWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LookalikeBuilderTest {
    private static final List<String> OUTCOMES = List.of("churned", "purchased_30d", "converted");

    @TempDir
    static Path shared;
    static Path pool;
    static Path seed;
    static Set<String> seedIds = new HashSet<>();

    @TempDir
    Path dir;

    /** Seed: premium customers who ordered in the last 90 days, a distinct group the methods must find. */
    @BeforeAll
    static void data() throws IOException {
        pool = shared.resolve("pool.csv");
        SampleWriter.write(pool, null, 4000, 17);
        CustomerTable table = CustomerTable.read(pool, null);
        List<String> lines = new ArrayList<>(List.of("customer_id,note"));
        for (String[] row : table.rows()) {
            boolean member = row[table.columnIndex("plan")].equals("premium") && Integer.parseInt(row[table.columnIndex("orders_90d")]) >= 2;
            if (member && seedIds.size() < 400) {
                seedIds.add(row[0]);
                lines.add(row[0] + ",vip");
            }
        }
        seed = Files.write(shared.resolve("seed.csv"), lines);
    }

    private static Audience build(Path seedFile, String size, Set<String> suppress, boolean includeSeed, ExportFormat export, int minSeed) {
        EncodedPool encoded = EncodedPool.read(PoolSource.of(pool, "customer_id", OUTCOMES, export != ExportFormat.PLAIN));
        SeedIds ids = SeedReader.seed(seedFile, "customer_id", Optional.empty(), Optional.empty());
        return new LookalikeBuilder().build(encoded, ids, new AudienceSpec(AudienceSize.parse(size), includeSeed, suppress, export,
                minSeed, AudienceSpec.HOLDOUT_SHARE, 7));
    }

    private static byte[] csv(Audience audience) throws IOException {
        StringBuilder out = new StringBuilder();
        audience.writeCsv(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void buildsAnAudienceOfTheExactSizeWithoutSeedOrSuppressedCustomers() throws IOException {
        Path suppress = Files.write(dir.resolve("optouts.csv"), List.of("customer_id", "C0000001", "C0000002", "C0000003"));
        Path out = dir.resolve("audience.csv");
        Audience built = build(seed, "250", SeedReader.suppressed(suppress, "customer_id", Optional.empty()), false, ExportFormat.PLAIN, 100);
        Files.write(out, csv(built));
        LookalikeCard card = built.card();
        CustomerTable audience = CustomerTable.read(out, null);
        assertEquals(250, audience.rowCount());
        assertEquals(250, card.audienceRows());
        for (String[] row : audience.rows()) {
            assertFalse(seedIds.contains(row[0]), "seed member " + row[0] + " in the audience");
            assertFalse(Set.of("C0000001", "C0000002", "C0000003").contains(row[0]), "suppressed id in the audience");
        }
        assertEquals(3, card.suppressed());
        assertEquals(0, card.poolDuplicates());
        assertEquals(SimilarityMethod.values().length, card.methods().size());
        LookalikeCard.MethodQuality chosen = card.methods().stream().filter(m -> m.method().equals(card.chosen())).findFirst().orElseThrow();
        assertTrue(chosen.liftTop10() > 3, "the seed is a distinct group; held-out lift " + chosen.liftTop10());
    }

    @Test
    void aPercentageSizeIsAShareOfThePoolWithoutTheSeed() {
        LookalikeCard card = build(seed, "5%", Set.of(), false, ExportFormat.PLAIN, 100).card();
        assertEquals(Math.round((4000 - card.seedMatched()) * 0.05), card.audienceRows());
        Audience withSeed = build(seed, "5%", Set.of(), true, ExportFormat.PLAIN, 100);
        assertEquals(200, withSeed.card().audienceRows());
        assertEquals(200, withSeed.rows().size());
    }

    @Test
    void theSameInputsAndRandomSeedGiveTheSameAudience() throws IOException {
        assertArrayEquals(csv(build(seed, "300", Set.of(), false, ExportFormat.PLAIN, 100)),
                csv(build(seed, "300", Set.of(), false, ExportFormat.PLAIN, 100)));
    }

    @Test
    void platformExportsHoldOnlyHashedContacts() throws IOException {
        List<String> lines = new String(csv(build(seed, "100", Set.of(), false, ExportFormat.META, 100)), StandardCharsets.UTF_8).lines().toList();
        assertEquals("email,phone", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            assertFalse(line.contains("@") || line.contains("C0"), "raw identifier in a platform export: " + line);
            assertTrue(line.split(",", -1)[0].matches("[0-9a-f]{64}"), line);
        }
    }

    @Test
    void badSeedsAreClearErrorsBlamingTheSetting() throws IOException {
        Path tiny = Files.write(dir.resolve("tiny.csv"), List.of("customer_id", "C0000010", "C0000011"));
        LookalikeInputException small = assertThrows(LookalikeInputException.class,
                () -> build(tiny, "5%", Set.of(), false, ExportFormat.PLAIN, 100));
        assertEquals(LookalikeField.MIN_SEED, small.field());
        assertTrue(small.problem().contains("only 2 seed members"), small.problem());
        Path strangers = Files.write(dir.resolve("strangers.csv"), List.of("customer_id", "X1", "X2"));
        LookalikeInputException none = assertThrows(LookalikeInputException.class,
                () -> build(strangers, "5%", Set.of(), false, ExportFormat.PLAIN, 2));
        assertEquals(LookalikeField.SEED, none.field());
        assertTrue(none.problem().contains("none of the 2 seed ids"), none.problem());
        Path everyone = dir.resolve("everyone.csv");
        List<String> all = new ArrayList<>(List.of("customer_id"));
        CustomerTable.read(pool, null).rows().forEach(r -> all.add(r[0]));
        Files.write(everyone, all);
        LookalikeInputException whole = assertThrows(LookalikeInputException.class,
                () -> build(everyone, "5%", Set.of(), false, ExportFormat.PLAIN, 100));
        assertEquals(LookalikeField.SEED, whole.field());
        assertTrue(whole.problem().contains("almost nobody left"), whole.problem());
        for (LookalikeInputException e : List.of(small, none, whole)) {
            assertFalse(e.getMessage().contains("--"), "domain messages name no command-line flag: " + e.getMessage());
        }
    }

    @Test
    void aPlatformExportOverAPoolWithoutContactColumnsBlamesTheExport() throws IOException {
        List<String> lines = Files.readAllLines(pool);
        List<String> withoutContacts = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            withoutContacts.add(cells[0] + "," + String.join(",", List.of(cells).subList(3, cells.length)));
        }
        Path bare = Files.write(dir.resolve("bare.csv"), withoutContacts);
        EncodedPool encoded = EncodedPool.read(PoolSource.of(bare, "customer_id", OUTCOMES, true));
        SeedIds ids = SeedReader.seed(seed, "customer_id", Optional.empty(), Optional.empty());
        LookalikeInputException e = assertThrows(LookalikeInputException.class, () -> new LookalikeBuilder().build(encoded, ids,
                new AudienceSpec(AudienceSize.parse("100"), false, Set.of(), ExportFormat.META, 100, AudienceSpec.HOLDOUT_SHARE, 7)));
        assertEquals(LookalikeField.EXPORT, e.field());
        assertTrue(e.problem().contains("e-mail or phone column"), e.problem());
    }

    @Test
    void aSeedTooSmallForTwoCentroidsStillBuildsAnAudience() throws IOException {
        List<String> lines = Files.readAllLines(seed).subList(0, 41);
        Path small = Files.write(dir.resolve("small.csv"), lines);
        Audience audience = build(small, "100", Set.of(), false, ExportFormat.PLAIN, 20);
        assertEquals(40, audience.card().seedMatched());
        assertEquals(100, audience.rows().size());
    }

    @Test
    void unreadableSizesAndExportsBlameTheirSetting() {
        assertEquals(LookalikeField.SIZE, assertThrows(LookalikeInputException.class, () -> AudienceSize.parse("lots")).field());
        assertEquals(LookalikeField.SIZE, assertThrows(LookalikeInputException.class, () -> AudienceSize.parse("0")).field());
        assertEquals(LookalikeField.SIZE, assertThrows(LookalikeInputException.class, () -> AudienceSize.parse("150%")).field());
        assertEquals(LookalikeField.EXPORT, assertThrows(LookalikeInputException.class, () -> ExportFormat.parse("tiktok")).field());
        assertEquals(LookalikeField.MIN_SEED, assertThrows(LookalikeInputException.class,
                () -> new AudienceSpec(AudienceSize.parse("5%"), false, Set.of(), ExportFormat.PLAIN, 1, AudienceSpec.HOLDOUT_SHARE, 7)).field());
    }
}
