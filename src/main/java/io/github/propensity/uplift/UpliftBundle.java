// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.model.UpliftModel;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/** A loaded, verified uplift bundle. */
public record UpliftBundle(Path directory, String version, UpliftFile file, UpliftModel model, JsonNode card) {
}
