// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.Decimals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.EnumMap;

/**
 * Builds a lookalike audience in memory: marks the seed in an encoded pool, measures every method on held-out seed
 * members, keeps the one that recovers most of them at the requested size, refits it on the whole seed, ranks the
 * pool and returns the top of it (never the seed or suppressed ids unless asked) with its quality card. Files are
 * the front ends' business.
 */
public final class LookalikeBuilder {
    private static final Logger log = LoggerFactory.getLogger(LookalikeBuilder.class);
    static final int REASONS = 3;
    /** Background rows per fit: beyond this the classifiers gain little and the bagged trees cost seconds. */
    static final int MAX_BACKGROUND = 20_000;

    /** Builds the audience for {@code seed} over {@code encoded}; settings that cannot work are {@link LookalikeInputException}s. */
    public Audience build(EncodedPool encoded, SeedIds seed, AudienceSpec spec) {
        long start = System.nanoTime();
        checkExport(encoded, spec.export());
        Pool pool = Pool.marked(encoded, seed, spec.suppress());
        int[] seedRows = IntStream.range(0, pool.size()).filter(i -> pool.seedWeight()[i] > 0).toArray();
        int unmatched = seed.size() - seedRows.length;
        log.info("pool: {} customers; seed: {} ids, {} found in the pool, {} not found", pool.size(), seed.size(), seedRows.length, unmatched);
        checkSeed(spec, encoded.source(), pool, seedRows, seed.size());

        long audience = spec.size().of(pool.size() - (spec.includeSeed() ? 0 : seedRows.length));
        double sizeShare = (double) audience / pool.size();
        Random random = new Random(spec.randomSeed());
        int[][] split = splitSeed(seedRows, spec.holdoutShare(), random);
        List<LookalikeCard.MethodQuality> qualities = new ArrayList<>();
        Map<SimilarityMethod, FittedRanking> heldOutRankings = new EnumMap<>(SimilarityMethod.class);
        EvaluationRows evaluation = EvaluationRows.draw(pool.size(), split[0], split[1], random);
        if (evaluation.sampled()) {
            log.info("  the methods are compared on a random {} of the {} pool customers outside the training seed, and every held-out member",
                    evaluation.sampleSize(), pool.size() - split[0].length);
        }
        for (SimilarityMethod method : SimilarityMethod.values()) {
            FittedRanking ranking = method == SimilarityMethod.BLEND
                    ? FittedRanking.blend(heldOutRankings.get(SimilarityMethod.SEED_CLASSIFIER), heldOutRankings.get(SimilarityMethod.SEED_CENTROIDS))
                    : fit(pool, method, split[0], random, evaluation.rows());
            heldOutRankings.put(method, ranking);
            qualities.add(HeldOutRecall.measure(method.label(), ranking.scores(), evaluation.inSample(), evaluation.heldOut(), sizeShare));
            LookalikeCard.MethodQuality q = qualities.get(qualities.size() - 1);
            log.info("  {}: held-out seed recall top 1% {}, 5% {}, 10% {} (lift {}x); at the audience size {}", method.label(),
                    pct(q.recallTop1()), pct(q.recallTop5()), pct(q.recallTop10()), String.format(Locale.ROOT, "%.1f", q.liftTop10()),
                    pct(q.recallAtSize()));
        }
        LookalikeCard.MethodQuality best = qualities.stream()
                .max(Comparator.comparingDouble(LookalikeCard.MethodQuality::recallAtSize)
                        .thenComparingDouble(LookalikeCard.MethodQuality::recallTop10)).orElseThrow();
        SimilarityMethod chosen = SimilarityMethod.valueOf(best.method().toUpperCase(Locale.ROOT).replace('-', '_'));
        String reason = "highest held-out seed recall at the audience size (" + pct(best.recallAtSize()) + " of "
                + best.heldOut() + " held-out members in the top " + Decimals.format(100 * sizeShare, 2) + "% of the pool)";
        log.info("chose {}: {}", chosen.label(), reason);

        FittedRanking ranking = fit(pool, chosen, seedRows, random, null);
        int[] eligible = eligible(spec, pool);
        AudienceRows rows = new AudienceRows(spec.export(), encoded.source(), pool, ranking, eligible.length);
        List<List<String>> top = top(ranking, rows, eligible, audience);
        double seconds = (System.nanoTime() - start) / 1e9;
        long suppressedRows = IntStream.range(0, pool.size()).filter(i -> pool.suppressed()[i]).count();
        LookalikeCard card = new LookalikeCard(seed.source(), encoded.source().file().getFileName().toString(),
                seed.size(), seedRows.length, unmatched, pool.size(), encoded.duplicates(), suppressedRows, spec.size().toString(),
                top.size(), spec.includeSeed(), spec.export().name().toLowerCase(Locale.ROOT), seed.valueWeighted(),
                qualities, chosen.label(), reason, Math.round(seconds * 100) / 100.0);
        log.info("built an audience of {} customers in {} s", top.size(), String.format(Locale.ROOT, "%.1f", seconds));
        return new Audience(rows.header(), top, card);
    }

    private static void checkExport(EncodedPool pool, ExportFormat export) {
        if (export == ExportFormat.PLAIN || pool.hasContacts()) {
            return;
        }
        if (!pool.source().keepContacts()) {
            throw new IllegalStateException("the pool was read without its contact columns, which a " + export + " export needs");
        }
        throw new LookalikeInputException(LookalikeField.EXPORT, "the " + export.name().toLowerCase(Locale.ROOT)
                + " export needs an e-mail or phone column in the pool ('" + pool.source().emailColumn() + "', '"
                + pool.source().phoneColumn() + "'); use the plain export or a pool with contact columns");
    }

    private static void checkSeed(AudienceSpec spec, PoolSource source, Pool pool, int[] seedRows, int seedIds) {
        if (seedRows.length == 0) {
            throw new LookalikeInputException(LookalikeField.SEED, "none of the " + seedIds + " seed ids is in the pool (column '"
                    + source.idColumn() + "'); check that seed and pool use the same ids");
        }
        if (seedRows.length < spec.minSeed()) {
            throw new LookalikeInputException(LookalikeField.MIN_SEED, "only " + seedRows.length + " seed members found in the pool (of "
                    + seedIds + " ids); at least " + spec.minSeed() + " are needed for a meaningful audience: add seed members or lower the minimum");
        }
        if (seedRows.length > 0.9 * pool.size()) {
            throw new LookalikeInputException(LookalikeField.SEED, "the seed covers " + seedRows.length + " of the pool's " + pool.size()
                    + " customers; there is almost nobody left to find: use a smaller seed or a larger pool");
        }
        if (seedIds > seedRows.length) {
            log.warn("{} seed ids are not in the pool and are ignored", seedIds - seedRows.length);
        }
    }

    private static int[][] splitSeed(int[] seedRows, double holdoutShare, Random random) {
        int[] shuffled = seedRows.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int heldOut = Math.max(1, (int) Math.round(shuffled.length * holdoutShare));
        return new int[][]{Arrays.copyOfRange(shuffled, heldOut, shuffled.length), Arrays.copyOfRange(shuffled, 0, heldOut)};
    }

    /** @param scoredRows the pool rows to rank, or null for all of them */
    private static FittedRanking fit(Pool pool, SimilarityMethod method, int[] seedRows, Random random, int[] scoredRows) {
        float[][] seed = new float[seedRows.length][];
        double[] weights = new double[seedRows.length];
        for (int i = 0; i < seedRows.length; i++) {
            seed[i] = pool.vectors()[seedRows[i]];
            weights[i] = pool.seedWeight()[seedRows[i]];
        }
        long randomSeed = random.nextLong();
        return switch (method) {
            case SEED_CLASSIFIER -> FittedRanking.of(pool, SeedClassifier.fit(SeedClassifier.LINEAR, pool.featureNames(), seed, weights,
                    background(pool, seedRows, random), randomSeed), scoredRows);
            case SEED_TREES -> FittedRanking.of(pool, SeedBag.of(IntStream.range(0, SeedBag.MODELS).mapToObj(b ->
                    (SimilarityModel) SeedClassifier.fit(SeedClassifier.TREES, pool.featureNames(), seed, weights,
                            background(pool, seedRows, random), randomSeed + b)).toList()), scoredRows);
            case SEED_CENTROIDS -> FittedRanking.of(pool, SeedCentroids.fit(seed, randomSeed), scoredRows);
            case BLEND -> FittedRanking.blend(
                    FittedRanking.of(pool, SeedClassifier.fit(SeedClassifier.LINEAR, pool.featureNames(), seed, weights,
                            background(pool, seedRows, random), randomSeed), scoredRows),
                    FittedRanking.of(pool, SeedCentroids.fit(seed, randomSeed), scoredRows));
        };
    }

    /** A random sample of non-seed pool rows: what "everyone else" looks like. */
    private static float[][] background(Pool pool, int[] seedRows, Random random) {
        boolean[] isSeed = new boolean[pool.size()];
        for (int row : seedRows) {
            isSeed[row] = true;
        }
        int wanted = (int) Math.min(pool.size() - seedRows.length, Math.min(MAX_BACKGROUND, Math.max(5000, 5L * seedRows.length)));
        List<float[]> sample = new ArrayList<>(wanted);
        int attempts = 0;
        while (sample.size() < wanted && attempts < 20 * wanted) {
            int row = random.nextInt(pool.size());
            attempts++;
            if (!isSeed[row]) {
                sample.add(pool.vectors()[row]);
            }
        }
        return sample.toArray(float[][]::new);
    }

    /** Pool rows the audience may take: never suppressed ids, nor seed members unless asked. */
    private static int[] eligible(AudienceSpec spec, Pool pool) {
        return IntStream.range(0, pool.size())
                .filter(i -> !pool.suppressed()[i] && (spec.includeSeed() || pool.seedWeight()[i] == 0)).toArray();
    }

    private static List<List<String>> top(FittedRanking ranking, AudienceRows rows, int[] eligible, long audience) {
        double[] scores = ranking.scores();
        // Only the top of the ranking is kept: find the score at the cut with a primitive sort, then order just
        // the rows above it (a million boxed comparisons would cost seconds).
        double[] eligibleScores = new double[eligible.length];
        for (int k = 0; k < eligible.length; k++) {
            eligibleScores[k] = scores[eligible[k]];
        }
        Arrays.sort(eligibleScores);
        double cut = eligibleScores.length == 0 ? Double.POSITIVE_INFINITY
                : eligibleScores[Math.max(0, eligibleScores.length - (int) Math.min(eligible.length, Math.max(audience, 1)))];
        // Ties broken by pool order, so the same inputs and seed always give the same audience.
        Integer[] order = Arrays.stream(eligible).filter(i -> scores[i] >= cut).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i)).toArray(Integer[]::new);
        List<List<String>> top = new ArrayList<>();
        for (int r = 0; r < order.length && top.size() < audience; r++) {
            List<String> row = rows.row(order[r], r + 1);
            if (row != null) {
                top.add(row);
            }
        }
        return top;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
