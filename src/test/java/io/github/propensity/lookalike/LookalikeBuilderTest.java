// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.sample.SampleWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    private LookalikeRequest request(Path seedFile, String size, Path out, Path suppress, boolean includeSeed, ExportFormat export, int minSeed) {
        return new LookalikeRequest(seedFile, pool, "customer_id", AudienceSize.parse(size), out, null, suppress, includeSeed, export,
                OUTCOMES, "email", "phone", "1", null, minSeed, 0.2, 7);
    }

    @Test
    void buildsAnAudienceOfTheExactSizeWithoutSeedOrSuppressedCustomers() throws IOException {
        Path suppress = Files.write(dir.resolve("optouts.csv"), List.of("customer_id", "C0000001", "C0000002", "C0000003"));
        Path out = dir.resolve("audience.csv");
        LookalikeCard card = new LookalikeBuilder().build(request(seed, "250", out, suppress, false, ExportFormat.PLAIN, 100));
        CustomerTable audience = CustomerTable.read(out, null);
        assertEquals(250, audience.rowCount());
        assertEquals(250, card.audienceRows());
        for (String[] row : audience.rows()) {
            assertFalse(seedIds.contains(row[0]), "seed member " + row[0] + " in the audience");
            assertFalse(Set.of("C0000001", "C0000002", "C0000003").contains(row[0]), "suppressed id in the audience");
        }
        assertTrue(Files.exists(dir.resolve("lookalike-card.json")));
        assertEquals(SimilarityMethod.values().length, card.methods().size());
        LookalikeCard.MethodQuality chosen = card.methods().stream().filter(m -> m.method().equals(card.chosen())).findFirst().orElseThrow();
        assertTrue(chosen.liftTop10() > 3, "the seed is a distinct group; held-out lift " + chosen.liftTop10());
    }

    @Test
    void aPercentageSizeIsAShareOfThePoolWithoutTheSeed() {
        Path out = dir.resolve("audience.csv");
        LookalikeCard card = new LookalikeBuilder().build(request(seed, "5%", out, null, false, ExportFormat.PLAIN, 100));
        assertEquals(Math.round((4000 - card.seedMatched()) * 0.05), card.audienceRows());
        LookalikeCard withSeed = new LookalikeBuilder().build(request(seed, "5%", dir.resolve("with.csv"), null, true, ExportFormat.PLAIN, 100));
        assertEquals(200, withSeed.audienceRows());
    }

    @Test
    void theSameInputsAndRandomSeedGiveTheSameAudience() throws IOException {
        new LookalikeBuilder().build(request(seed, "300", dir.resolve("a.csv"), null, false, ExportFormat.PLAIN, 100));
        new LookalikeBuilder().build(request(seed, "300", dir.resolve("b.csv"), null, false, ExportFormat.PLAIN, 100));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
    }

    @Test
    void platformExportsHoldOnlyHashedContacts() throws IOException {
        Path out = dir.resolve("meta.csv");
        new LookalikeBuilder().build(request(seed, "100", out, null, false, ExportFormat.META, 100));
        List<String> lines = Files.readAllLines(out);
        assertEquals("email,phone", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            assertFalse(line.contains("@") || line.contains("C0"), "raw identifier in a platform export: " + line);
            assertTrue(line.split(",", -1)[0].matches("[0-9a-f]{64}"), line);
        }
    }

    @Test
    void badSeedsAreClearErrors() throws IOException {
        Path tiny = Files.write(dir.resolve("tiny.csv"), List.of("customer_id", "C0000010", "C0000011"));
        DataException small = assertThrows(DataException.class,
                () -> new LookalikeBuilder().build(request(tiny, "5%", dir.resolve("x.csv"), null, false, ExportFormat.PLAIN, 100)));
        assertTrue(small.getMessage().contains("only 2 seed members") && small.getMessage().contains("--min-seed"), small.getMessage());
        Path strangers = Files.write(dir.resolve("strangers.csv"), List.of("customer_id", "X1", "X2"));
        DataException none = assertThrows(DataException.class,
                () -> new LookalikeBuilder().build(request(strangers, "5%", dir.resolve("x.csv"), null, false, ExportFormat.PLAIN, 2)));
        assertTrue(none.getMessage().contains("none of the 2 seed ids"), none.getMessage());
        Path everyone = dir.resolve("everyone.csv");
        List<String> all = new ArrayList<>(List.of("customer_id"));
        CustomerTable.read(pool, null).rows().forEach(r -> all.add(r[0]));
        Files.write(everyone, all);
        DataException whole = assertThrows(DataException.class,
                () -> new LookalikeBuilder().build(request(everyone, "5%", dir.resolve("x.csv"), null, false, ExportFormat.PLAIN, 100)));
        assertTrue(whole.getMessage().contains("almost nobody left"), whole.getMessage());
        assertFalse(Files.exists(dir.resolve("x.csv")), "nothing written after an error");
    }
}
