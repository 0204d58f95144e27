// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import java.util.List;

/** Receives a contact list: its column names once, then each contact in rank order. */
public interface ContactSink {
    void header(List<String> columns);

    /**
     * @param rank               1 for the best contact
     * @param cells              the snapshot's cells between the id and the net values, as the scores file has them
     *                           (the task's probability, clv and, with uplift, the uplift and group); the array is
     *                           reused for the next contact, so copy what you keep
     * @param netValue           this contact's expected net value
     * @param cumulativeNetValue the expected net value of contacting everyone up to and including this one
     */
    void contact(long rank, String id, String[] cells, double netValue, double cumulativeNetValue);
}
