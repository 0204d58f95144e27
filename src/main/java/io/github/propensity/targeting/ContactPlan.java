// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.scoring.SnapshotScores;

import java.util.ArrayList;
import java.util.List;

/**
 * A targeting run after its first pass: the summary and profit curve, and what the second pass needs to write the
 * contact list (where the scores are, how a row gives its value, and the net value at or above which a customer can
 * be listed).
 */
public final class ContactPlan {
    private final TargetingSummary summary;
    private final List<CurvePoint> curve;
    private final List<String> columns;
    final TargetingRequest request;
    final SnapshotScores scores;
    /** Where the customer id is in a row of {@link #scores}. */
    final int idColumn;
    final GainReader gains;
    /** Customers on the list. */
    final long contacts;
    /** The lowest net value on the list; rows below it are never read into the list. */
    final double lowestListed;

    ContactPlan(TargetingSummary summary, List<CurvePoint> curve, TargetingRequest request, SnapshotScores scores, List<String> header,
                int idColumn, GainReader gains, long contacts, double lowestListed) {
        this.summary = summary;
        this.curve = List.copyOf(curve);
        this.request = request;
        this.scores = scores;
        this.idColumn = idColumn;
        this.gains = gains;
        this.contacts = contacts;
        this.lowestListed = lowestListed;
        List<String> names = new ArrayList<>(List.of("rank", header.get(idColumn)));
        for (int position : gains.listed()) {
            names.add(header.get(position));
        }
        names.addAll(List.of("expected_net_value", "cumulative_expected_net_value"));
        this.columns = List.copyOf(names);
    }

    public TargetingSummary summary() {
        return summary;
    }

    public List<CurvePoint> curve() {
        return curve;
    }

    /**
     * The list's columns: rank, the snapshot's id column, the task's probability, clv, with uplift the campaign's
     * uplift and group, and the net values.
     */
    public List<String> columns() {
        return columns;
    }
}
