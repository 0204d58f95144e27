// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the jars on the class path, as Maven recorded them, for the provenance every card carries. */
public final class ArtifactVersions {
    private ArtifactVersions() {
    }

    /** The version Maven recorded in a jar's pom.properties (kept in the shaded jar too). */
    public static String of(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ArtifactVersions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown (not run from a packaged jar)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This project's own version. */
    public static String propensity() {
        return of("io.github.propensity", "propensity");
    }
}
