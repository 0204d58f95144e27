// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code migration.csv}: from-to customer counts per dimension ({@code segment}, {@code <task>_band}, {@code persona}),
 * with {@link #NEW} for customers not in the previous snapshot and {@link #GONE} for those no longer in the base.
 * Counted by the CLI's {@link Migration} or by a Spark job's join; written the same way, one dimension after the
 * other in the order first added, each sorted by from and to label.
 */
public final class MigrationCounts {
    public static final String NEW = "(new)";
    public static final String GONE = "(gone)";

    private final Map<String, Map<String, Map<String, Long>>> byDimension = new LinkedHashMap<>();

    /** Adds {@code customers} who moved from {@code from} to {@code to}; zero adds nothing (no empty cells are written). */
    public void add(String dimension, String from, String to, long customers) {
        if (customers < 0) {
            throw new IllegalArgumentException("customers cannot be negative");
        }
        if (customers == 0) {
            return;
        }
        byDimension.computeIfAbsent(dimension, d -> new TreeMap<>()).computeIfAbsent(from, f -> new TreeMap<>())
                .merge(to, customers, Long::sum);
    }

    /** The customers counted in a dimension who moved from {@code from} to {@code to} (0 when none). */
    public long customers(String dimension, String from, String to) {
        return byDimension.getOrDefault(dimension, Map.of()).getOrDefault(from, Map.of()).getOrDefault(to, 0L);
    }

    /** Writes the long-format matrix: {@code dimension,from,to,customers}. */
    public void write(Writer out) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord("dimension", "from", "to", "customers");
            for (Map.Entry<String, Map<String, Map<String, Long>>> dimension : byDimension.entrySet()) {
                for (Map.Entry<String, Map<String, Long>> from : dimension.getValue().entrySet()) {
                    for (Map.Entry<String, Long> to : from.getValue().entrySet()) {
                        printer.printRecord(dimension.getKey(), from.getKey(), to.getKey(), to.getValue());
                    }
                }
            }
        }
    }
}
