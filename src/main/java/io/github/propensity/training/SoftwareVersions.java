// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import org.tribuo.Tribuo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Library versions recorded in every model card, so a model can be rebuilt with what built it. */
final class SoftwareVersions {
    private SoftwareVersions() {
    }

    static ModelCard.Software current() {
        return new ModelCard.Software(mavenVersion("io.github.propensity", "propensity"), Tribuo.VERSION,
                mavenVersion("ml.dmlc", "xgboost4j_2.12"), System.getProperty("java.version"));
    }

    /** The version Maven recorded in a jar's pom.properties (kept in the shaded jar too). */
    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = SoftwareVersions.class.getResourceAsStream(resource)) {
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
}
