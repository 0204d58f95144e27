// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.training.Task;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named predictive segment: the bands each task must be in. A rule with no conditions takes everyone (the
 * catch-all); a rule naming a task that was not scored never matches.
 */
public record SegmentRule(String name, Map<Task, Set<Band>> when) {
    public SegmentRule {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("segment name '" + name + "' must be lower-case letters, digits and dashes");
        }
        Map<Task, Set<Band>> copy = new EnumMap<>(Task.class);
        for (Map.Entry<Task, Set<Band>> entry : when.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new IllegalArgumentException("segment '" + name + "' lists no band for " + entry.getKey());
            }
            copy.put(entry.getKey(), Set.copyOf(entry.getValue()));
        }
        when = java.util.Collections.unmodifiableMap(copy);
    }

    /** @param bands the customer's band per task (indexed by {@link Task#ordinal()}), null where not scored */
    public boolean matches(Band[] bands) {
        for (Map.Entry<Task, Set<Band>> condition : when.entrySet()) {
            Band band = bands[condition.getKey().ordinal()];
            if (band == null || !condition.getValue().contains(band)) {
                return false;
            }
        }
        return true;
    }

    public boolean isCatchAll() {
        return when.isEmpty();
    }
}
