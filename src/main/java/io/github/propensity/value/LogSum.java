// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

/** log(e^u + e^v) without overflow or underflow. */
final class LogSum {
    private LogSum() {
    }

    static double of(double u, double v) {
        double larger = Math.max(u, v);
        if (larger == Double.NEGATIVE_INFINITY) {
            return larger;
        }
        return larger + Math.log1p(Math.exp(Math.min(u, v) - larger));
    }
}
