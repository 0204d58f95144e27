// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.Task;
import io.github.propensity.model.UpliftGroup;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;

/**
 * A named predictive segment: the bands each task must be in ({@code when}), optionally the value band
 * ({@code value}) and values input columns must hold ({@code where}, e.g. {@code plan} in {@code free} so that only
 * free-plan customers can be likely to convert) and the uplift group of campaigns ({@code uplift}, e.g.
 * {@code winback-email} in {@code persuadables}) and the persona ({@code persona}, ids or names of the current persona
 * model; checked against the model when the rules are bound). A rule with no conditions takes everyone (the catch-all); a rule
 * naming a task that was not scored, or value for a customer without a value band, never matches; a rescoring run
 * refuses a rule on a campaign it does not score ({@link SegmentPolicy#bind(List, boolean, List)}). Column values
 * are compared trimmed and ignoring case.
 */
public record SegmentRule(String name, Map<Task, Set<Band>> when, ValueCondition value, Map<String, Set<String>> where,
                          Map<String, Set<UpliftGroup>> uplift, Set<String> persona) {
    private static final List<Task> TASKS = List.of(Task.values());
    private static final UpliftGroup[] NO_GROUPS = new UpliftGroup[0];

    /** A rule that reads no persona. */
    public SegmentRule(String name, Map<Task, Set<Band>> when, ValueCondition value, Map<String, Set<String>> where,
                       Map<String, Set<UpliftGroup>> uplift) {
        this(name, when, value, where, uplift, Set.of());
    }

    /** A rule that reads no uplift group. */
    public SegmentRule(String name, Map<Task, Set<Band>> when, ValueCondition value, Map<String, Set<String>> where) {
        this(name, when, value, where, Map.of());
    }

    public SegmentRule(String name, Map<Task, Set<Band>> when) {
        this(name, when, new ValueCondition.Any(), Map.of());
    }

    public SegmentRule(String name, Map<Task, Set<Band>> when, Map<String, Set<String>> where) {
        this(name, when, new ValueCondition.Any(), where);
    }

    public SegmentRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
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
        when = Collections.unmodifiableMap(copy);
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> entry : where.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new IllegalArgumentException("segment '" + name + "' lists no value for column " + entry.getKey());
            }
            Set<String> values = new HashSet<>();
            for (String allowed : entry.getValue()) {
                values.add(allowed.strip().toLowerCase(Locale.ROOT));
            }
            columns.put(entry.getKey(), Set.copyOf(values));
        }
        where = Collections.unmodifiableMap(columns);
        Map<String, Set<UpliftGroup>> campaigns = new LinkedHashMap<>();
        for (Map.Entry<String, Set<UpliftGroup>> entry : uplift.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new IllegalArgumentException("segment '" + name + "' lists no uplift group for campaign " + entry.getKey());
            }
            campaigns.put(entry.getKey(), Collections.unmodifiableSet(EnumSet.copyOf(entry.getValue())));
        }
        uplift = Collections.unmodifiableMap(campaigns);
        Set<String> personas = new LinkedHashSet<>();
        for (String wanted : persona) {
            if (wanted.isBlank()) {
                throw new IllegalArgumentException("segment '" + name + "' lists an empty persona");
            }
            personas.add(wanted.strip());
        }
        persona = Collections.unmodifiableSet(personas);
    }

    /**
     * The rule a run applies: a {@link ValueCondition.BandsOrElse} becomes its value condition in a run with value
     * bands and its {@code withoutValue} task conditions in a run without; any other rule stays as it is.
     */
    public SegmentRule forRun(boolean valueBanded) {
        if (value instanceof ValueCondition.BandsOrElse fallback) {
            return valueBanded ? new SegmentRule(name, when, new ValueCondition.Bands(fallback.bands()), where, uplift, persona)
                    : new SegmentRule(name, fallback.withoutValue(), new ValueCondition.Any(), where, uplift, persona);
        }
        return this;
    }

    /**
     * @param bands        the customer's band per task (indexed by {@link Task#ordinal()}), null where not scored
     * @param valueBand    the customer's value band, null when the customer has none (no CLV, or no value model)
     * @param columnValues the customer's values of this rule's {@code where} columns, in the map's order
     */
    public boolean matches(Band[] bands, Band valueBand, String[] columnValues) {
        return matches(bands, valueBand, columnValues, NO_GROUPS);
    }

    /**
     * As {@link #matches(Band[], Band, String[])}, with the customer's uplift groups.
     *
     * @param campaignGroups the customer's group for each campaign of {@code uplift}, in the map's order; null where
     *                       the campaign was not scored, which never matches
     */
    public boolean matches(Band[] bands, Band valueBand, String[] columnValues, UpliftGroup[] campaignGroups) {
        if (!uplift.isEmpty()) {
            int campaign = 0;
            for (Set<UpliftGroup> allowed : uplift.values()) {
                UpliftGroup group = campaign < campaignGroups.length ? campaignGroups[campaign] : null;
                campaign++;
                if (group == null || !allowed.contains(group)) {
                    return false;
                }
            }
        }
        if (!value.admits(valueBand)) {
            return false;
        }
        // By task rather than over when.entrySet(): this runs for every customer, and the entry iterator allocates.
        for (Task task : TASKS) {
            Set<Band> allowed = when.get(task);
            if (allowed != null && (bands[task.ordinal()] == null || !allowed.contains(bands[task.ordinal()]))) {
                return false;
            }
        }
        if (where.isEmpty()) {
            return true;
        }
        int column = 0;
        for (Set<String> allowed : where.values()) {
            if (!allowed.contains(columnValues[column++].strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the rule reads value bands in some run. */
    public boolean readsValue() {
        return !(value instanceof ValueCondition.Any);
    }

    public boolean isCatchAll() {
        return when.isEmpty() && where.isEmpty() && uplift.isEmpty() && persona.isEmpty() && !readsValue();
    }
}
