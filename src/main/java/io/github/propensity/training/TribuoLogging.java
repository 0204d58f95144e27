// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo reports every fit through java.util.logging at INFO, on stderr; users want the pipeline's own progress
 * lines, so Tribuo is limited to warnings.
 */
public final class TribuoLogging {
    /** Held so the level is not lost when an unreferenced JUL logger is garbage-collected. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private TribuoLogging() {
    }

    public static void quiet() {
        TRIBUO.setLevel(Level.WARNING);
    }
}
