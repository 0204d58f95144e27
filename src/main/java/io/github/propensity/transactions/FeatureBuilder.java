// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the stacked feature table of a log for the requested cut-offs, after checking that each cut-off makes
 * sense for the log: some history before it, and, when labels are asked for, a log that covers the whole horizon
 * after it (a label computed from a horizon the log does not reach would call buyers churners).
 */
public final class FeatureBuilder {
    private final FeatureSettings settings;

    public FeatureBuilder(FeatureSettings settings) {
        this.settings = settings;
    }

    public FeatureTable build(TransactionLog log) {
        FeatureLayout layout = new FeatureLayout(settings, log.hasItems());
        PointInTimeFeatures features = new PointInTimeFeatures(layout, settings);
        LocalDate first = LocalDate.ofEpochDay(log.firstDay());
        LocalDate last = LocalDate.ofEpochDay(log.lastDay());
        List<String> warnings = new ArrayList<>();
        List<CustomerRow> rows = new ArrayList<>();
        List<CutoffSummary> cutoffs = new ArrayList<>();
        for (LocalDate asOf : settings.asOfDates()) {
            if (asOf.isBefore(first)) {
                throw new CutoffException("as-of date " + asOf + " is before the log's first transaction (" + first
                        + "): no customer has any history then");
            }
            if (settings.labels() != LabelChoice.NONE && asOf.plusDays(settings.horizonDays()).isAfter(last)) {
                throw new CutoffException("labels for as-of date " + asOf + " need transactions through "
                        + asOf.plusDays(settings.horizonDays()) + " (a " + settings.horizonDays() + "-day horizon) but the log ends on "
                        + last + "; choose an earlier as-of date or a shorter --horizon, or pass --label none to build features for scoring");
            }
            long history = asOf.toEpochDay() - first.toEpochDay() + 1;
            if (history < settings.lookbackDays()) {
                warnings.add("as-of " + asOf + ": the log starts " + history + " days before it, less than the "
                        + settings.lookbackDays() + "-day lookback; windows longer than " + history
                        + " days and tenure see only that much history");
            }
            List<CustomerRow> atCutoff = features.at(log, asOf);
            if (atCutoff.isEmpty()) {
                throw new CutoffException("as-of date " + asOf + ": no customer has a purchase on or before it");
            }
            rows.addAll(atCutoff);
            cutoffs.add(CutoffSummary.of(asOf, atCutoff, settings.labels()));
        }
        return new FeatureTable(settings, layout, rows, cutoffs, warnings);
    }

    /** A cut-off the log cannot support. */
    public static final class CutoffException extends IllegalArgumentException {
        public CutoffException(String message) {
            super(message);
        }
    }
}
