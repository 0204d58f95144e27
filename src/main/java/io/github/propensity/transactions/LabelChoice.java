// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

/** Which horizon labels to compute: none when building features to score today, before the future exists. */
public enum LabelChoice {
    PURCHASE, CHURN, BOTH, NONE;

    public boolean purchase() {
        return this == PURCHASE || this == BOTH;
    }

    public boolean churn() {
        return this == CHURN || this == BOTH;
    }
}
