// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.model.Task;
import picocli.CommandLine;

/** {@code --task}: churn, purchase or conversion. */
final class TaskConverter implements CommandLine.ITypeConverter<Task> {
    @Override
    public Task convert(String value) {
        try {
            return Task.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
