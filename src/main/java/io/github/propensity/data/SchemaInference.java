// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.IntStream;

/**
 * Infers each column's kind from its values, or takes it from the type a Parquet file declares
 * ({@link StoredType}), and decides which columns are features. The thresholds favour what
 * real exports look like: a numeric column may carry a few stray tokens (a blank-looking {@code " "} or
 * {@code "unknown"} in a charges column), and an identifier the user forgot to name shows up as text that is
 * unique on almost every row.
 */
public final class SchemaInference {
    /** Share of non-missing cells that must parse as numbers for a column to be numeric. */
    static final double NUMERIC_SHARE = 0.95;
    /** More distinct stray tokens than this and the column is text, not numbers with a few odd cells. */
    static final int MAX_STRAY_TOKENS = 5;
    /** Text columns unique on more than this share of rows are identifiers, not categories. */
    static final double NEAR_UNIQUE_SHARE = 0.9;
    static final int NEAR_UNIQUE_MIN_DISTINCT = 50;

    /** How a declared boolean is written ({@code ParquetColumn}). */
    private static final String[] DECLARED_BOOLEAN = {"true", "false"};

    private SchemaInference() {
    }

    /**
     * @param notFeatures columns that are never features, with the reason (the id, the label, --drop columns)
     */
    public static List<ColumnDecision> infer(CustomerTable table, Map<String, String> notFeatures) {
        return infer(table, IntStream.range(0, table.rowCount()).toArray(), notFeatures);
    }

    /**
     * Infers from the given rows only: the rows a model learns from. A column that is constant there (a plan
     * column when only free-plan customers carry a conversion label) says nothing to that model.
     */
    public static List<ColumnDecision> infer(CustomerTable table, int[] rows, Map<String, String> notFeatures) {
        List<ColumnDecision> decisions = new ArrayList<>();
        for (int column = 0; column < table.header().size(); column++) {
            decisions.add(inferColumn(table, rows, column, notFeatures.get(table.header().get(column))));
        }
        return decisions;
    }

    private static ColumnDecision inferColumn(CustomerTable table, int[] rows, int column, String exclusion) {
        String name = table.header().get(column);
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        int numeric = 0;
        for (int row : rows) {
            String raw = table.value(row, column);
            if (MissingValues.isMissing(raw)) {
                missing++;
                continue;
            }
            String value = raw.strip();
            counts.merge(value, 1, Integer::sum);
            if (NumericValues.parse(value) != null) {
                numeric++;
            }
        }
        int present = rows.length - missing;
        int distinct = counts.size();
        List<String> strayTokens = new ArrayList<>();
        ColumnKind kind = ColumnKind.CATEGORICAL;
        String trueToken = null;
        String falseToken = null;
        // A declared type (Parquet) decides what values would otherwise suggest: digits in a text column stay text,
        // and a 0/1 number column stays a number.
        StoredType stored = table.storedType(column);
        String[] booleanPair = switch (stored) {
            case BOOLEAN -> DECLARED_BOOLEAN;
            case NUMBER -> null;
            case UNTYPED, TEXT -> booleanPair(counts.keySet());
        };
        boolean numberLike = switch (stored) {
            case NUMBER -> true;
            case BOOLEAN, TEXT -> false;
            case UNTYPED -> present > 0 && numeric >= NUMERIC_SHARE * present;
        };
        if (booleanPair != null) {
            kind = ColumnKind.BOOLEAN;
            trueToken = booleanPair[0];
            falseToken = booleanPair[1];
        } else if (numberLike) {
            for (String value : counts.keySet()) {
                if (NumericValues.parse(value) == null) {
                    strayTokens.add(value);
                }
            }
            if (stored == StoredType.NUMBER || strayTokens.size() <= MAX_STRAY_TOKENS) {
                kind = ColumnKind.NUMERIC;
                strayTokens.sort(null);
                for (String token : strayTokens) {
                    missing += counts.get(token);
                }
                distinct -= strayTokens.size();
            } else {
                strayTokens.clear();
            }
        }
        if (exclusion == null) {
            exclusion = automaticExclusion(kind, present, missing, distinct);
        }
        if (exclusion == null && kind == ColumnKind.CATEGORICAL) {
            exclusion = ContactDetails.exclusion(counts, present);
        }
        return new ColumnDecision(name, kind, missing, distinct, strayTokens, trueToken, falseToken, exclusion);
    }

    private static String automaticExclusion(ColumnKind kind, int present, int missing, int distinct) {
        if (distinct == 0) {
            return "empty: no values";
        }
        if (distinct == 1 && missing == 0) {
            return "constant: the same value on every row";
        }
        if (kind == ColumnKind.CATEGORICAL && distinct >= NEAR_UNIQUE_MIN_DISTINCT && distinct > NEAR_UNIQUE_SHARE * present) {
            return "near-unique text (" + distinct + " distinct in " + present + " rows): looks like an identifier; name it with --id or --drop";
        }
        return null;
    }

    /** The (true, false) spellings when every value is one of a known boolean pair, else null. */
    private static String[] booleanPair(Set<String> values) {
        if (values.size() != 2) {
            return null;
        }
        Set<String> lower = new HashSet<>();
        for (String value : values) {
            lower.add(value.toLowerCase(Locale.ROOT));
        }
        for (String[] pair : BooleanSpellings.PAIRS) {
            if (lower.contains(pair[0]) && lower.contains(pair[1])) {
                return pair;
            }
        }
        return null;
    }
}
