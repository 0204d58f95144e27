// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.Role;

/**
 * One endpoint: method, path, and the role a key needs (null: open to all, like health checks). The server
 * registers its routes from this list, and a test checks every one is documented in {@code /openapi.json}.
 */
record Route(String method, String path, Role role) {
}
