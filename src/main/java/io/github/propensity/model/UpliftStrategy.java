// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an uplift model turns response classifiers into a customer's predicted uplift (the treated minus the untreated
 * response probability). Each needs its own classifiers; see {@link UpliftModel}.
 */
public enum UpliftStrategy {
    /** T-learner: one classifier on the treated customers, one on the control; uplift = p_treated(x) - p_control(x). */
    TWO_MODEL("two-model", "two models (T-learner)"),
    /**
     * S-learner: one classifier on everyone with the treatment as an extra 0/1 feature and its products with every
     * feature (Lo 2002); uplift = p(x, 1) - p(x, 0).
     */
    SINGLE_MODEL("single-model", "one model with the treatment as a feature (S-learner)"),
    /**
     * Class transformation (Jaskowski and Jaroszewicz 2012): one classifier of z = 1 for treated responders and
     * untreated non-responders, trained with the arms weighted to equal totals, so uplift = 2 P(z = 1 | x) - 1 holds
     * whatever the share treated.
     */
    CLASS_TRANSFORMATION("class-transformation", "class transformation");

    private final String id;
    private final String description;

    UpliftStrategy(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static UpliftStrategy of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown uplift strategy '" + id + "'"));
    }
}
