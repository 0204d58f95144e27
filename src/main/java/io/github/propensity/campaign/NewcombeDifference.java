// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

/**
 * Newcombe's hybrid score interval for a difference of independent proportions p1 - p2 (Newcombe 1998, "Interval
 * estimation for the difference between independent proportions: comparison of eleven methods", Statistics in
 * Medicine 17:873-890, method 10). With Wilson limits (l1, u1) and (l2, u2) and d = p1 - p2:
 * lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2), upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2). Its coverage stays close
 * to nominal for small counts and rates near 0, where the Wald interval is too narrow, and it needs no iteration.
 */
public final class NewcombeDifference {
    private NewcombeDifference() {
    }

    public static Interval of(long successes1, long trials1, long successes2, long trials2, double z) {
        Interval first = WilsonInterval.of(successes1, trials1, z);
        Interval second = WilsonInterval.of(successes2, trials2, z);
        double p1 = (double) successes1 / trials1;
        double p2 = (double) successes2 / trials2;
        double d = p1 - p2;
        double lower = d - Math.hypot(p1 - first.lower(), second.upper() - p2);
        double upper = d + Math.hypot(first.upper() - p1, p2 - second.lower());
        return new Interval(Math.max(-1, lower), Math.min(1, upper));
    }
}
