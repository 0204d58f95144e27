// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A calendar date written yyyy-MM-dd, the one unambiguous way to give one on a command line. */
final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date written yyyy-MM-dd");
        }
    }
}
