// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code models list}. {@code problem} is set when the bundle cannot be read (and the card is then
 * {@link CardSummary#unreadable()}).
 */
public record BundleSummary(String task, String version, boolean current, Instant createdAt, CardSummary card,
                            String problem) {
    public BundleSummary {
        Objects.requireNonNull(card, "card");
    }
}
