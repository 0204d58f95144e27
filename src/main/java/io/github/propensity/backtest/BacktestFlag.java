// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something about a backtest a person should look at.
 *
 * @param likelyCause the snapshot's drifted inputs (drift.json) for the task, named as the likely cause; empty
 *                    when the drift report flagged nothing
 */
public record BacktestFlag(Kind kind, String message, List<String> likelyCause) {
    public BacktestFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        likelyCause = List.copyOf(likelyCause);
    }

    public enum Kind {
        /** the realized AUC fell more than {@link BacktestFlags#MAX_AUC_DROP} below the card's */
        AUC_DROP,
        /** the realized ECE is above {@link BacktestFlags#MAX_ECE} */
        MISCALIBRATED;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
