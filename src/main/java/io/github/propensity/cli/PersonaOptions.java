// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.data.DataException;
import io.github.propensity.personas.PersonaBundle;
import io.github.propensity.personas.PersonaStore;
import io.github.propensity.scoring.PersonaChoice;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --personas} or {@code --no-personas}: the persona model a rescoring run assigns with, shared by {@code score}
 * and the Spark job's {@code rescore}, which load it here (the persona store lives beside the scoring package).
 */
public final class PersonaOptions {
    @Option(names = "--personas", required = true,
            description = "require personas: fail (exit 3) when --models has no current persona model or the base lacks its input "
                    + "columns (default: assign with the current persona model when there is one, skipping it with a warning when "
                    + "the base cannot feed it)")
    boolean required;

    @Option(names = "--no-personas", required = true, description = "assign no persona")
    boolean none;

    /**
     * The persona model from {@code models}: the current one if any when neither option was given ({@code options}
     * null, as picocli leaves an absent group), the current one or an error with {@code --personas}, none with
     * {@code --no-personas}.
     *
     * @throws DataException when personas are required and {@code models} has no current persona model
     */
    public static Optional<PersonaChoice> personas(PersonaOptions options, Path models) {
        if (options != null && options.none) {
            return Optional.empty();
        }
        PersonaStore store = new PersonaStore(models);
        boolean asked = options != null && options.required;
        if (!asked) {
            return store.current().map(bundle -> new PersonaChoice(bundle.version(), bundle.model(), PersonaChoice.Selection.FOUND));
        }
        PersonaBundle bundle = store.current().orElseThrow(() -> new DataException("--personas: " + models
                + " has no current persona model; fit one with: propensity personas fit --data FILE --id COLUMN"));
        return Optional.of(new PersonaChoice(bundle.version(), bundle.model(), PersonaChoice.Selection.ASKED));
    }
}
