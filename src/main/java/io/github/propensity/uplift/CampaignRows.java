// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.data.MissingValues;
import io.github.propensity.training.LabelSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of a campaign's results that compare one treated arm with the control: their table rows, whether each
 * was treated and whether it responded. Refuses data an uplift model cannot be learned or judged from, naming the
 * file, the column and what was seen.
 *
 * @param otherArms rows of another arm (a third arm of a multi-arm test), left out
 * @param unlabelled rows of either arm with no outcome, left out
 */
public record CampaignRows(int[] rows, boolean[] treated, boolean[] outcomes, int otherArms, int unlabelled) {
    /** Below this share of treated (or control) rows, uplift cannot be told from noise; the data is refused. */
    public static final double MIN_ARM_SHARE = 0.01;
    /** Fewer responders or non-responders than this in an arm leave nothing to learn a difference from. */
    public static final int MIN_PER_ARM_AND_OUTCOME = 20;

    public CampaignRows {
        if (rows.length != treated.length || rows.length != outcomes.length) {
            throw new IllegalArgumentException("one treatment flag and one outcome per row are required");
        }
    }

    public int treatedCount() {
        int count = 0;
        for (boolean t : treated) {
            count += t ? 1 : 0;
        }
        return count;
    }

    /**
     * @param forTraining also require enough responders and non-responders in each arm to fit a model on
     */
    public static CampaignRows extract(CustomerTable table, UpliftRequest.Arms arms, LabelSpec label, boolean forTraining) {
        int armColumn = column(table, arms.column(), "--treatment");
        int labelColumn = column(table, label.column(), "--label");
        Map<String, Integer> armValues = new LinkedHashMap<>();
        Map<String, Long> labelValues = new LinkedHashMap<>();
        long firstThirdLabelLine = -1;
        int n = table.rowCount();
        int[] rows = new int[n];
        boolean[] treated = new boolean[n];
        boolean[] outcomes = new boolean[n];
        int kept = 0;
        int otherArms = 0;
        int unlabelled = 0;
        for (int row = 0; row < n; row++) {
            String arm = table.value(row, armColumn).strip();
            armValues.merge(arm, 1, Integer::sum);
            boolean isTreated = arm.equals(arms.treated());
            if (!isTreated && !arm.equals(arms.control())) {
                otherArms++;
                continue;
            }
            String raw = table.value(row, labelColumn);
            if (MissingValues.isMissing(raw)) {
                unlabelled++;
                continue;
            }
            String value = raw.strip();
            if (!labelValues.containsKey(value) && labelValues.size() == 2 && firstThirdLabelLine < 0) {
                firstThirdLabelLine = table.line(row);
            }
            labelValues.merge(value, table.line(row), (first, ignored) -> first);
            rows[kept] = row;
            treated[kept] = isTreated;
            outcomes[kept] = label.isPositive(value);
            kept++;
        }
        checkArms(table, arms, armValues);
        if (kept == 0) {
            throw DataException.inFile(table.source(), "no row of arm '" + arms.treated() + "' or '" + arms.control()
                    + "' has an outcome in label column '" + label.column() + "'");
        }
        checkBinary(table, label, labelValues, firstThirdLabelLine);
        CampaignRows result = new CampaignRows(Arrays.copyOf(rows, kept), Arrays.copyOf(treated, kept), Arrays.copyOf(outcomes, kept),
                otherArms, unlabelled);
        result.checkShares(table, arms, label, forTraining);
        return result;
    }

    private static int column(CustomerTable table, String name, String option) {
        int index = table.columnIndex(name);
        if (index < 0) {
            throw DataException.inFile(table.source(), option + " column '" + name + "' not found; the columns are: "
                    + String.join(", ", table.header()));
        }
        return index;
    }

    private static void checkArms(CustomerTable table, UpliftRequest.Arms arms, Map<String, Integer> armValues) {
        String seen = seen(armValues);
        if (armValues.size() < 2) {
            throw DataException.inFile(table.source(), "treatment column '" + arms.column() + "' holds a single value ("
                    + seen + "): there is nothing to compare");
        }
        if (!armValues.containsKey(arms.control())) {
            throw DataException.inFile(table.source(), "the control value '" + arms.control() + "' never occurs in treatment column '"
                    + arms.column() + "'; values seen: " + seen);
        }
        if (!armValues.containsKey(arms.treated())) {
            throw DataException.inFile(table.source(), "the treated value '" + arms.treated() + "' never occurs in treatment column '"
                    + arms.column() + "'; values seen: " + seen);
        }
    }

    private static void checkBinary(CustomerTable table, LabelSpec label, Map<String, Long> labelValues, long firstThirdLine) {
        boolean positiveSeen = labelValues.keySet().stream().anyMatch(label::isPositive);
        String seen = labelValues.keySet().stream().limit(10).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
        if (labelValues.size() > 2) {
            throw DataException.at(table.source(), firstThirdLine, "label column '" + label.column()
                    + "' is not binary: a third value appears here; values seen: " + seen);
        }
        if (!positiveSeen) {
            throw DataException.inFile(table.source(), "the positive value '" + label.positiveValue() + "' never appears in label column '"
                    + label.column() + "'; values seen: " + seen);
        }
        if (labelValues.size() < 2) {
            throw DataException.inFile(table.source(), "only one outcome in label column '" + label.column() + "' (" + seen
                    + "): every customer of both arms responded, or none did");
        }
    }

    private void checkShares(CustomerTable table, UpliftRequest.Arms arms, LabelSpec label, boolean forTraining) {
        int treatedCount = treatedCount();
        int controlCount = rows.length - treatedCount;
        double treatedShare = (double) treatedCount / rows.length;
        if (treatedShare < MIN_ARM_SHARE || treatedShare > 1 - MIN_ARM_SHARE) {
            String small = treatedShare < MIN_ARM_SHARE ? "treated arm '" + arms.treated() + "'" : "control arm '" + arms.control() + "'";
            throw DataException.inFile(table.source(), String.format(java.util.Locale.ROOT,
                    "the %s holds %.2f %% of the %d compared rows (%d treated, %d control); below %.0f %% an uplift cannot be told from noise",
                    small, 100 * Math.min(treatedShare, 1 - treatedShare), rows.length, treatedCount, controlCount, 100 * MIN_ARM_SHARE));
        }
        if (!forTraining) {
            return;
        }
        long[] counts = new long[4];
        for (int i = 0; i < rows.length; i++) {
            counts[(treated[i] ? 0 : 2) + (outcomes[i] ? 1 : 0)]++;
        }
        long fewest = Arrays.stream(counts).min().orElse(0);
        if (fewest < MIN_PER_ARM_AND_OUTCOME) {
            throw DataException.inFile(table.source(), "too few rows to learn an uplift: each arm needs at least " + MIN_PER_ARM_AND_OUTCOME
                    + " customers with and without the outcome '" + label.positiveValue() + "'; treated: " + counts[1] + " with, "
                    + counts[0] + " without; control: " + counts[3] + " with, " + counts[2] + " without");
        }
    }

    private static String seen(Map<String, Integer> values) {
        String listed = values.entrySet().stream().limit(10).map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return values.size() > 10 ? listed + " and " + (values.size() - 10) + " more" : listed;
    }
}
