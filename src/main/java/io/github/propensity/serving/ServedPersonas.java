// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.personas.PersonaCard;
import io.github.propensity.scoring.PreparedPersona;

import java.util.Objects;

/** The served persona model: prepared for customers given as JSON, and its card for {@code GET /v1/personas}. */
public record ServedPersonas(PreparedPersona prepared, PersonaCard card) {
    public ServedPersonas {
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(card, "card");
    }

    public String version() {
        return prepared.version();
    }
}
