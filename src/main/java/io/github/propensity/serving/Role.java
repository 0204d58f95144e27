// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import java.util.Locale;

/** What an API key may do: score customers, read lists and cards, or everything. */
public enum Role {
    SCORE, READ, ADMIN;

    public boolean allows(Role required) {
        return this == ADMIN || this == required;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; expected score, read or admin");
    }
}
