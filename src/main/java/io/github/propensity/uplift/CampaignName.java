// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import java.util.regex.Pattern;

/** A campaign name is a folder name under the model store and a column prefix: lower-case letters, digits, hyphens. */
public final class CampaignName {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private CampaignName() {
    }

    public static boolean isValid(String campaign) {
        return campaign != null && VALID.matcher(campaign).matches();
    }

    public static String check(String campaign) {
        if (campaign == null || !VALID.matcher(campaign).matches()) {
            throw new UpliftInputException("--campaign", "must be 1-64 lower-case letters, digits or hyphens, starting with a letter"
                    + " or digit (it names the model's folder and the scores' columns), got '" + campaign + "'");
        }
        return campaign;
    }
}
