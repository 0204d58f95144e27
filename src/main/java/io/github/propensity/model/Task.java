// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Locale;

/** The propensities the product models. The task names where a model is stored and what it is called. */
public enum Task {
    CHURN("churn", "likely to leave"),
    PURCHASE("purchase", "likely to buy"),
    CONVERSION("conversion", "likely to convert from free to paid");

    private final String id;
    private final String meaning;

    Task(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    /** Parses a task name as users type it. */
    public static Task parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Task task : values()) {
            if (task.id.equals(wanted)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + text + "'; expected churn, purchase or conversion");
    }

    @Override
    public String toString() {
        return id;
    }
}
