// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.ScoreReference;

import java.util.ArrayList;
import java.util.List;

/**
 * One row's score for one task, written by {@link PreparedModel#score} into arrays the caller owns and reuses row
 * after row (as H2O's {@code score0(row, preds)}). Mutable and confined to one thread; read it before the next
 * row overwrites it.
 */
public final class RowScore {
    /** How many reasons a score carries (fewer are empty). */
    public static final int REASONS = ReasonBuilder.REASONS;
    final double[] encoded;
    final double[] contributions;
    final double[] byColumn;
    final String[] rawValues;
    /** [slot] the input column of each top reason, -1 where there is none; with its push on the log-odds. */
    final int[] reasonColumns = new int[ReasonBuilder.REASONS];
    final double[] reasonPushes = new double[ReasonBuilder.REASONS];
    private final ReasonBuilder reasonText;
    double probability;
    long score;
    Band band;
    private final ScoreReference reference;

    RowScore(int features, ReasonBuilder reasonText, ScoreReference reference) {
        this.reference = reference;
        this.reasonText = reasonText;
        int columns = reasonText.columns();
        this.encoded = new double[features];
        this.contributions = new double[features];
        this.byColumn = new double[columns];
        this.rawValues = new String[columns];
    }

    /** The calibrated probability, 0-1. */
    public double probability() {
        return probability;
    }

    /** The probability on a 0-100 scale, rounded to a whole number. */
    public long score() {
        return score;
    }

    public Band band() {
        return band;
    }

    /**
     * Share (0-100, in steps of 0.1) of the model's reference population scoring at or below this row; looked up
     * when asked (the server asks, batch rescoring ranks within the base instead).
     */
    public double referencePercentile() {
        return reference.percentile(probability);
    }

    /** The reason in {@code slot} (0 to {@link ReasonBuilder#REASONS} - 1), empty when fewer columns push at all. */
    public String reason(int slot) {
        if (reasonColumns[slot] < 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(48);
        appendReason(slot, text);
        return text.toString();
    }

    /** Appends the reason in {@code slot} (nothing when there is none), without making a string. */
    void appendReason(int slot, StringBuilder out) {
        int column = reasonColumns[slot];
        if (column >= 0) {
            reasonText.append(out, column, reasonPushes[slot], rawValues[column]);
        }
    }

    /** The non-empty reasons, strongest first. */
    public List<String> reasons() {
        List<String> present = new ArrayList<>(ReasonBuilder.REASONS);
        for (int slot = 0; slot < ReasonBuilder.REASONS; slot++) {
            if (reasonColumns[slot] >= 0) {
                present.add(reason(slot));
            }
        }
        return List.copyOf(present);
    }

    /** The encoded feature vector of the row (for drift bins). */
    double[] encoded() {
        return encoded;
    }
}
