// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.Persona;
import io.github.propensity.model.PersonaModel;
import io.github.propensity.model.PersonaSpace;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.features.MissingFeatureColumnsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps persona ids and names from week to week. The new fit's personas are matched to the current model's by an
 * optimal assignment ({@link OptimalAssignment}) on centroid distance, measured in the current model's space: each
 * new persona is represented there by the mean of its members' coordinates, so both fits are compared in one frame
 * even when the standardization moved. A match holds when the new persona lies less than half-way from the old
 * centroid to the old centroid nearest it; an unmatched new persona has <em>appeared</em> and gets a new id. An
 * unmatched old persona has <em>vanished</em> when the current model places fewer than half as many of the new
 * base's customers in it as it held when fitted; otherwise its customers are still there and it has <em>merged</em>
 * into the new persona that holds most of them.
 */
final class RefitMatching {
    static final double MATCH_FRACTION = 0.5;
    static final double VANISHED_SHARE_RATIO = 0.5;
    private static final double UNREACHABLE = 1e12;

    private RefitMatching() {
    }

    /** The previous model, its version and each persona's share when it was fitted. */
    record Previous(String version, PersonaModel model, Map<Integer, Double> shares) {
    }

    /**
     * @param ids    the id of each new persona, in the new fit's order
     * @param source for each new persona, the previous persona it continues, or null
     */
    record Result(int[] ids, Persona[] source, PersonaCard.Refit report) {
    }

    /** Empty when the sample lacks columns the previous model reads (nothing to compare on). */
    static Optional<Result> match(Previous previous, CustomerTable sample, int[] newLabels, int k) {
        PersonaModel model = previous.model();
        PersonaSpace space = model.space();
        FeatureEncoder encoder = space.encoder();
        FeatureEncoder.HeaderBinding binding;
        try {
            binding = encoder.bind(sample.header());
        } catch (MissingFeatureColumnsException e) {
            return Optional.empty();
        }
        double[][] oldCentroids = model.centroids();
        int width = space.width();
        double[] encoded = new double[encoder.width()];
        double[] point = new double[width];
        double[][] sums = new double[k][width];
        int[] newSizes = new int[k];
        List<Integer> compared = new ArrayList<>();
        int[] oldLabels = new int[newLabels.length];
        for (int i = 0; i < newLabels.length; i++) {
            try {
                encoder.encode(sample.rows().get(i), binding, encoded);
            } catch (FeatureValueException e) {
                continue;
            }
            space.project(encoded, point);
            oldLabels[i] = Centroids.nearest(point, oldCentroids);
            compared.add(i);
            newSizes[newLabels[i]]++;
            for (int d = 0; d < width; d++) {
                sums[newLabels[i]][d] += point[d];
            }
        }
        if (compared.size() < 2) {
            return Optional.empty();
        }
        int oldK = oldCentroids.length;
        double[][] cost = new double[oldK][k];
        for (int i = 0; i < oldK; i++) {
            for (int j = 0; j < k; j++) {
                if (newSizes[j] == 0) {
                    // A persona none of these customers fall in cannot continue an old one.
                    cost[i][j] = UNREACHABLE;
                    continue;
                }
                double[] mean = new double[width];
                for (int d = 0; d < width; d++) {
                    mean[d] = sums[j][d] / newSizes[j];
                }
                cost[i][j] = Silhouette.distance(oldCentroids[i], mean);
            }
        }
        int[] assignment = OptimalAssignment.minimumCost(cost);
        int[] ids = new int[k];
        Persona[] source = new Persona[k];
        boolean[] oldMatched = new boolean[oldK];
        List<PersonaCard.Match> kept = new ArrayList<>();
        for (int i = 0; i < oldK; i++) {
            int j = assignment[i];
            if (j >= 0 && cost[i][j] < MATCH_FRACTION * nearestOther(oldCentroids, i)) {
                Persona persona = model.personas().get(i);
                ids[j] = persona.id();
                source[j] = persona;
                oldMatched[i] = true;
                kept.add(new PersonaCard.Match(persona.id(), PersonaProfiler.round(cost[i][j], 4)));
            }
        }
        int nextId = model.personas().stream().mapToInt(Persona::id).max().orElse(0) + 1;
        List<Integer> appeared = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (source[j] == null) {
                ids[j] = nextId++;
                appeared.add(ids[j]);
            }
        }
        int[] oldCounts = new int[oldK];
        int[][] crossed = new int[oldK][k];
        int[] first = new int[compared.size()];
        int[] second = new int[compared.size()];
        for (int c = 0; c < compared.size(); c++) {
            int i = compared.get(c);
            first[c] = oldLabels[i];
            second[c] = newLabels[i];
            oldCounts[oldLabels[i]]++;
            crossed[oldLabels[i]][newLabels[i]]++;
        }
        List<Integer> vanished = new ArrayList<>();
        List<PersonaCard.Merge> merged = new ArrayList<>();
        for (int i = 0; i < oldK; i++) {
            if (oldMatched[i]) {
                continue;
            }
            Persona persona = model.personas().get(i);
            double shareNow = (double) oldCounts[i] / compared.size();
            double shareThen = previous.shares().getOrDefault(persona.id(), 0.0);
            if (oldCounts[i] == 0 || shareNow < VANISHED_SHARE_RATIO * shareThen) {
                vanished.add(persona.id());
            } else {
                int into = 0;
                for (int j = 1; j < k; j++) {
                    if (crossed[i][j] > crossed[i][into]) {
                        into = j;
                    }
                }
                merged.add(new PersonaCard.Merge(persona.id(), ids[into], PersonaProfiler.round((double) crossed[i][into] / oldCounts[i], 4)));
            }
        }
        double agreement = PersonaProfiler.round(AdjustedRandIndex.of(first, second), 4);
        return Optional.of(new Result(ids, source, new PersonaCard.Refit(previous.version(), agreement, kept, appeared, vanished, merged)));
    }

    private static double nearestOther(double[][] centroids, int i) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int other = 0; other < centroids.length; other++) {
            if (other != i) {
                nearest = Math.min(nearest, Silhouette.distance(centroids[i], centroids[other]));
            }
        }
        return nearest;
    }
}
