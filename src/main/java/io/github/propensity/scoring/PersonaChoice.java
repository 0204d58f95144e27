// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.PersonaModel;

import java.util.Objects;

/**
 * The current persona model, loaded by the caller (the persona store lives beside this package, so scoring receives
 * the model rather than reading it), and how it came to be in the run.
 *
 * @param version   the persona model version, recorded in the manifest
 * @param selection whether the user asked for personas or the run found a current model in the store
 */
public record PersonaChoice(String version, PersonaModel model, Selection selection) {
    public PersonaChoice {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(selection, "selection");
    }

    /**
     * Decides what a base without the model's input columns means: personas the user asked for are an error, a model
     * only found in the store is skipped with one warning, so fitting personas never breaks an unchanged weekly job.
     */
    public enum Selection {
        /** Asked for by the user (score --personas). */
        ASKED,
        /** Found as the current model in the store. */
        FOUND
    }
}
