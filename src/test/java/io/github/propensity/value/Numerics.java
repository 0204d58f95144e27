// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.function.DoubleUnaryOperator;

/**
 * The tests' own special functions and quadrature, written apart from the library's (Smile's log-gamma, the
 * models' series) so that a check against them is a check against a different computation.
 */
final class Numerics {
    private Numerics() {
    }

    /** log Γ(x), x &gt; 0: the recurrence up to 15, then Stirling's series to the x^-9 term (error below 1e-15 there). */
    static double logGamma(double x) {
        double shift = 0;
        while (x < 15) {
            shift += Math.log(x);
            x += 1;
        }
        double inverse = 1 / x;
        double inverse2 = inverse * inverse;
        double series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 * (1.0 / 1680 - inverse2 / 1188))));
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }

    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** Composite Simpson's rule with {@code intervals} (even) intervals. */
    static double simpson(DoubleUnaryOperator f, double from, double to, int intervals) {
        double h = (to - from) / intervals;
        double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
        for (int i = 1; i < intervals; i++) {
            sum += f.applyAsDouble(from + i * h) * (i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    /**
     * E[f(p)] for p ~ Beta(a, b) by Simpson's rule in four pieces, each in a variable that keeps the integrand smooth
     * and its mass spread over the grid: u = p^a on (0, δ] (where p^(a-1) dp = du / a takes away the singularity
     * of a &lt; 1), log p on [δ, 1/2] and log(1-p) on [1/2, 1-δ] (a posterior bunched near 0 or 1 still spans many
     * points), and v = (1-p)^b on [1-δ, 1) (where (1-p)^(b-1) dp = -dv / b).
     */
    static double betaExpectation(DoubleUnaryOperator f, double a, double b, int intervals) {
        double delta = 1e-6;
        double nearZero = simpson(u -> {
            double p = Math.pow(u, 1 / a);
            return f.applyAsDouble(p) * Math.pow(1 - p, b - 1) / a;
        }, 0, Math.pow(delta, a), intervals);
        double lowerHalf = simpson(s -> {
            double p = Math.exp(s);
            return f.applyAsDouble(p) * Math.pow(p, a) * Math.pow(1 - p, b - 1);
        }, Math.log(delta), Math.log(0.5), intervals);
        double upperHalf = simpson(w -> {
            double oneMinusP = Math.exp(w);
            double p = 1 - oneMinusP;
            return f.applyAsDouble(p) * Math.pow(p, a - 1) * Math.pow(oneMinusP, b);
        }, Math.log(delta), Math.log(0.5), intervals);
        double nearOne = simpson(v -> {
            double p = 1 - Math.pow(v, 1 / b);
            return f.applyAsDouble(p) * Math.pow(p, a - 1) / b;
        }, 0, Math.pow(delta, b), intervals);
        return (nearZero + lowerHalf + upperHalf + nearOne) / Math.exp(logBeta(a, b));
    }
}
