// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files the server ships inside its jar (the API document, the dashboard, Swagger UI), read whole. */
final class JarResource {
    private JarResource() {
    }

    /** The resource's bytes; a missing one is a broken build, so it fails loudly rather than answering 404. */
    static byte[] bytes(String resource) {
        try (InputStream in = JarResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
