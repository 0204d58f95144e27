// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import java.nio.file.Path;
import java.util.List;

/**
 * A targeting run after its first pass: the summary and profit curve, and what the second pass needs to write the
 * contact list (where the scores are, their columns, and the net value at or above which a customer can be listed).
 */
public final class ContactPlan {
    private final TargetingSummary summary;
    private final List<CurvePoint> curve;
    final TargetingRequest request;
    final Path scores;
    final String idColumn;
    final int probabilityColumn;
    final int clvColumn;
    /** Customers on the list. */
    final long contacts;
    /** The lowest net value on the list; rows below it are never read into the list. */
    final double lowestListed;

    ContactPlan(TargetingSummary summary, List<CurvePoint> curve, TargetingRequest request, Path scores, String idColumn,
                int probabilityColumn, int clvColumn, long contacts, double lowestListed) {
        this.summary = summary;
        this.curve = List.copyOf(curve);
        this.request = request;
        this.scores = scores;
        this.idColumn = idColumn;
        this.probabilityColumn = probabilityColumn;
        this.clvColumn = clvColumn;
        this.contacts = contacts;
        this.lowestListed = lowestListed;
    }

    public TargetingSummary summary() {
        return summary;
    }

    public List<CurvePoint> curve() {
        return curve;
    }

    /** The list's columns: rank, the snapshot's id column, the task's probability, clv and the net values. */
    public List<String> columns() {
        return List.of("rank", idColumn, request.task().id() + "_probability", "clv", "expected_net_value", "cumulative_expected_net_value");
    }
}
