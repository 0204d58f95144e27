// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.NotFoundException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI at {@code /docs} over {@code /openapi.json}, from the Swagger UI webjar in the jar (works offline). Its
 * bundle and style sheet are read once, on the first request, since they are about two megabytes together.
 */
final class ApiDocsPage {
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8");

    private final String folder = WEBJAR + webjarVersion() + "/";
    private final byte[] page = JarResource.bytes("/dashboard/docs.html");
    private volatile Map<String, byte[]> files;

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    void file(Context ctx) {
        String name = ctx.pathParam("file");
        String contentType = FILES.get(name);
        if (contentType == null) {
            throw new NotFoundException("no file '" + name + "' under /docs");
        }
        ctx.contentType(contentType).result(files().get(name));
    }

    private Map<String, byte[]> files() {
        Map<String, byte[]> loaded = files;
        if (loaded == null) {
            loaded = Map.of("swagger-ui-bundle.js", JarResource.bytes(folder + "swagger-ui-bundle.js"), "swagger-ui.css", JarResource.bytes(folder + "swagger-ui.css"));
            files = loaded;
        }
        return loaded;
    }

    /** The webjar's own version, so the folder follows the dependency instead of a second copy of its number. */
    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsPage.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI webjar is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
