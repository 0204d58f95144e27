// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.Persona;
import io.github.propensity.model.Task;
import io.github.propensity.model.UpliftGroup;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.ArrayList;

/**
 * Band cut-offs, value band cut-offs and the ordered segment rules. The first matching rule is a customer's primary
 * segment and the last rule must take everyone, so every customer lands in exactly one segment.
 */
public record SegmentPolicy(BandCutoffs bands, ValueBandCutoffs valueBands, List<SegmentRule> rules) {
    /** A customer's segment is kept in one byte while a base is scored. */
    public static final int MAX_SEGMENTS = 256;

    /** Rules with the default value band cut-offs. */
    public SegmentPolicy(BandCutoffs bands, List<SegmentRule> rules) {
        this(bands, ValueBandCutoffs.DEFAULT, rules);
    }

    public SegmentPolicy {
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(valueBands, "valueBands");
        rules = List.copyOf(rules);
        if (rules.isEmpty() || !rules.get(rules.size() - 1).isCatchAll()) {
            throw new IllegalArgumentException("the last segment rule must have no conditions, so that every customer has a segment");
        }
        if (rules.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException(rules.size() + " segment rules; at most " + MAX_SEGMENTS + " are supported");
        }
        Set<String> names = new HashSet<>();
        for (SegmentRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("segment '" + rule.name() + "' is defined twice");
            }
        }
    }

    /**
     * The defaults, most urgent first: retention before acquisition, so a customer at risk is never filed as
     * merely ready to buy. High value means the high value band where the base carries a CLV that a value model
     * bands; without one, a high or medium purchase band stands in for it, as it did before value models existed.
     */
    public static SegmentPolicy defaults() {
        return new SegmentPolicy(BandCutoffs.DEFAULT, List.of(
                new SegmentRule("at-risk-high-value", Map.of(Task.CHURN, Set.of(Band.HIGH)),
                        new ValueCondition.BandsOrElse(Set.of(Band.HIGH),
                                Map.of(Task.CHURN, Set.of(Band.HIGH), Task.PURCHASE, EnumSet.of(Band.HIGH, Band.MEDIUM))),
                        Map.of()),
                new SegmentRule("at-risk", Map.of(Task.CHURN, Set.of(Band.HIGH))),
                new SegmentRule("likely-to-convert", Map.of(Task.CONVERSION, Set.of(Band.HIGH))),
                new SegmentRule("ready-to-buy", Map.of(Task.PURCHASE, Set.of(Band.HIGH))),
                new SegmentRule("dormant", Map.of(Task.CHURN, Set.of(Band.MEDIUM), Task.PURCHASE, Set.of(Band.LOW))),
                new SegmentRule("loyal", Map.of(Task.CHURN, Set.of(Band.LOW), Task.PURCHASE, EnumSet.of(Band.MEDIUM, Band.HIGH))),
                new SegmentRule("steady", Map.of())));
    }

    /** Input columns the rules read, in order of first use. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (SegmentRule rule : rules) {
            for (String column : rule.where().keySet()) {
                if (!columns.contains(column)) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    /** Whether any rule reads value bands (so a run without them applies some rule differently or never). */
    public boolean readsValue() {
        return rules.stream().anyMatch(SegmentRule::readsValue);
    }

    /** Campaigns whose uplift groups the rules read, in order of first use. */
    public List<String> campaigns() {
        List<String> campaigns = new ArrayList<>();
        for (SegmentRule rule : rules) {
            for (String campaign : rule.uplift().keySet()) {
                if (!campaigns.contains(campaign)) {
                    campaigns.add(campaign);
                }
            }
        }
        return campaigns;
    }

    /**
     * The rules bound to an input header, for a run without value bands or uplift (as scoring one customer on the
     * server, which scores no campaign: a rule on an uplift group matches nobody there).
     *
     * @throws IllegalArgumentException naming a rule column the header lacks
     */
    public Bound bind(List<String> header) {
        return bind(header, false, List.of(), false, List.of());
    }

    /** As {@link #bind(List, boolean, List)} for a run that scores no campaign; a rule on an uplift group matches nobody. */
    public Bound bind(List<String> header, boolean valueBanded) {
        return bind(header, valueBanded, List.of(), false, List.of());
    }

    /**
     * The rules bound to an input header, as a rescoring run with or without value bands applies them
     * ({@link SegmentRule#forRun}), scoring the campaigns {@code scoredCampaigns} (their slots in the groups passed
     * to {@link Bound#segmentOf}).
     *
     * @throws IllegalArgumentException naming a rule column the header lacks, or a rule's campaign the run does not score
     */
    public Bound bind(List<String> header, boolean valueBanded, List<String> scoredCampaigns) {
        return bind(header, valueBanded, scoredCampaigns, true, List.of());
    }

    /**
     * As {@link #bind(List, boolean, List)} in a run that assigns {@code personas} (in slot order; empty when it
     * assigns none). A rule's persona is matched by id, else by name ignoring case.
     *
     * @throws IllegalArgumentException also naming a rule's persona the model does not have, or any persona
     *                                  condition in a run without personas
     */
    public Bound bind(List<String> header, boolean valueBanded, List<String> scoredCampaigns, List<Persona> personas) {
        return bind(header, valueBanded, scoredCampaigns, true, personas);
    }

    /**
     * The rules bound for one customer on the server, which assigns {@code personas} (empty without a persona
     * model: a rule on a persona then matches nobody) and scores no campaign.
     */
    public Bound bindServing(List<String> header, List<Persona> personas) {
        return bind(header, false, List.of(), false, personas);
    }

    private Bound bind(List<String> header, boolean valueBanded, List<String> scoredCampaigns, boolean campaignsRequired,
                       List<Persona> personas) {
        List<SegmentRule> applied = rules.stream().map(rule -> rule.forRun(valueBanded)).toList();
        int[][] positions = new int[rules.size()][];
        int[][] campaignSlots = new int[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            List<String> columns = List.copyOf(rules.get(r).where().keySet());
            positions[r] = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                positions[r][c] = header.indexOf(columns.get(c));
                if (positions[r][c] < 0) {
                    throw new IllegalArgumentException("segment '" + rules.get(r).name() + "' reads column '" + columns.get(c)
                            + "', which the input does not have");
                }
            }
            List<String> campaigns = List.copyOf(rules.get(r).uplift().keySet());
            campaignSlots[r] = new int[campaigns.size()];
            for (int k = 0; k < campaigns.size(); k++) {
                campaignSlots[r][k] = scoredCampaigns.indexOf(campaigns.get(k));
                if (campaignSlots[r][k] < 0 && campaignsRequired) {
                    throw new IllegalArgumentException("segment '" + rules.get(r).name() + "' reads the uplift group of campaign '"
                            + campaigns.get(k) + "', which this run does not score (" + (scoredCampaigns.isEmpty() ? "it scores no campaign"
                            : "it scores " + String.join(", ", scoredCampaigns)) + "); train one with: propensity uplift train --campaign "
                            + campaigns.get(k) + " ..., or name it with --uplift");
                }
            }
        }
        return new Bound(applied, positions, campaignSlots, personaSlots(personas, campaignsRequired));
    }

    /** [rule][persona slot] whether the rule admits the persona; null for a rule without a persona condition. */
    private boolean[][] personaSlots(List<Persona> personas, boolean personasRequired) {
        boolean[][] admitted = new boolean[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            SegmentRule rule = rules.get(r);
            if (rule.persona().isEmpty()) {
                continue;
            }
            admitted[r] = new boolean[personas.size()];
            if (personas.isEmpty()) {
                if (personasRequired) {
                    throw new IllegalArgumentException("segment '" + rule.name() + "' reads the persona, and this run assigns none"
                            + " (no current persona model, --no-personas, or the base lacks its columns); fit one with: propensity personas fit");
                }
                continue;
            }
            for (String wanted : rule.persona()) {
                int slot = slotOf(personas, wanted);
                if (slot < 0) {
                    throw new IllegalArgumentException("segment '" + rule.name() + "' reads persona '" + wanted
                            + "', which the persona model does not have; its personas are "
                            + String.join(", ", personas.stream().map(p -> p.id() + " (" + p.name() + ")").toList()));
                }
                admitted[r][slot] = true;
            }
        }
        return admitted;
    }

    private static int slotOf(List<Persona> personas, String wanted) {
        for (int p = 0; p < personas.size(); p++) {
            if (Integer.toString(personas.get(p).id()).equals(wanted)) {
                return p;
            }
        }
        for (int p = 0; p < personas.size(); p++) {
            if (personas.get(p).name().equalsIgnoreCase(wanted)) {
                return p;
            }
        }
        return -1;
    }

    /** Segment rules as one run applies them, with their columns' positions in its input header. */
    public static final class Bound {
        private static final String[] NO_VALUES = new String[0];
        private static final UpliftGroup[] NO_GROUPS = new UpliftGroup[0];

        private final List<SegmentRule> applied;
        private final int[][] positions;
        /** [rule][campaign of the rule] the campaign's slot in the run, -1 where the run does not score it. */
        private final int[][] campaignSlots;
        /** [rule][persona slot] whether the rule admits the persona; null for a rule without a persona condition. */
        private final boolean[][] personaSlots;

        private Bound(List<SegmentRule> applied, int[][] positions, int[][] campaignSlots, boolean[][] personaSlots) {
            this.applied = applied;
            this.personaSlots = personaSlots;
            this.positions = positions;
            this.campaignSlots = campaignSlots;
        }

        /** Index of the customer's primary segment in {@link SegmentPolicy#rules()}, for a customer without a value band. */
        public int segmentOf(Band[] bandsByTask, String[] fields) {
            return segmentOf(bandsByTask, null, fields, NO_GROUPS, -1);
        }

        /** As {@link #segmentOf(Band[], Band, String[], UpliftGroup[], int)} for a customer without uplift groups. */
        public int segmentOf(Band[] bandsByTask, Band valueBand, String[] fields) {
            return segmentOf(bandsByTask, valueBand, fields, NO_GROUPS, -1);
        }

        /**
         * Index of the customer's primary segment in {@link SegmentPolicy#rules()}.
         *
         * @param valueBand      the customer's value band, null when they have none
         * @param groupsBySlot   the customer's uplift group per campaign slot of the run ({@link #bind(List, boolean, List)})
         * @param personaSlot    the customer's persona slot, -1 when the run assigns none (a persona rule then never matches)
         */
        public int segmentOf(Band[] bandsByTask, Band valueBand, String[] fields, UpliftGroup[] groupsBySlot, int personaSlot) {
            for (int r = 0; r < applied.size(); r++) {
                boolean[] personas = personaSlots[r];
                if (personas != null && (personaSlot < 0 || personaSlot >= personas.length || !personas[personaSlot])) {
                    continue;
                }
                String[] values = positions[r].length == 0 ? NO_VALUES : new String[positions[r].length];
                for (int c = 0; c < values.length; c++) {
                    values[c] = fields[positions[r][c]];
                }
                UpliftGroup[] groups = campaignSlots[r].length == 0 ? NO_GROUPS : new UpliftGroup[campaignSlots[r].length];
                for (int k = 0; k < groups.length; k++) {
                    int slot = campaignSlots[r][k];
                    groups[k] = slot < 0 ? null : groupsBySlot[slot];
                }
                if (applied.get(r).matches(bandsByTask, valueBand, values, groups)) {
                    return r;
                }
            }
            throw new IllegalStateException("the catch-all rule always matches");
        }
    }

    public List<String> names() {
        return rules.stream().map(SegmentRule::name).toList();
    }
}
