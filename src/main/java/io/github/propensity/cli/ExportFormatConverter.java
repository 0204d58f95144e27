// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.lookalike.ExportFormat;
import io.github.propensity.lookalike.LookalikeInputException;
import picocli.CommandLine;

/** {@code --export}: plain, meta or google; anything else is a usage error. */
final class ExportFormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String value) {
        try {
            return ExportFormat.parse(value);
        } catch (LookalikeInputException e) {
            throw new CommandLine.TypeConversionException(e.problem());
        }
    }
}
