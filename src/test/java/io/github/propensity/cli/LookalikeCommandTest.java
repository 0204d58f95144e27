// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.lookalike.AudienceSize;
import io.github.propensity.lookalike.AudienceSpec;
import io.github.propensity.lookalike.EncodedPool;
import io.github.propensity.lookalike.ExportFormat;
import io.github.propensity.lookalike.LookalikeBuilder;
import io.github.propensity.lookalike.PoolSource;
import io.github.propensity.lookalike.SeedIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.stream.Collectors;

class LookalikeCommandTest {
    private static final Path POOL = Path.of("training-data", "customers.csv");
    private static final String DROP = "churned,purchased_30d,converted";

    @TempDir
    Path dir;

    private List<String> premiumIds(int count) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(POOL).subList(1, 5001)) {
            String[] cells = line.split(",", -1);
            if (line.contains(",premium,") && ids.size() < count) {
                ids.add(cells[0]);
            }
        }
        return ids;
    }

    private Path seedFile(List<String> ids) throws IOException {
        List<String> lines = new ArrayList<>(List.of("customer_id"));
        lines.addAll(ids);
        return Files.write(dir.resolve("seed.csv"), lines);
    }

    @Test
    void writesTheBuiltAudienceAndItsCardWithNoTemporaryFileLeft() throws IOException {
        List<String> ids = premiumIds(150);
        Path out = dir.resolve("out").resolve("audience.csv");
        CliRun run = CliRun.of("lookalike", "--seed", seedFile(ids).toString(), "--pool", POOL.toString(), "--id", "customer_id",
                "--size", "120", "--out", out.toString(), "--drop", DROP);
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        EncodedPool pool = EncodedPool.read(PoolSource.of(POOL, "customer_id", List.of(DROP.split(",")), false));
        StringBuilder expected = new StringBuilder();
        new LookalikeBuilder().build(pool, SeedIds.of("seed.csv", ids), new AudienceSpec(AudienceSize.parse("120"), false, Set.of(),
                ExportFormat.PLAIN, 100, AudienceSpec.HOLDOUT_SHARE, 42)).writeCsv(expected);
        assertEquals(expected.toString(), Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(Files.readString(out.resolveSibling("lookalike-card.json")).contains("\"audience_rows\" : 120"));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(Set.of("audience.csv", "lookalike-card.json"), files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet()));
        }
    }

    @Test
    void aSeedBelowTheMinimumNamesTheMinSeedFlag() throws IOException {
        Path out = dir.resolve("audience.csv");
        CliRun run = CliRun.of("lookalike", "--seed", seedFile(premiumIds(2)).toString(), "--pool", POOL.toString(), "--id", "customer_id",
                "--size", "5%", "--out", out.toString(), "--drop", DROP);
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run.err());
        assertTrue(run.err().contains("only 2 seed members") && run.err().contains("(--min-seed)"), run.err());
        assertFalse(run.err().contains("min_seed"), run.err());
        assertFalse(Files.exists(out), "nothing written after an error");
    }

    @Test
    void anUnreadableSizeIsAUsageError() throws IOException {
        CliRun run = CliRun.of("lookalike", "--seed", seedFile(premiumIds(2)).toString(), "--pool", POOL.toString(), "--id", "customer_id",
                "--size", "lots", "--out", dir.resolve("audience.csv").toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--size") && run.err().contains("a percentage such as 5%"), run.err());
    }
}
