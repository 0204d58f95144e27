// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.data.RecordSource;
import io.github.propensity.model.UpliftGroup;
import io.github.propensity.scoring.SnapshotScores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Ranks a snapshot's customers by the expected net value of contacting them and cuts the ranking where it pays.
 * Pass one reads the scores file keeping one number per customer (their net value, 8 bytes, filed under their
 * uplift group), sorts those numbers and reads the profit curve and both cut-offs off them: tied customers add the
 * same to any prefix, so the curve needs no ids. Pass two reads the file again and ranks only the customers at or
 * above the last listed value, through {@link RankedContacts}, so the list itself never sits in memory.
 */
public final class ContactPlanner {
    private static final Logger log = LoggerFactory.getLogger(ContactPlanner.class);
    /** Contacts a list holds in memory at most before sorting runs on disk: about 15 MB. */
    static final int ROWS_IN_MEMORY = 100_000;
    /** The curve has a point every 1 % of the customers valued, plus the cut-offs. */
    static final int CURVE_STEPS = 100;

    private final Path spillRoot;
    private final int rowsInMemory;

    public ContactPlanner() {
        this(Path.of(System.getProperty("java.io.tmpdir")), ROWS_IN_MEMORY);
    }

    ContactPlanner(Path spillRoot, int rowsInMemory) {
        this.spillRoot = spillRoot;
        this.rowsInMemory = rowsInMemory;
    }

    /**
     * Pass one over a snapshot: summary, profit curve and cut-offs.
     *
     * @throws TargetingInputException when the snapshot lacks a column the request needs, or holds an uplift that
     *                                 cannot be one
     */
    public ContactPlan plan(Path snapshot, TargetingRequest asked) {
        TargetingRequest request = CampaignDirection.resolve(snapshot, asked);
        SnapshotScores scores = scoresOf(snapshot);
        long start = System.nanoTime();
        try (RecordSource reader = scores.open()) {
            List<String> header = reader.header();
            int id = scores.idIndex(header);
            GainReader gains = GainReader.of(request.effect(), request.task(), header, scores.file());
            ValuedCustomers valued = new ValuedCustomers(request.effect() instanceof ContactEffect.Uplift ? UpliftGroup.values().length : 1);
            long rows = 0;
            long harmed = 0;
            String[] fields;
            while ((fields = reader.next()) != null) {
                rows++;
                double gain = gains.gain(fields, reader.lineNumber());
                if (Double.isNaN(gain)) {
                    continue;
                }
                if (gain < 0) {
                    harmed++;
                }
                valued.add(gains.group(fields), gain - request.offerCost());
            }
            valued.sort();
            ContactPlan plan = plan(snapshot, request, scores, header, id, gains, valued, rows, harmed);
            log.info("targeting {} by {} over snapshot {}: {} of {} customers valued, {} worth contacting, {} listed ({} ms)",
                    request.task(), request.effect().method(), snapshot.getFileName(), valued.count(), rows,
                    plan.summary().customersWorthContacting(), plan.contacts, (System.nanoTime() - start) / 1_000_000);
            return plan;
        }
    }

    /** Pass two: hands the {@code limit} best contacts of the plan's list to {@code sink}, in rank order. */
    public void writeList(ContactPlan plan, long limit, ContactSink sink) {
        long listed = Math.min(limit, plan.contacts);
        sink.header(plan.columns());
        if (listed == 0) {
            return;
        }
        int[] cells = plan.gains.listed();
        try (RecordSource reader = plan.scores.open();
             RankedContacts ranked = new RankedContacts(rowsInMemory, cells.length, spillRoot)) {
            String[] fields;
            while ((fields = reader.next()) != null) {
                double value = plan.gains.gain(fields, reader.lineNumber()) - plan.request.offerCost();
                if (value >= plan.lowestListed) {
                    ranked.add(value, fields[plan.idColumn], fields, cells);
                }
            }
            long[] rank = {0};
            double[] cumulative = {0};
            ranked.emit(listed, (value, id, row) -> {
                cumulative[0] += value;
                sink.contact(++rank[0], id, row, value, cumulative[0]);
            });
        }
    }

    /**
     * The curve and cut-offs from the valued customers' net values. The cumulative net value rises while values are
     * above 0 and falls after, so its maximum is at the number of customers worth contacting (the fewest such
     * customers when the remaining values are 0); customers with negative values (with uplift, those the contact
     * harms fall below -offer cost) only ever lower it.
     */
    private ContactPlan plan(Path snapshot, TargetingRequest request, SnapshotScores scores, List<String> header, int idColumn,
                             GainReader gains, ValuedCustomers valued, long rows, long harmed) {
        long count = valued.count();
        long worthContacting = valued.countAbove(0);
        boolean limited = !(request.limit() instanceof ContactLimit.None);
        long budgetCutoff = request.limit().cutoff(request.offerCost(), count);
        long contacts = Math.min(worthContacting, budgetCutoff);
        TreeSet<Long> at = new TreeSet<>(List.of(0L, count, worthContacting, contacts));
        if (limited) {
            at.add(budgetCutoff);
        }
        long step = Math.max(1, (count + CURVE_STEPS - 1) / CURVE_STEPS);
        for (long k = step; k < count; k += step) {
            at.add(k);
        }
        List<CurvePoint> curve = new ArrayList<>(at.size());
        // Summed in rank order, as the list sums its cumulative column, so the two agree to the bit.
        ValuedCustomers.Cursor ranked = valued.descending();
        double net = 0;
        double lowestListed = Double.POSITIVE_INFINITY;
        long k = 0;
        for (long point : at) {
            for (; k < point; k++) {
                double value = ranked.next();
                net += value;
                if (k == contacts - 1) {
                    lowestListed = value;
                }
            }
            double cost = point * request.offerCost();
            curve.add(new CurvePoint(point, net, net + cost, cost));
        }
        TargetingSummary.UpliftTargeting uplift = request.effect() instanceof ContactEffect.Uplift campaign
                ? upliftCounts(campaign, valued, contactedByGroup(valued, contacts, lowestListed, scores, gains, request), harmed)
                : null;
        TargetingSummary summary = new TargetingSummary(snapshot.getFileName().toString(), request.task().id(),
                request.effect().method(), TargetingFormula.formula(request), TargetingFormula.assumptions(request),
                request.offerCost(), request.effect() instanceof ContactEffect.SaveRate rate ? rate.rate() : null, uplift,
                request.limit() instanceof ContactLimit.Budget budget ? budget.amount() : null,
                request.limit() instanceof ContactLimit.MaxCustomers max ? max.count() : null,
                rows, count, rows - count, worthContacting, cutoff(curve, worthContacting),
                limited ? cutoff(curve, budgetCutoff) : null, cutoff(curve, contacts));
        return new ContactPlan(summary, curve, request, scores, header, idColumn, gains, contacts, lowestListed);
    }

    /**
     * The listed customers per group: every value above the lowest listed, and of the customers tied at it the first
     * ones in the file, as the list takes them. Only when that tie spans groups and the cut falls inside it does the
     * file's order matter, and only then is the file read again.
     */
    private long[] contactedByGroup(ValuedCustomers valued, long contacts, double lowestListed, SnapshotScores scores, GainReader gains,
                                    TargetingRequest request) {
        long[] contacted = new long[valued.groups()];
        if (contacts == 0) {
            return contacted;
        }
        long[] tied = new long[valued.groups()];
        long above = 0;
        long tiedGroups = 0;
        long allTied = 0;
        for (int group = 0; group < contacted.length; group++) {
            contacted[group] = valued.countAbove(group, lowestListed);
            above += contacted[group];
            tied[group] = valued.countEqual(group, lowestListed);
            allTied += tied[group];
            tiedGroups += tied[group] > 0 ? 1 : 0;
        }
        long tiesListed = contacts - above;
        if (tiesListed == allTied || tiedGroups == 1) {
            for (int group = 0; group < contacted.length; group++) {
                if (tied[group] > 0) {
                    contacted[group] += tiedGroups == 1 ? tiesListed : tied[group];
                }
            }
            return contacted;
        }
        try (RecordSource reader = scores.open()) {
            String[] fields;
            while (tiesListed > 0 && (fields = reader.next()) != null) {
                if (gains.gain(fields, reader.lineNumber()) - request.offerCost() == lowestListed) {
                    contacted[gains.group(fields)]++;
                    tiesListed--;
                }
            }
        }
        return contacted;
    }

    private static TargetingSummary.UpliftTargeting upliftCounts(ContactEffect.Uplift campaign, ValuedCustomers valued,
                                                                 long[] contacted, long harmed) {
        Map<String, Long> valuedByGroup = new LinkedHashMap<>();
        Map<String, Long> contactedByGroup = new LinkedHashMap<>();
        for (UpliftGroup group : UpliftGroup.values()) {
            valuedByGroup.put(group.label(), valued.count(group.ordinal()));
            contactedByGroup.put(group.label(), contacted[group.ordinal()]);
        }
        int dogs = UpliftGroup.SLEEPING_DOGS.ordinal();
        return new TargetingSummary.UpliftTargeting(campaign.campaign(), campaign.outcome().id(), valuedByGroup, contactedByGroup,
                valued.count(dogs) - contacted[dogs], harmed);
    }

    private static TargetingSummary.Cutoff cutoff(List<CurvePoint> curve, long customers) {
        return curve.stream().filter(point -> point.customers() == customers).findFirst().map(TargetingSummary.Cutoff::of)
                .orElseThrow(() -> new IllegalStateException("every cut-off is a point of the curve"));
    }

    private static SnapshotScores scoresOf(Path snapshot) {
        if (SnapshotScores.find(snapshot).isEmpty()) {
            throw new TargetingInputException(TargetingField.SNAPSHOT, snapshot + " is not a snapshot: it has no scores file ("
                    + String.join(", ", SnapshotScores.NAMES) + ")");
        }
        return SnapshotScores.of(snapshot);
    }
}
