// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.DataException;
import io.github.propensity.features.MissingFeatureColumnsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The persona model a rescoring run assigns with, prepared for the base's header, or why it assigns none. A base
 * without the model's input columns is refused when the user asked for personas and skipped with one warning when
 * the model was only found in the store ({@link PersonaChoice.Selection}).
 *
 * @param skipped why a current persona model was not used; empty when it was used or there was none
 */
record PersonaInRun(Optional<PreparedPersona> prepared, Optional<String> skipped) {
    private static final Logger log = LoggerFactory.getLogger(PersonaInRun.class);

    /** @param data the base, named in the error about personas asked for that it cannot feed */
    static PersonaInRun prepare(Path data, Optional<PersonaChoice> personas, List<String> header) {
        if (personas.isEmpty()) {
            return new PersonaInRun(Optional.empty(), Optional.empty());
        }
        PersonaChoice choice = personas.get();
        try {
            PreparedPersona prepared = PreparedPersona.forHeader(choice, header);
            log.info("assigning personas with model {}", choice.version());
            return new PersonaInRun(Optional.of(prepared), Optional.empty());
        } catch (MissingFeatureColumnsException e) {
            String missing = String.join(", ", e.columns());
            String plural = e.columns().size() == 1 ? " " : "s ";
            return switch (choice.selection()) {
                case ASKED -> throw DataException.inFile(data, "the persona model " + choice.version() + " reads column"
                        + plural + missing + ", which the base lacks; add " + (e.columns().size() == 1 ? "it" : "them")
                        + " or leave out --personas");
                case FOUND -> {
                    log.warn("personas are not assigned: the base lacks the persona model's input column{}{}", plural, missing);
                    yield new PersonaInRun(Optional.empty(), Optional.of("the base lacks column" + plural + missing));
                }
            };
        }
    }

    /** The persona ids as text in slot order (the labels of counts and migration); empty when none is assigned. */
    List<String> ids() {
        return prepared.map(p -> p.model().personas().stream().map(persona -> Integer.toString(persona.id())).toList())
                .orElse(List.of());
    }

    /** The manifest's record; null (left out) when the run had no persona model, so its manifest is as before. */
    SnapshotManifest.PersonasUsed used() {
        if (prepared.isPresent()) {
            return new SnapshotManifest.PersonasUsed(prepared.get().version(), prepared.get().model().personas().size(), null);
        }
        return skipped.map(reason -> new SnapshotManifest.PersonasUsed(null, 0, reason)).orElse(null);
    }
}
