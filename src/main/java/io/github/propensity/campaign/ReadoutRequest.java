// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to read out of a campaign's results file.
 *
 * @param separator     the CSV delimiter, or null to detect it
 * @param control       the arm column's value of the control group
 * @param positive      the outcome value that means a response (case-insensitive)
 * @param valueColumn   a numeric value per customer (spend) to compare as a mean per customer
 * @param byColumn      a categorical column to break the readout down by, besides the whole file
 * @param idColumn      a customer identifier: never a balance covariate
 * @param drop          further columns left out of the balance check
 * @param expectedSplit the designed share of each arm in report order (the control first, then the other arms in
 *                      alphabetical order), any positive scale; empty means equal
 * @param replicates    bootstrap replicates of the value comparison
 * @param threads       threads for the bootstrap (the result does not depend on it)
 */
public record ReadoutRequest(Path file, Character separator, String armColumn, String control, String outcomeColumn,
                             String positive, Optional<String> valueColumn, Optional<String> byColumn,
                             Optional<String> idColumn, List<String> drop, Optional<List<Double>> expectedSplit, long seed,
                             int replicates, int threads) {
    /** Fewer and the 2.5 % and 97.5 % percentiles rest on a handful of replicates each. */
    public static final int MIN_REPLICATES = 100;

    public ReadoutRequest {
        Objects.requireNonNull(file, "file");
        requireName(armColumn, "arm column");
        requireName(control, "control value");
        requireName(outcomeColumn, "outcome column");
        requireName(positive, "positive value");
        control = control.strip();
        positive = positive.strip();
        drop = List.copyOf(drop);
        expectedSplit.ifPresent(shares -> shares.forEach(share -> {
            if (!(share > 0) || share.isInfinite()) {
                throw new IllegalArgumentException("expected split shares must be positive numbers, not " + share);
            }
        }));
        if (replicates < MIN_REPLICATES) {
            throw new IllegalArgumentException("replicates must be at least " + MIN_REPLICATES + ", not " + replicates);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
    }
}
