// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Locale;

/**
 * The four classic uplift groups (Kane, Lo and Zheng 2014): who responds only when contacted, either way, never, or
 * only when left alone. Assigned from a customer's predicted uplift and predicted response without contact by
 * {@link UpliftGroups}.
 */
public enum UpliftGroup {
    /** Respond because of the contact: uplift above the margin. The ones to contact. */
    PERSUADABLES("persuadables"),
    /** Respond with or without it: little uplift, likely to respond anyway. Contacting them spends the offer for nothing. */
    SURE_THINGS("sure-things"),
    /** Respond neither way: little uplift, unlikely to respond anyway. */
    LOST_CAUSES("lost-causes"),
    /** Respond less when contacted: uplift below minus the margin. The campaign pushes them away; leave them alone. */
    SLEEPING_DOGS("sleeping-dogs");

    private final String label;

    UpliftGroup(String label) {
        this.label = label;
    }

    /** The group as written in scores files and segment rules. */
    public String label() {
        return label;
    }

    /** The group a label names, as {@link #label()} writes it (trimmed, any case). */
    public static UpliftGroup parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (UpliftGroup group : values()) {
            if (group.label.equals(wanted)) {
                return group;
            }
        }
        throw new IllegalArgumentException("unknown uplift group '" + text + "'; use persuadables, sure-things, lost-causes or sleeping-dogs");
    }
}
