// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.propensity.storage.JsonMappers;

/** Machine-readable results: one compact JSON object on one stdout line, for scripts to take the last line. */
final class JsonLine {
    private static final ObjectMapper COMPACT = JsonMappers.standard().disable(SerializationFeature.INDENT_OUTPUT);

    private JsonLine() {
    }

    static String of(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
