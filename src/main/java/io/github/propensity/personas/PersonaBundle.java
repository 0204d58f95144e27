// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.PersonaModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** A loaded, verified persona bundle: the model and the card it was published with. */
public record PersonaBundle(Path directory, String version, PersonaModel model, PersonaCard card) {
    public PersonaBundle {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(card, "card");
    }

    /** What a refit needs to keep this model's ids and names. */
    RefitMatching.Previous asPrevious() {
        Map<Integer, Double> shares = card.personas().stream()
                .collect(Collectors.toMap(PersonaCard.PersonaProfile::id, PersonaCard.PersonaProfile::share));
        return new RefitMatching.Previous(version, model, shares);
    }
}
