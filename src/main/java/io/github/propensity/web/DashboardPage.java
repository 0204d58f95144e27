// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.NotFoundException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
            "dashboard.css", "text/css; charset=utf-8");
    private static final byte[] PAGE = resource("index.html");

    private DashboardPage() {
    }

    static void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(PAGE);
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
        try (InputStream in = DashboardPage.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
