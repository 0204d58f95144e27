// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A loaded, verified value bundle: the models, their reference and the card they were published with.
 *
 * @param createdAt when the bundle was published (its manifest's time)
 */
public record ValueBundle(Path directory, String version, Instant createdAt, ValueFile file, JsonNode card) {
    public ValueBundle {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(card, "card");
    }

    public ValueModel model() {
        return file.model();
    }

    public ValueReference reference() {
        return file.reference();
    }
}
