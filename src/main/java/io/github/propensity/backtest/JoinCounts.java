// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

/**
 * How the outcomes met the snapshot: counts only, never ids.
 *
 * @param outcomeRows                     records in the outcomes file
 * @param unlabelledOutcomes              records whose outcome cell was empty (or NA, null...): no outcome yet
 * @param outcomesWithoutId               records whose id cell was empty
 * @param repeatedOutcomeIds              records repeating the id of an earlier record; the first one counts
 * @param outcomesNotInSnapshot           distinct labelled customers the snapshot did not score
 * @param snapshotCustomers               customers in the snapshot's scores file
 * @param snapshotCustomersWithoutOutcome scored customers the outcomes file has no label for
 * @param matched                         customers with both a score and an outcome: the rows measured
 */
public record JoinCounts(long outcomeRows, long unlabelledOutcomes, long outcomesWithoutId, long repeatedOutcomeIds,
                         long outcomesNotInSnapshot, long snapshotCustomers, long snapshotCustomersWithoutOutcome, long matched) {
    public JoinCounts {
        if (outcomeRows < 0 || unlabelledOutcomes < 0 || outcomesWithoutId < 0 || repeatedOutcomeIds < 0
                || outcomesNotInSnapshot < 0 || snapshotCustomers < 0 || snapshotCustomersWithoutOutcome < 0 || matched < 0) {
            throw new IllegalArgumentException("join counts are never negative");
        }
        if (matched + snapshotCustomersWithoutOutcome != snapshotCustomers) {
            throw new IllegalArgumentException("every snapshot customer is matched or without an outcome");
        }
        if (matched + outcomesNotInSnapshot + repeatedOutcomeIds + unlabelledOutcomes + outcomesWithoutId != outcomeRows) {
            throw new IllegalArgumentException("every outcome record is matched, not in the snapshot, repeated, unlabelled or without an id");
        }
    }
}
