// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.MissingValues;
import io.github.propensity.data.NumericValues;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.BandCutoffs;
import io.github.propensity.scoring.PreparedModel;
import io.github.propensity.scoring.RowScore;
import io.github.propensity.value.ValueColumns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each persona is worth and how likely it is to act: the mean calibrated probability of every current
 * propensity model that can score the base (through {@link PreparedModel}, the one scoring path), and the mean of
 * the base's CLV column when it has one (as the features command writes it).
 */
final class OutcomeMeans {
    private OutcomeMeans() {
    }

    /**
     * @param probabilities per persona, task id to mean probability
     * @param values        per persona, the mean CLV; null entries when the base has no CLV column
     * @param notes         why a model could not score the base, for the card
     */
    record Means(List<Map<String, Double>> probabilities, Double[] values, String valueColumn, List<String> notes) {
    }

    static Means of(CustomerTable sample, int[] labels, int k, Path models) {
        List<Map<String, Double>> probabilities = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            probabilities.add(new LinkedHashMap<>());
        }
        List<String> notes = new ArrayList<>();
        ModelStore store = new ModelStore(models);
        for (Task task : Task.values()) {
            Optional<String> version = store.currentVersion(task);
            if (version.isEmpty()) {
                continue;
            }
            ModelBundle bundle = store.loadCurrent(task);
            PreparedModel prepared;
            try {
                prepared = PreparedModel.forHeader(task, bundle, sample.header(), BandCutoffs.DEFAULT);
            } catch (MissingFeatureColumnsException e) {
                notes.add("the " + task.id() + " model " + version.get() + " was not applied: the base lacks its columns " + e.columns());
                continue;
            }
            RowScore score = prepared.newRowScore();
            double[] sums = new double[k];
            int[] counts = new int[k];
            int unreadable = 0;
            for (int i = 0; i < labels.length; i++) {
                try {
                    prepared.score(sample.rows().get(i), score);
                } catch (FeatureValueException e) {
                    unreadable++;
                    continue;
                }
                sums[labels[i]] += score.probability();
                counts[labels[i]]++;
            }
            for (int g = 0; g < k; g++) {
                if (counts[g] > 0) {
                    probabilities.get(g).put(task.id(), PersonaProfiler.round(sums[g] / counts[g], 4));
                }
            }
            notes.add("mean " + task.id() + " probability from model " + version.get()
                    + (task == Task.CONVERSION ? ", over every member (the model also scores customers already paying)" : "")
                    + (unreadable > 0 ? " (" + unreadable + " rows it could not read left out)" : ""));
        }
        String valueColumn = sample.header().stream().filter(c -> c.matches(ValueColumns.CLV_PREFIX + "[0-9]+d")).findFirst().orElse(null);
        Double[] values = new Double[k];
        if (valueColumn != null) {
            int index = sample.columnIndex(valueColumn);
            double[] sums = new double[k];
            int[] counts = new int[k];
            for (int i = 0; i < labels.length; i++) {
                String raw = sample.value(i, index);
                double value = MissingValues.isMissing(raw) ? Double.NaN : NumericValues.parseOrNaN(raw.strip());
                if (!Double.isNaN(value)) {
                    sums[labels[i]] += value;
                    counts[labels[i]]++;
                }
            }
            for (int g = 0; g < k; g++) {
                values[g] = counts[g] == 0 ? null : PersonaProfiler.round(sums[g] / counts[g], 2);
            }
        }
        return new Means(probabilities, values, valueColumn, notes);
    }
}
