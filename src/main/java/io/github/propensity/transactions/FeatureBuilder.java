// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.data.DataException;
import io.github.propensity.value.PurchaseHistories;
import io.github.propensity.value.ValueColumns;
import io.github.propensity.value.ValueModel;
import io.github.propensity.value.ValueScoring;
import io.github.propensity.value.ValueSettings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the stacked feature table of a log for the requested cut-offs, after checking that each cut-off makes
 * sense for the log: some history before it, and, when labels are asked for, a log that covers the whole horizon
 * after it (a label computed from a horizon the log does not reach would call buyers churners). With a
 * {@link ValueSource}, each row also gets the value columns of its customer's history at the cut-off.
 */
public final class FeatureBuilder {
    private final FeatureSettings settings;
    private final ValueSource value;

    public FeatureBuilder(FeatureSettings settings) {
        this(settings, ValueSource.none());
    }

    public FeatureBuilder(FeatureSettings settings, ValueSource value) {
        this.settings = settings;
        this.value = value;
    }

    public FeatureTable build(TransactionLog log) {
        Map<String, String> valueColumns = value.columnSettings().map(ValueColumns::definitions).orElse(Map.of());
        FeatureLayout layout = new FeatureLayout(settings, log.hasItems(), valueColumns);
        PointInTimeFeatures features = new PointInTimeFeatures(layout, settings);
        LocalDate first = LocalDate.ofEpochDay(log.firstDay());
        LocalDate last = LocalDate.ofEpochDay(log.lastDay());
        List<String> warnings = new ArrayList<>();
        List<CustomerRow> rows = new ArrayList<>();
        List<CutoffSummary> cutoffs = new ArrayList<>();
        List<ValueAtCutoff> valueModels = new ArrayList<>();
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
            if (layout.hasValueColumns()) {
                valueModels.add(addValueColumns(log, asOf, atCutoff, layout, warnings));
            }
            rows.addAll(atCutoff);
            cutoffs.add(CutoffSummary.of(asOf, atCutoff, settings.labels()));
        }
        return new FeatureTable(settings, layout, rows, cutoffs, valueModels, warnings);
    }

    /** Writes each row's value columns; the rows are the cut-off's customers in log order, as the histories are. */
    private ValueAtCutoff addValueColumns(TransactionLog log, LocalDate asOf, List<CustomerRow> rows, FeatureLayout layout,
                                          List<String> warnings) {
        RepeatPurchases purchases = RepeatPurchases.at(log, asOf);
        PurchaseHistories histories = purchases.histories();
        if (histories.size() != rows.size()) {
            throw new IllegalStateException("value histories (" + histories.size() + ") and feature rows (" + rows.size()
                    + ") of as-of " + asOf + " differ");
        }
        ValueModel model;
        ValueAtCutoff provenance;
        if (value instanceof ValueSource.StoredModel stored) {
            LocalDate calibrationEnd = stored.file().calibrationEnd();
            if (calibrationEnd.isAfter(asOf)) {
                if (settings.labels() != LabelChoice.NONE) {
                    throw new CutoffException("value model " + stored.version() + " was fitted on transactions up to " + calibrationEnd
                            + ", after the as-of date " + asOf + ": its parameters have seen the period the labels are taken from;"
                            + " use --value fit to fit the value model at each as-of date");
                }
                warnings.add("as-of " + asOf + ": value model " + stored.version() + " was fitted on transactions up to "
                        + calibrationEnd + ", after this date");
            }
            model = stored.file().model();
            provenance = new ValueAtCutoff(asOf, "value model " + stored.version(), calibrationEnd, parameters(model));
        } else {
            ValueSettings valueSettings = value.columnSettings().orElseThrow();
            ValueFromLog.Fitted fitted;
            try {
                fitted = ValueFromLog.fitModels(histories, valueSettings);
            } catch (DataException e) {
                throw new DataException("value model at as-of " + asOf + ": " + e.getMessage(), e);
            }
            fitted.warnings().forEach(w -> warnings.add("as-of " + asOf + ": " + w));
            model = fitted.model();
            provenance = new ValueAtCutoff(asOf, "fitted at the as-of date", asOf, parameters(model));
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).customerId().equals(purchases.customerId(log, i))) {
                throw new IllegalStateException("value histories and feature rows of as-of " + asOf + " are not in the same order");
            }
        }
        int first = layout.firstValueColumn();
        ValueScoring.score(model, histories, (i, columns) -> System.arraycopy(columns, 0, rows.get(i).values(), first, ValueColumns.COUNT));
        return provenance;
    }

    private static Map<String, Double> parameters(ValueModel model) {
        Map<String, Double> parameters = new LinkedHashMap<>(model.purchases().parameters());
        parameters.put("p", model.orderValue().p());
        parameters.put("q", model.orderValue().q());
        parameters.put("gamma", model.orderValue().gamma());
        return parameters;
    }

    /** A cut-off the log cannot support. */
    public static final class CutoffException extends IllegalArgumentException {
        public CutoffException(String message) {
            super(message);
        }
    }
}
