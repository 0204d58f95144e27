// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.NotFoundException;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard's page shell and its script and styles, classpath resources served as they are (no build step, no
 * third-party script). The shell holds no data: the script fetches it from the API with the caller's key, so the
 * page itself can be public. Only the files named here are served, so no request can read another resource.
 */
final class DashboardPage {
    private static final String FOLDER = "/dashboard/";
    private static final Map<String, String> STATIC_FILES = Map.of(
            "dashboard.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "health.js", "text/javascript; charset=utf-8",
            "docs.js", "text/javascript; charset=utf-8");
    /** The marker in the shell that tells the script whether to ask for a key before its first request. */
    private static final String KEYS_MARKER = "data-keys-required=\"false\"";
    /** The marker that tells the script whether to offer the lookalike form. */
    private static final String POOL_MARKER = "data-pool=\"false\"";

    private final byte[] page;

    /**
     * @param keysRequired whether the API needs a key: the page then shows its sign-in box at once instead of
     *                     learning it from a refused request (which the browser would log as an error)
     * @param pool         whether the server has a lookalike pool
     */
    DashboardPage(boolean keysRequired, boolean pool) {
        String shell = new String(resource("index.html"), StandardCharsets.UTF_8);
        for (String marker : new String[]{KEYS_MARKER, POOL_MARKER}) {
            if (!shell.contains(marker)) {
                throw new IllegalStateException("the dashboard shell lost its " + marker + " marker");
            }
        }
        this.page = shell.replace(KEYS_MARKER, "data-keys-required=\"" + keysRequired + "\"")
                .replace(POOL_MARKER, "data-pool=\"" + pool + "\"").getBytes(StandardCharsets.UTF_8);
    }

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    static void staticFile(Context ctx) {
        String file = ctx.pathParam("file");
        String contentType = STATIC_FILES.get(file);
        if (contentType == null) {
            throw new NotFoundException("no static file '" + file + "'");
        }
        ctx.contentType(contentType).result(resource(file));
    }

    private static byte[] resource(String name) {
        return JarResource.bytes(FOLDER + name);
    }
}
