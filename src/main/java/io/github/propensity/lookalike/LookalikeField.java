// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

/**
 * The settings of an audience a user can get wrong. Domain code names the setting by this key; each front end shows
 * it in its own words (the command line as its flag, the API as its JSON field), so the domain never spells either.
 */
public enum LookalikeField {
    SEED("seed"),
    SIZE("size"),
    EXPORT("export"),
    MIN_SEED("min_seed"),
    COUNTRY_CODE("country_code");

    private final String key;

    LookalikeField(String key) {
        this.key = key;
    }

    /** The setting's neutral name, as the API spells it. */
    public String key() {
        return key;
    }
}
