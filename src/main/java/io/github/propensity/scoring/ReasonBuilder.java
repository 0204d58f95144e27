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
     * Ranks the columns that push this row most: writes the top {@link #REASONS} column indices (strongest first, -1
     * in slots no column fills) and their pushes. The text is made only when asked ({@link #append}), so a batch
     * run writes it straight into its output line instead of building strings per customer.
     *
     * @param byColumn scratch space of {@link #columns()} doubles
     */
    public void rank(double[] contributions, double[] byColumn, int[] topColumns, double[] topPushes) {
        Arrays.fill(byColumn, 0.0);
        for (int f = 0; f < contributions.length; f++) {
            byColumn[columnOfFeature[f]] += contributions[f];
        }
        Arrays.fill(topColumns, -1);
        for (int c = 0; c < byColumn.length; c++) {
            double magnitude = Math.abs(byColumn[c]);
            if (magnitude < 5e-4) {
                continue;
            }
            for (int slot = 0; slot < REASONS; slot++) {
                if (topColumns[slot] < 0 || magnitude > Math.abs(byColumn[topColumns[slot]])) {
                    System.arraycopy(topColumns, slot, topColumns, slot + 1, REASONS - slot - 1);
                    topColumns[slot] = c;
                    break;
                }
            }
        }
        for (int slot = 0; slot < REASONS; slot++) {
            topPushes[slot] = topColumns[slot] < 0 ? 0.0 : byColumn[topColumns[slot]];
        }
    }

    /** Appends one reason, e.g. {@code days_since_last_login=41 (+0.62)}. */
    public void append(StringBuilder out, int column, double push, String rawValue) {
        out.append(columnNames[column]).append('=');
        appendDisplay(out, rawValue);
        out.append(" (");
        if (push >= 0) {
            out.append('+');
        }
        Decimals.append(out, push, 2).append(')');
    }

    private static void appendDisplay(StringBuilder out, String raw) {
        if (MissingValues.isMissing(raw)) {
            out.append("missing");
            return;
        }
        String value = raw.strip();
        int end = Math.min(value.length(), MAX_VALUE_CHARS);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        if (value.length() > MAX_VALUE_CHARS) {
            out.append("...");
        }
    }
}
