// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.Decimals;
import io.github.propensity.data.MissingValues;
import io.github.propensity.features.FeatureColumn;
import io.github.propensity.features.FeatureSchema;

import java.util.List;
import java.util.Arrays;

/**
 * Turns per-feature contributions into a customer's top reasons, e.g. {@code days_since_last_login=41 (+0.62)}:
 * the input columns that push this customer's log-odds most (largest magnitude), with the raw value and the signed
 * push. One-hot features add up to their column, so a reason names the column, never {@code plan=(other)}.
 */
public final class ReasonBuilder {
    public static final int REASONS = 3;
    private static final int MAX_VALUE_CHARS = 40;

    private final String[] columnNames;
    private final int[] columnOfFeature;

    public ReasonBuilder(FeatureSchema schema) {
        List<FeatureColumn> columns = schema.columns();
        columnNames = new String[columns.size()];
        columnOfFeature = new int[schema.featureNames().size()];
        int feature = 0;
        for (int c = 0; c < columns.size(); c++) {
            columnNames[c] = columns.get(c).name();
            for (int k = 0; k < columns.get(c).featureNames().size(); k++) {
                columnOfFeature[feature++] = c;
            }
        }
    }

    public int columns() {
        return columnNames.length;
    }

    /**
     * Writes the top reasons into {@code reasons} (empty strings when fewer columns push at all).
     *
     * @param rawValues the row's raw cells in schema column order
     * @param byColumn  scratch space of {@link #columns()} doubles
     */
    public void reasons(double[] contributions, String[] rawValues, double[] byColumn, String[] reasons) {
        Arrays.fill(byColumn, 0.0);
        for (int f = 0; f < contributions.length; f++) {
            byColumn[columnOfFeature[f]] += contributions[f];
        }
        int[] top = new int[REASONS];
        Arrays.fill(top, -1);
        for (int c = 0; c < byColumn.length; c++) {
            double magnitude = Math.abs(byColumn[c]);
            if (magnitude < 5e-4) {
                continue;
            }
            for (int slot = 0; slot < REASONS; slot++) {
                if (top[slot] < 0 || magnitude > Math.abs(byColumn[top[slot]])) {
                    System.arraycopy(top, slot, top, slot + 1, REASONS - slot - 1);
                    top[slot] = c;
                    break;
                }
            }
        }
        for (int slot = 0; slot < REASONS; slot++) {
            int c = top[slot];
            reasons[slot] = c < 0 ? "" : columnNames[c] + "=" + display(rawValues[c]) + " ("
                    + (byColumn[c] >= 0 ? "+" : "") + Decimals.format(byColumn[c], 2) + ")";
        }
    }

    private static String display(String raw) {
        if (MissingValues.isMissing(raw)) {
            return "missing";
        }
        String value = raw.strip().replace('\n', ' ').replace('\r', ' ');
        return value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "..." : value;
    }
}
