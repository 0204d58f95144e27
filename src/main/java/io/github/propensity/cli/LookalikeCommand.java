// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.lookalike.Audience;
import io.github.propensity.lookalike.AudienceSize;
import io.github.propensity.lookalike.AudienceSpec;
import io.github.propensity.lookalike.EncodedPool;
import io.github.propensity.lookalike.ExportFormat;
import io.github.propensity.lookalike.LookalikeBuilder;
import io.github.propensity.lookalike.LookalikeCard;
import io.github.propensity.lookalike.PoolSource;
import io.github.propensity.lookalike.SeedIds;
import io.github.propensity.lookalike.SeedReader;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import io.github.propensity.storage.JsonMappers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "lookalike", sortOptions = false,
        description = {"Rank a pool of customers by how much they look like a seed list and write the top of it.",
                "Every run holds out 20%% of the seed, builds the audience from the rest and reports how many held-out members "
                        + "each method recovers (stderr and lookalike-card.json next to --out); the best method builds the audience.",
                "The last stdout line is a JSON summary."})
final class LookalikeCommand implements Callable<Integer> {
    static final String CARD_FILE = "lookalike-card.json";

    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--seed", required = true, paramLabel = "FILE", description = "seed customers: a CSV, .parquet file or folder of Parquet parts with the id column (other columns are ignored)")
    Path seed;

    @Option(names = "--pool", required = true, paramLabel = "FILE", description = "candidate customers with their features (CSV, .parquet file or folder of Parquet parts)")
    Path pool;

    @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "customer id column (in seed, pool and --suppress)")
    String id;

    @Option(names = "--size", required = true, paramLabel = "SIZE",
            description = "audience size: a share of the pool (5%%) or a count (20000)")
    AudienceSize size;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "audience CSV to write")
    Path out;

    @Option(names = "--value-col", paramLabel = "COLUMN", description = "seed column whose values weight the seed members (e.g. spend_365d)")
    String valueColumn;

    @Option(names = "--suppress", paramLabel = "FILE", description = "ids never to include (opt-outs); the id column or the first column")
    Path suppress;

    @Option(names = "--include-seed", description = "keep seed members in the audience (default: excluded)")
    boolean includeSeed;

    @Option(names = "--export", defaultValue = "plain", paramLabel = "FORMAT",
            description = "plain (ids, similarity, reasons) or meta/google customer lists of hashed e-mail and phone (default: ${DEFAULT-VALUE})")
    ExportFormat export;

    @Option(names = "--drop", split = ",", paramLabel = "COLUMN", description = "pool columns that are not features (e.g. outcomes)")
    List<String> drop = new ArrayList<>();

    @Option(names = "--email-col", defaultValue = "email", paramLabel = "COLUMN", description = "e-mail column for exports (default: ${DEFAULT-VALUE})")
    String emailColumn;

    @Option(names = "--phone-col", defaultValue = "phone", paramLabel = "COLUMN", description = "phone column for exports (default: ${DEFAULT-VALUE})")
    String phoneColumn;

    @Option(names = "--country-code", defaultValue = "1", paramLabel = "DIGITS", description = "country code for phone numbers without one (default: ${DEFAULT-VALUE})")
    String countryCode;

    @Option(names = "--min-seed", defaultValue = "100", paramLabel = "N", description = "fewest matched seed members accepted (default: ${DEFAULT-VALUE})")
    int minSeed;

    @Option(names = "--random-seed", defaultValue = "42", paramLabel = "N", description = "seed for the holdout and fitting; same inputs and seed give the same audience")
    long randomSeed;

    @CommandLine.Mixin
    SeparatorOption separator;

    @Override
    public Integer call() {
        Optional<Character> delimiter = Optional.ofNullable(separator.orDetect());
        PoolSource source = new PoolSource(pool, id, drop, emailColumn, phoneColumn, countryCode, delimiter,
                export != ExportFormat.PLAIN, PoolSource.DEFAULT_MAX_DUPLICATE_SHARE);
        SeedIds seedIds = SeedReader.seed(seed, id, Optional.ofNullable(valueColumn), delimiter);
        Set<String> suppressed = suppress == null ? Set.of() : SeedReader.suppressed(suppress, id, delimiter);
        AudienceSpec audienceSpec = new AudienceSpec(size, includeSeed, suppressed, export, minSeed, AudienceSpec.HOLDOUT_SHARE, randomSeed);
        Audience audience = new LookalikeBuilder().build(EncodedPool.read(source), seedIds, audienceSpec);
        LookalikeCard card = audience.card();
        writeAtomically(out, audience::writeCsv);
        writeAtomically(out.toAbsolutePath().resolveSibling(CARD_FILE), writer -> JsonMappers.standard().writeValue(writer, card));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("audience", out.toString());
        line.put("customers", card.audienceRows());
        line.put("method", card.chosen());
        line.put("seed_matched", card.seedMatched());
        line.put("seed_unmatched", card.seedUnmatched());
        card.methods().stream().filter(m -> m.method().equals(card.chosen())).findFirst().ifPresent(m -> {
            line.put("heldout_recall_top5", m.recallTop5());
            line.put("heldout_recall_top10", m.recallTop10());
            line.put("lift_top10", m.liftTop10());
        });
        line.put("seconds", card.seconds());
        context.commandLine().getOut().println(JsonLine.of(line));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** Writes {@code target} whole or not at all (a reader sees the old file or the new one, never a part). */
    private static void writeAtomically(Path target, AtomicFile.TextContent body) {
        try {
            AtomicFile.writeText(target, Compression.NONE, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
