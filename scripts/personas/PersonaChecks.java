// SPDX-License-Identifier: GPL-3.0-or-later
// Checks for scripts/evaluate-personas.sh, run as a single-file program on the project's jar:
//   java -cp target/propensity.jar scripts/personas/PersonaChecks.java MODE ARGS...
// Modes:
//   ari A.csv COLUMN_A B.csv COLUMN_B          adjusted Rand index of two labellings, joined on each file's first column
//   perturb BASE TRUTH OUT FRACTION SEED       a copy of BASE where FRACTION of customers take the behaviour (every
//                                              column but the id) of a customer of another true persona
//   peer BASE ID DROP OUT                      the peer: plain k-means on every standardized column (numbers z-scored,
//                                              categories one-hot), k in 3..8 by silhouette; writes id,cluster
//   auc TRAIN_PERSONAS TRAIN TEST_PERSONAS TEST LABEL POSITIVE
//                                              AUC on TEST of each persona's positive rate on TRAIN used as the score
import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.NumericValues;
import io.github.propensity.personas.AdjustedRandIndex;
import io.github.propensity.personas.Silhouette;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

public class PersonaChecks {
    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "ari" -> System.out.printf(Locale.ROOT, "%.4f%n", ari(Path.of(args[1]), args[2], Path.of(args[3]), args[4]));
            case "perturb" -> perturb(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Double.parseDouble(args[4]), Long.parseLong(args[5]));
            case "peer" -> peer(Path.of(args[1]), args[2], List.of(args[3].split(",")), Path.of(args[4]));
            case "auc" -> System.out.printf(Locale.ROOT, "%.4f%n", auc(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]), args[5], args[6]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static List<String[]> rows(Path file, List<String> header) {
        List<String[]> rows = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(file, null)) {
            header.addAll(reader.header());
            String[] fields;
            while ((fields = reader.next()) != null) {
                rows.add(fields);
            }
        }
        return rows;
    }

    static Map<String, String> column(Path file, String column) {
        List<String> header = new ArrayList<>();
        List<String[]> rows = rows(file, header);
        int index = header.indexOf(column);
        Map<String, String> values = new LinkedHashMap<>();
        for (String[] row : rows) {
            values.put(row[0], row[index]);
        }
        return values;
    }

    static double ari(Path a, String columnA, Path b, String columnB) {
        Map<String, String> first = column(a, columnA);
        Map<String, String> second = column(b, columnB);
        List<Integer> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        first.forEach((id, label) -> {
            String other = second.get(id);
            if (other != null) {
                x.add(codes.computeIfAbsent("a" + label, k -> codes.size()));
                y.add(codes.computeIfAbsent("b" + other, k -> codes.size()));
            }
        });
        return AdjustedRandIndex.of(x.stream().mapToInt(Integer::intValue).toArray(), y.stream().mapToInt(Integer::intValue).toArray());
    }

    static void perturb(Path base, Path truth, Path out, double fraction, long seed) throws IOException {
        List<String> header = new ArrayList<>();
        List<String[]> rows = rows(base, header);
        Map<String, String> personas = column(truth, "persona");
        Map<String, List<Integer>> byPersona = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byPersona.computeIfAbsent(personas.get(rows.get(i)[0]), k -> new ArrayList<>()).add(i);
        }
        List<String> groups = new ArrayList<>(byPersona.keySet());
        groups.sort(null);
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> changed = new ArrayList<>();
        for (String[] row : rows) {
            String[] copy = row.clone();
            if (random.nextDouble() < fraction) {
                String own = personas.get(row[0]);
                String other;
                do {
                    other = groups.get(random.nextInt(groups.size()));
                } while (other.equals(own));
                List<Integer> donors = byPersona.get(other);
                String[] donor = rows.get(donors.get(random.nextInt(donors.size())));
                System.arraycopy(donor, 1, copy, 1, copy.length - 1);
            }
            changed.add(copy);
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            writer.println(String.join(",", header));
            for (String[] row : changed) {
                writer.println(String.join(",", Arrays.stream(row).map(PersonaChecks::csv).toList()));
            }
        }
    }

    static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static void peer(Path base, String id, List<String> drop, Path out) throws IOException {
        List<String> header = new ArrayList<>();
        List<String[]> rows = rows(base, header);
        int n = rows.size();
        List<double[]> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).equals(id) || drop.contains(header.get(c))) {
                continue;
            }
            double[] numbers = new double[n];
            boolean numeric = true;
            for (int i = 0; i < n && numeric; i++) {
                String raw = rows.get(i)[c].strip();
                numbers[i] = raw.isEmpty() ? Double.NaN : NumericValues.parseOrNaN(raw);
                numeric = raw.isEmpty() || !Double.isNaN(numbers[i]);
            }
            if (numeric) {
                columns.add(zScores(numbers));
                continue;
            }
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (String[] row : rows) {
                levels.putIfAbsent(row[c].strip(), levels.size());
            }
            if (levels.size() > 50) {
                continue; // identifier-like text
            }
            for (int level = 0; level < levels.size(); level++) {
                double[] flag = new double[n];
                for (int i = 0; i < n; i++) {
                    flag[i] = levels.get(rows.get(i)[c].strip()) == level ? 1 : 0;
                }
                columns.add(flag);
            }
        }
        double[][] points = new double[n][columns.size()];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < columns.size(); d++) {
                points[i][d] = columns.get(d)[i];
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        int[] sampleRows = random.ints(Math.min(n, 2000), 0, n).toArray();
        double[][] sample = new double[sampleRows.length][];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = points[sampleRows[i]];
        }
        int bestK = 0;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        double[][] best = null;
        for (int k = 3; k <= 8; k++) {
            double[][] centroids = kMeans(points, k, random);
            double silhouette = Silhouette.mean(sample, labels(sample, centroids), k);
            System.err.printf(Locale.ROOT, "peer k = %d: silhouette %.3f%n", k, silhouette);
            if (silhouette > bestSilhouette) {
                bestSilhouette = silhouette;
                bestK = k;
                best = centroids;
            }
        }
        int[] labels = labels(points, best);
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            writer.println(id + ",cluster");
            for (int i = 0; i < n; i++) {
                writer.println(rows.get(i)[header.indexOf(id)] + "," + labels[i]);
            }
        }
        System.out.println(bestK);
    }

    static double[] zScores(double[] values) {
        double sum = 0;
        int present = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                present++;
            }
        }
        double mean = present == 0 ? 0 : sum / present;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = present == 0 || squares == 0 ? 1 : Math.sqrt(squares / present);
        double[] z = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            z[i] = Double.isNaN(values[i]) ? 0 : (values[i] - mean) / sd;
        }
        return z;
    }

    /** Plain k-means: k-means++ seeding, Lloyd iterations, five restarts, lowest distortion. */
    static double[][] kMeans(double[][] points, int k, SplittableRandom random) {
        double[][] best = null;
        double bestDistortion = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < 5; restart++) {
            double[][] centroids = new double[k][];
            centroids[0] = points[random.nextInt(points.length)].clone();
            double[] nearest = new double[points.length];
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int c = 1; c < k; c++) {
                double total = 0;
                for (int i = 0; i < points.length; i++) {
                    nearest[i] = Math.min(nearest[i], distance(points[i], centroids[c - 1]));
                    total += nearest[i];
                }
                double target = random.nextDouble() * total;
                int chosen = points.length - 1;
                for (int i = 0; i < points.length; i++) {
                    target -= nearest[i];
                    if (target < 0) {
                        chosen = i;
                        break;
                    }
                }
                centroids[c] = points[chosen].clone();
            }
            int[] labels = null;
            for (int iteration = 0; iteration < 100; iteration++) {
                int[] next = labels(points, centroids);
                if (Arrays.equals(next, labels)) {
                    break;
                }
                labels = next;
                double[][] sums = new double[k][points[0].length];
                int[] sizes = new int[k];
                for (int i = 0; i < points.length; i++) {
                    sizes[labels[i]]++;
                    for (int d = 0; d < points[i].length; d++) {
                        sums[labels[i]][d] += points[i][d];
                    }
                }
                for (int c = 0; c < k; c++) {
                    for (int d = 0; d < sums[c].length && sizes[c] > 0; d++) {
                        centroids[c][d] = sums[c][d] / sizes[c];
                    }
                }
            }
            double distortion = 0;
            int[] finalLabels = labels(points, centroids);
            for (int i = 0; i < points.length; i++) {
                distortion += distance(points[i], centroids[finalLabels[i]]);
            }
            if (distortion < bestDistortion) {
                bestDistortion = distortion;
                best = centroids;
            }
        }
        return best;
    }

    static int[] labels(double[][] points, double[][] centroids) {
        int[] labels = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                double d = distance(points[i], centroids[c]);
                if (d < nearest) {
                    nearest = d;
                    labels[i] = c;
                }
            }
        }
        return labels;
    }

    static double distance(double[] x, double[] y) {
        double sum = 0;
        for (int d = 0; d < x.length; d++) {
            sum += (x[d] - y[d]) * (x[d] - y[d]);
        }
        return sum;
    }

    /** Mann-Whitney AUC with ties counted half: the score is the persona's positive rate on the training rows. */
    static double auc(Path trainPersonas, Path train, Path testPersonas, Path test, String label, String positive) {
        Map<String, double[]> rates = new HashMap<>();
        List<String> trainHeader = new ArrayList<>();
        List<String[]> trainRows = rows(train, trainHeader);
        List<String> trainAssigned = new ArrayList<>(column(trainPersonas, "persona_id").values());
        int labelIndex = trainHeader.indexOf(label);
        for (int i = 0; i < trainRows.size(); i++) {
            double[] counts = rates.computeIfAbsent(trainAssigned.get(i), k -> new double[2]);
            counts[0] += trainRows.get(i)[labelIndex].strip().equalsIgnoreCase(positive) ? 1 : 0;
            counts[1]++;
        }
        List<String> testHeader = new ArrayList<>();
        List<String[]> testRows = rows(test, testHeader);
        List<String> testAssigned = new ArrayList<>(column(testPersonas, "persona_id").values());
        int testLabel = testHeader.indexOf(label);
        List<Double> positives = new ArrayList<>();
        List<Double> negatives = new ArrayList<>();
        for (int i = 0; i < testRows.size(); i++) {
            double[] counts = rates.get(testAssigned.get(i));
            double score = counts == null ? 0 : counts[0] / counts[1];
            (testRows.get(i)[testLabel].strip().equalsIgnoreCase(positive) ? positives : negatives).add(score);
        }
        double wins = 0;
        for (double p : positives) {
            for (double q : negatives) {
                wins += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.size() * negatives.size());
    }
}
