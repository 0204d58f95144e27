// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

/** The hand-written OpenAPI 3 document shipped as a resource; a test keeps it in step with the routes. */
final class OpenApiDocument {
    private static final String RESOURCE = "/openapi.json";

    private OpenApiDocument() {
    }

    static byte[] bytes() {
        return JarResource.bytes(RESOURCE);
    }
}
