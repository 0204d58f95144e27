// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which value model gave one cut-off's value columns, for the feature file's metadata.
 *
 * @param source     {@code fitted at the as-of date} or the published version used
 * @param parameters r, alpha, a, b, p, q, gamma
 */
public record ValueAtCutoff(LocalDate asOf, String source, LocalDate calibrationEnd, Map<String, Double> parameters) {
    public ValueAtCutoff {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
