// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written OpenAPI 3 document shipped as a resource; a test keeps it in step with the routes. */
final class OpenApiDocument {
    private static final String RESOURCE = "/openapi.json";

    private OpenApiDocument() {
    }

    static byte[] bytes() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
