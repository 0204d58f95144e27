// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/** Where a rescoring run's scored rows go, one at a time and in input order within a batch. */
@FunctionalInterface
public interface ScoredRowSink {
    /** Takes one scored customer; {@code row} is rewritten after this returns. */
    void accept(ScoredRow row);
}
