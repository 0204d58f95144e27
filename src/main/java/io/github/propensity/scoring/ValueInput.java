// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.DataException;
import io.github.propensity.value.ValueBundle;
import io.github.propensity.value.ValueColumns;
import io.github.propensity.value.ValueStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer value a base carries, as the features command writes it: one {@code clv_<h>d} column and optionally
 * {@code p_alive}; and whether this run can band it. A CLV is banded against the current value model's reference
 * only when the model covers the same horizon, since a 180-day CLV read against 365-day percentiles would put nearly
 * everyone in a lower band.
 *
 * @param clvIndex    the CLV column's position in the input header
 * @param pAliveIndex the p_alive column's position, -1 when the base has none
 */
record ValueInput(String clvColumn, int clvIndex, int pAliveIndex, Banding banding) {
    /** The scores file's value columns. */
    static final String CLV = "clv";
    static final String VALUE_BAND = "value_band";
    /** Per-row value codes after the three {@link Band} ordinals: a CLV but no band this run, or no readable CLV. */
    static final byte UNBANDED = 3;
    static final byte WITHOUT_CLV = 4;
    static final int CODES = 5;

    private static final Pattern CLV_COLUMN = Pattern.compile(Pattern.quote(ValueColumns.CLV_PREFIX) + "([0-9]{1,6})d");

    /** How this run turns a CLV into a value band. */
    sealed interface Banding {
        /** Against {@code modelVersion}'s reference, at {@code thresholds} (CLVs). */
        record Banded(String modelVersion, ValueBandCutoffs cutoffs, BandCutoffs.Thresholds thresholds) implements Banding {
        }

        /** No value band this run, for the reason given (no value model, or one of another horizon). */
        record Unbanded(String reason) implements Banding {
        }
    }

    /** Whether a header column is a CLV column ({@code clv_<h>d}) as the features command writes it. */
    static boolean isClvColumn(String column) {
        return CLV_COLUMN.matcher(column).matches();
    }

    boolean banded() {
        return banding instanceof Banding.Banded;
    }

    /** The scores file's value columns, in the order the rows hold them. */
    List<String> outputColumns() {
        return pAliveIndex >= 0 ? List.of(CLV, ValueColumns.P_ALIVE_NAME, VALUE_BAND) : List.of(CLV, VALUE_BAND);
    }

    /**
     * The value columns of a base with this header, if it has a CLV column. With several {@code clv_<h>d} columns
     * the one of the current value model's horizon is taken; without such a model, or with none of its horizon,
     * it is an error naming them. The value store is read only when the base has a CLV column.
     *
     * @throws DataException naming the file and the CLV columns it cannot choose between
     */
    static Optional<ValueInput> find(Path data, List<String> header, Path models, ValueBandCutoffs cutoffs) {
        List<String> clvColumns = header.stream().filter(column -> CLV_COLUMN.matcher(column).matches()).toList();
        if (clvColumns.isEmpty()) {
            return Optional.empty();
        }
        Optional<ValueBundle> bundle = new ValueStore(models).current();
        String clvColumn = clvColumns.get(0);
        if (clvColumns.size() > 1) {
            String modelColumn = bundle.map(b -> ValueColumns.clv(b.file().settings().horizonDays())).orElse(null);
            if (modelColumn == null || !clvColumns.contains(modelColumn)) {
                throw DataException.inFile(data, "several CLV columns (" + String.join(", ", clvColumns) + "); keep one, or fit a value model"
                        + " whose horizon names one of them" + (modelColumn == null ? "" : " (the current value model's is " + modelColumn + ")"));
            }
            clvColumn = modelColumn;
        }
        return Optional.of(new ValueInput(clvColumn, header.indexOf(clvColumn), header.indexOf(ValueColumns.P_ALIVE_NAME),
                banding(clvColumn, bundle, models, cutoffs)));
    }

    private static Banding banding(String clvColumn, Optional<ValueBundle> bundle, Path models, ValueBandCutoffs cutoffs) {
        if (bundle.isEmpty()) {
            return new Banding.Unbanded("no value model in " + models.resolve(ValueStore.KIND) + " to band " + clvColumn + " against");
        }
        Matcher horizon = CLV_COLUMN.matcher(clvColumn);
        int days = horizon.matches() ? Integer.parseInt(horizon.group(1)) : -1;
        int modelDays = bundle.get().file().settings().horizonDays();
        if (days != modelDays) {
            return new Banding.Unbanded("the current value model " + bundle.get().version() + " covers " + modelDays
                    + " days, not the " + clvColumn + " of the base");
        }
        return new Banding.Banded(bundle.get().version(), cutoffs, cutoffs.thresholds(bundle.get().reference()));
    }
}
