// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;

import java.util.Locale;

/** A length of time in whole days: {@code 90}, {@code 90d} or {@code 13w}. */
final class DaysConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        int multiplier = 1;
        if (text.endsWith("w")) {
            multiplier = 7;
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith("d")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            int days = Math.multiplyExact(Integer.parseInt(text), multiplier);
            if (days < 1) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be at least one day");
            }
            return days;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number of days (e.g. 90d or 13w)");
        }
    }
}
