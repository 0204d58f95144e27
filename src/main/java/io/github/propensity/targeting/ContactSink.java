// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import java.util.List;

/** Receives a contact list: its column names once, then each contact in rank order. */
public interface ContactSink {
    void header(List<String> columns);

    /**
     * @param rank               1 for the best contact
     * @param probability        the task's probability as the scores file has it
     * @param clv                the CLV as the scores file has it
     * @param netValue           this contact's expected net value
     * @param cumulativeNetValue the expected net value of contacting everyone up to and including this one
     */
    void contact(long rank, String id, String probability, String clv, double netValue, double cumulativeNetValue);
}
