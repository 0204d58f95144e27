// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.PersonaSpace;
import io.github.propensity.features.BooleanColumn;
import io.github.propensity.features.FeatureColumn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Descriptive persona names from the distinguishing features: {@code high sessions_30d, low days_since_last_login,
 * plan premium}. Plain words over the column names a team already knows; a team's own names replace them
 * ({@code --names}).
 */
final class PersonaNaming {
    static final int FEATURES_IN_NAME = 3;

    private PersonaNaming() {
    }

    static String generate(List<PersonaCard.Distinction> distinctions, PersonaSpace space) {
        List<String> parts = new ArrayList<>();
        for (PersonaCard.Distinction distinction : distinctions) {
            if (parts.size() == FEATURES_IN_NAME) {
                break;
            }
            parts.add(phrase(distinction, space));
        }
        return parts.isEmpty() ? "typical customers" : String.join(", ", parts);
    }

    /** Names made unique by a numeric suffix, in order ("(2)" for the second persona of the same name). */
    static List<String> distinct(List<String> names) {
        Set<String> used = new HashSet<>();
        List<String> unique = new ArrayList<>();
        for (String name : names) {
            String candidate = name;
            for (int n = 2; !used.add(candidate); n++) {
                candidate = name + " (" + n + ")";
            }
            unique.add(candidate);
        }
        return unique;
    }

    private static String phrase(PersonaCard.Distinction distinction, PersonaSpace space) {
        boolean higher = distinction.standardizedDifference() >= 0;
        String feature = distinction.feature();
        int equals = feature.indexOf('=');
        FeatureColumn column = space.schema().columns().stream()
                .filter(c -> feature.equals(c.name()) || (equals > 0 && feature.substring(0, equals).equals(c.name())))
                .findFirst().orElse(null);
        if (column instanceof BooleanColumn bool) {
            return bool.name() + " " + (higher ? bool.trueToken() : bool.falseToken());
        }
        if (column != null && !feature.equals(column.name())) {
            String level = feature.substring(column.name().length() + 1);
            return column.name() + (higher ? " " : " rarely ") + level;
        }
        return (higher ? "high " : "low ") + feature;
    }
}
