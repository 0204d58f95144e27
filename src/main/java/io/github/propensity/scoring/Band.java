// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.util.Locale;

/** A coarse reading of a probability for campaign rules: where it sits in the model's reference population. */
public enum Band {
    LOW, MEDIUM, HIGH;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name written in scores files (made once: it is printed for every customer and task). */
    public String label() {
        return label;
    }

    public static Band parse(String text) {
        for (Band band : values()) {
            if (band.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return band;
            }
        }
        throw new IllegalArgumentException("unknown band '" + text + "'; expected low, medium or high");
    }
}
