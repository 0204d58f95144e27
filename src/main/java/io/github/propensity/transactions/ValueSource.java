// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.value.ValueFile;
import io.github.propensity.value.ValueSettings;

import java.util.Objects;
import java.util.Optional;

/** Where the value columns of a feature build come from, if it has any. */
public sealed interface ValueSource {
    /** No value columns. */
    record None() implements ValueSource {
        @Override
        public Optional<ValueSettings> columnSettings() {
            return Optional.empty();
        }
    }

    /**
     * Both value models fitted anew at each as-of date on the log up to it: point in time, so rows of past cut-offs
     * can train a propensity model without any parameter having seen their future.
     */
    record FitAtEachCutoff(ValueSettings settings) implements ValueSource {
        public FitAtEachCutoff {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public Optional<ValueSettings> columnSettings() {
            return Optional.of(settings);
        }
    }

    /** A published value model's parameters applied to each customer's history at the as-of date. */
    record StoredModel(String version, ValueFile file) implements ValueSource {
        public StoredModel {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(file, "file");
        }

        @Override
        public Optional<ValueSettings> columnSettings() {
            return Optional.of(file.settings());
        }
    }

    static ValueSource none() {
        return new None();
    }

    /** The reporting settings of the value columns; empty without them. */
    Optional<ValueSettings> columnSettings();
}
