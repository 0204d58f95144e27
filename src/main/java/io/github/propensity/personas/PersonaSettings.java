// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import java.util.List;
import java.util.Objects;

/**
 * What a persona fit is asked for, validated once.
 *
 * @param idColumn the customer id column: never a feature, and assignment writes it back
 */
public record PersonaSettings(PersonaCount count, ColumnSelection columns, String idColumn, long seed) {
    /** Least and most personas a fit may be asked for. */
    public static final int MIN_K = 2;
    public static final int MAX_K = 20;

    public PersonaSettings {
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(idColumn, "idColumn");
        if (idColumn.isBlank()) {
            throw new IllegalArgumentException("the id column needs a name");
        }
    }

    /** How many personas: chosen from the data, or given. */
    public sealed interface PersonaCount permits Auto, Fixed {
    }

    /** Chosen by separation and stability in {@value KSelection#MIN_AUTO_K} to {@value KSelection#MAX_AUTO_K}. */
    public record Auto() implements PersonaCount {
    }

    public record Fixed(int k) implements PersonaCount {
        public Fixed {
            if (k < MIN_K || k > MAX_K) {
                throw new IllegalArgumentException("the number of personas must be between " + MIN_K + " and " + MAX_K + ", not " + k);
            }
        }
    }

    /** Which columns may describe a persona (beyond what schema inference already leaves out). */
    public sealed interface ColumnSelection permits AllColumns, OnlyColumns, DropColumns {
    }

    public record AllColumns() implements ColumnSelection {
    }

    public record OnlyColumns(List<String> names) implements ColumnSelection {
        public OnlyColumns {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("--features needs at least one column");
            }
        }
    }

    public record DropColumns(List<String> names) implements ColumnSelection {
        public DropColumns {
            names = List.copyOf(names);
        }
    }
}
