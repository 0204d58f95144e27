// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.Task;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What a segment rule asks of a customer's value band (read from the base's CLV against the value model).
 * Whether a run has value bands at all is known once per run, before any row: {@link SegmentRule#forRun} turns
 * {@link BandsOrElse} into the rule that run applies, so one list of rules serves bases with and without value.
 */
public sealed interface ValueCondition {
    /** Whether a customer with this value band (null: none) meets the condition. */
    boolean admits(Band valueBand);

    /** The rule does not look at value. */
    record Any() implements ValueCondition {
        @Override
        public boolean admits(Band valueBand) {
            return true;
        }
    }

    /** The customer's value band must be one of {@code bands}; a customer without a value band never matches. */
    record Bands(Set<Band> bands) implements ValueCondition {
        public Bands {
            if (bands.isEmpty()) {
                throw new IllegalArgumentException("a value condition lists at least one band");
            }
            bands = Set.copyOf(bands);
        }

        @Override
        public boolean admits(Band valueBand) {
            return valueBand != null && bands.contains(valueBand);
        }
    }

    /**
     * As {@link Bands} in a run with value bands; in a run without them the rule's task conditions are
     * {@code withoutValue} instead (the built-in at-risk-high-value falls back to the purchase band as its proxy).
     */
    record BandsOrElse(Set<Band> bands, Map<Task, Set<Band>> withoutValue) implements ValueCondition {
        public BandsOrElse {
            if (bands.isEmpty()) {
                throw new IllegalArgumentException("a value condition lists at least one band");
            }
            bands = Set.copyOf(bands);
            Map<Task, Set<Band>> copy = new EnumMap<>(Task.class);
            withoutValue.forEach((task, allowed) -> copy.put(task, Set.copyOf(allowed)));
            withoutValue = Collections.unmodifiableMap(copy);
        }

        /** Read before {@link SegmentRule#forRun} resolved it: the run is taken to have value bands. */
        @Override
        public boolean admits(Band valueBand) {
            return valueBand != null && bands.contains(valueBand);
        }
    }
}
