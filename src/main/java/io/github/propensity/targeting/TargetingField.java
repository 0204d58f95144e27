// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

/** A targeting setting a failure can blame, by its neutral name; each front end spells it its own way. */
public enum TargetingField {
    SNAPSHOT("snapshot"),
    TASK("task"),
    OFFER_COST("offer_cost"),
    SAVE_RATE("save_rate"),
    UPLIFT("uplift"),
    UPLIFT_OUTCOME("uplift_outcome"),
    BUDGET("budget"),
    MAX_CUSTOMERS("max_customers"),
    LIMIT("limit");

    private final String key;

    TargetingField(String key) {
        this.key = key;
    }

    /** The setting as the API's JSON body spells it. */
    public String key() {
        return key;
    }
}
