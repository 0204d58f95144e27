// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

/** {@code --max-bad-rows}, as the CLI's {@code score} and the Spark job's {@code rescore} both take it. */
public final class BadRowShare {
    private BadRowShare() {
    }

    /**
     * A percentage ({@code 0.5%}) or a share between 0 and 1 ({@code 0.005}).
     *
     * @throws IllegalArgumentException naming the option and what it takes
     */
    public static double parse(String text) {
        String trimmed = text.strip();
        try {
            double share = trimmed.endsWith("%") ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) / 100
                    : Double.parseDouble(trimmed);
            if (!(share >= 0 && share <= 1)) {
                throw new NumberFormatException();
            }
            return share;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-bad-rows takes a percentage (0.5%) or a share between 0 and 1 (0.005), got '" + text + "'");
        }
    }
}
