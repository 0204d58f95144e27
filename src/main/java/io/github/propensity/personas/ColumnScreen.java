// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.PersonaSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds columns without group structure: an identifier that slipped through, a tenure drawn uniformly, pure noise.
 * A persona is a pattern that shows in several columns at once, so a column is kept when clusters found on the
 * <em>other</em> columns separate it: its correlation ratio η² (between-cluster sum of squares over total sum of
 * squares, summed over a category's levels) must reach {@value #MIN_SEPARATION}. Under no relation, η² is about
 * (k - 1) / (n - 1), a few thousandths on the screening sample; a column with real structure shared with the
 * others sits well above it. A column whose structure is its own alone (shared with no other column) is dropped
 * too: it would split customers on one attribute, which a segment rule does better than a persona. A near copy of a
 * column (a charge that is minutes times a rate, |r| above {@value #NEAR_COPY}) is not counted among the others when
 * that column is judged: a copy explains its original perfectly without any group structure.
 */
final class ColumnScreen {
    static final double MIN_SEPARATION = 0.05;
    static final int RESTARTS = 3;
    static final double NEAR_COPY = 0.95;
    /** The criterion in words, for the card. */
    static final String CRITERION = "a column is kept when k-means clusters found on the other columns explain at least "
            + (int) (MIN_SEPARATION * 100) + " % of its variance (correlation ratio eta squared, summed over a category's levels);"
            + " a column without group structure (an identifier, a uniformly drawn number, noise) is explained by nothing else";

    private ColumnScreen() {
    }

    /**
     * @param coordinates the screening sample in the space of every candidate column
     * @return each column's η², in the space's column order
     */
    static Map<String, Double> separation(PersonaSpace space, double[][] coordinates, int k, long seed) {
        List<String> columns = space.columns();
        Map<String, Double> separation = new LinkedHashMap<>();
        if (columns.size() < 2) {
            columns.forEach(column -> separation.put(column, 1.0));
            return separation;
        }
        // Columns are screened side by side; each result depends only on its column and the seed.
        List<Double> ratios = columns.parallelStream().map(column -> {
            List<Integer> own = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            for (int d = 0; d < space.width(); d++) {
                if (space.dimensions().get(d).column().equals(column)) {
                    own.add(d);
                }
            }
            for (String other : columns) {
                List<Integer> dimensions = new ArrayList<>();
                for (int d = 0; d < space.width(); d++) {
                    if (space.dimensions().get(d).column().equals(other)) {
                        dimensions.add(d);
                    }
                }
                boolean copy = own.size() == 1 && dimensions.size() == 1
                        && Math.abs(correlation(coordinates, own.get(0), dimensions.get(0))) > NEAR_COPY;
                if (!other.equals(column) && !copy) {
                    others.addAll(dimensions);
                }
            }
            if (others.isEmpty()) {
                return 0.0;
            }
            double[][] rest = select(coordinates, others);
            int clusters = Math.min(k, rest.length);
            int[] labels = Centroids.nearest(rest, Centroids.fit(rest, clusters, seed, RESTARTS));
            return correlationRatio(select(coordinates, own), labels, clusters);
        }).toList();
        for (int c = 0; c < columns.size(); c++) {
            separation.put(columns.get(c), ratios.get(c));
        }
        return separation;
    }

    /** η²: the share of the columns' total sum of squares that lies between the groups' means. */
    static double correlationRatio(double[][] values, int[] labels, int k) {
        int width = values[0].length;
        double[] mean = new double[width];
        double[][] groupSums = new double[k][width];
        int[] sizes = new int[k];
        for (int i = 0; i < values.length; i++) {
            sizes[labels[i]]++;
            for (int d = 0; d < width; d++) {
                mean[d] += values[i][d];
                groupSums[labels[i]][d] += values[i][d];
            }
        }
        for (int d = 0; d < width; d++) {
            mean[d] /= values.length;
        }
        double total = 0;
        for (double[] row : values) {
            for (int d = 0; d < width; d++) {
                total += (row[d] - mean[d]) * (row[d] - mean[d]);
            }
        }
        double between = 0;
        for (int g = 0; g < k; g++) {
            if (sizes[g] == 0) {
                continue;
            }
            for (int d = 0; d < width; d++) {
                double difference = groupSums[g][d] / sizes[g] - mean[d];
                between += sizes[g] * difference * difference;
            }
        }
        return total == 0 ? 0 : between / total;
    }

    static double correlation(double[][] coordinates, int x, int y) {
        double meanX = 0;
        double meanY = 0;
        for (double[] row : coordinates) {
            meanX += row[x];
            meanY += row[y];
        }
        meanX /= coordinates.length;
        meanY /= coordinates.length;
        double products = 0;
        double squaresX = 0;
        double squaresY = 0;
        for (double[] row : coordinates) {
            products += (row[x] - meanX) * (row[y] - meanY);
            squaresX += (row[x] - meanX) * (row[x] - meanX);
            squaresY += (row[y] - meanY) * (row[y] - meanY);
        }
        return squaresX == 0 || squaresY == 0 ? 0 : products / Math.sqrt(squaresX * squaresY);
    }

    static double[][] select(double[][] coordinates, List<Integer> dimensions) {
        double[][] selected = new double[coordinates.length][dimensions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            for (int d = 0; d < dimensions.size(); d++) {
                selected[i][d] = coordinates[i][dimensions.get(d)];
            }
        }
        return selected;
    }
}
