// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import java.util.List;

/**
 * One customer's score for one task.
 *
 * @param percentile share (0-100) of the model's reference population scoring at or below this customer
 */
public record CustomerScore(String task, double probability, long score, double percentile, String band,
                            List<String> reasons, String modelVersion) {
    public CustomerScore {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0-1");
        }
        reasons = List.copyOf(reasons);
    }
}
