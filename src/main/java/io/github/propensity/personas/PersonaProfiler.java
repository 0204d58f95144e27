// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.PersonaSpace;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.MissingValues;
import io.github.propensity.features.BooleanColumn;
import io.github.propensity.features.CategoricalColumn;
import io.github.propensity.features.FeatureColumn;
import io.github.propensity.features.NumericColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each persona looks like next to the whole base: its features' medians and means (or leading level), and the
 * features that set it apart most, by standardized difference in the persona space.
 */
final class PersonaProfiler {
    /** Features listed as distinguishing: the largest differences, at least this many and at most {@value #MOST}. */
    static final int LEAST = 3;
    static final int MOST = 5;
    /** Beyond the first {@value #LEAST}, a feature is listed only when it differs by at least this many standard deviations. */
    static final double NOTABLE_DIFFERENCE = 0.5;

    private PersonaProfiler() {
    }

    /**
     * Standardized differences of every space dimension per persona: the persona's mean coordinate minus the base's,
     * over the base's standard deviation of the coordinate, largest magnitude first, trimmed to 3-5.
     */
    static List<List<PersonaCard.Distinction>> distinctions(PersonaSpace space, double[][] coordinates, int[] labels, int k) {
        int width = space.width();
        double[] mean = new double[width];
        double[][] groupMeans = new double[k][width];
        int[] sizes = new int[k];
        for (int i = 0; i < coordinates.length; i++) {
            sizes[labels[i]]++;
            for (int d = 0; d < width; d++) {
                mean[d] += coordinates[i][d];
                groupMeans[labels[i]][d] += coordinates[i][d];
            }
        }
        double[] deviation = new double[width];
        for (int d = 0; d < width; d++) {
            mean[d] /= coordinates.length;
        }
        for (double[] row : coordinates) {
            for (int d = 0; d < width; d++) {
                deviation[d] += (row[d] - mean[d]) * (row[d] - mean[d]);
            }
        }
        List<List<PersonaCard.Distinction>> all = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            List<PersonaCard.Distinction> differences = new ArrayList<>();
            for (int d = 0; d < width; d++) {
                double sd = Math.sqrt(deviation[d] / coordinates.length);
                if (sizes[g] == 0 || sd == 0) {
                    continue;
                }
                double difference = (groupMeans[g][d] / sizes[g] - mean[d]) / sd;
                differences.add(new PersonaCard.Distinction(space.dimensions().get(d).feature(), round(difference, 3),
                        difference >= 0 ? "higher" : "lower"));
            }
            differences.sort(Comparator.comparingDouble((PersonaCard.Distinction x) -> -Math.abs(x.standardizedDifference()))
                    .thenComparing(PersonaCard.Distinction::feature));
            List<PersonaCard.Distinction> listed = new ArrayList<>();
            for (PersonaCard.Distinction difference : differences) {
                if (listed.size() < LEAST || (listed.size() < MOST && Math.abs(difference.standardizedDifference()) >= NOTABLE_DIFFERENCE)) {
                    listed.add(difference);
                }
            }
            all.add(listed);
        }
        return all;
    }

    /** Per persona, each column's figures next to the base's. */
    static List<List<PersonaCard.FeatureProfile>> profiles(CustomerTable table, List<FeatureColumn> columns, int[] labels, int k) {
        List<List<PersonaCard.FeatureProfile>> profiles = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            profiles.add(new ArrayList<>());
        }
        for (FeatureColumn column : columns) {
            int index = table.columnIndex(column.name());
            if (column instanceof NumericColumn numeric) {
                double[][] values = new double[k][];
                int[] counts = new int[k];
                double[] all = new double[labels.length];
                int present = 0;
                for (int g = 0; g < k; g++) {
                    values[g] = new double[labels.length];
                }
                for (int i = 0; i < labels.length; i++) {
                    Double value = numeric.readValue(table.value(i, index));
                    if (value != null) {
                        values[labels[i]][counts[labels[i]]++] = value;
                        all[present++] = value;
                    }
                }
                double[] base = Arrays.copyOf(all, present);
                for (int g = 0; g < k; g++) {
                    double[] group = Arrays.copyOf(values[g], counts[g]);
                    profiles.get(g).add(new PersonaCard.FeatureProfile(column.name(), "numeric", median(group), mean(group),
                            median(base), mean(base), null, null, null));
                }
            } else {
                String kind = column instanceof CategoricalColumn ? "categorical" : "boolean";
                List<Map<String, Integer>> counts = new ArrayList<>();
                for (int g = 0; g < k; g++) {
                    counts.add(new HashMap<>());
                }
                Map<String, Integer> baseCounts = new HashMap<>();
                int[] sizes = new int[k];
                for (int i = 0; i < labels.length; i++) {
                    String raw = table.value(i, index);
                    String level = MissingValues.isMissing(raw) ? CategoricalColumn.MISSING_LEVEL
                            : column instanceof BooleanColumn bool ? booleanLevel(bool, raw) : raw.strip();
                    counts.get(labels[i]).merge(level, 1, Integer::sum);
                    baseCounts.merge(level, 1, Integer::sum);
                    sizes[labels[i]]++;
                }
                for (int g = 0; g < k; g++) {
                    String level = counts.get(g).entrySet().stream()
                            .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                            .map(Map.Entry::getKey).orElse(null);
                    Double share = level == null ? null : round((double) counts.get(g).get(level) / sizes[g], 4);
                    Double baseShare = level == null ? null : round((double) baseCounts.get(level) / labels.length, 4);
                    profiles.get(g).add(new PersonaCard.FeatureProfile(column.name(), kind, null, null, null, null, level, share, baseShare));
                }
            }
        }
        return profiles;
    }

    private static String booleanLevel(BooleanColumn column, String raw) {
        return raw.strip().equalsIgnoreCase(column.trueToken()) ? column.trueToken() : column.falseToken();
    }

    private static Double median(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return round(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2, 4);
    }

    private static Double mean(double[] values) {
        return values.length == 0 ? null : round(PersonaSpaceFitter.mean(values), 4);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
