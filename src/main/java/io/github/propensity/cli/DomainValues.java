// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.lookalike.AudienceSize;
import io.github.propensity.lookalike.ExportFormat;
import io.github.propensity.lookalike.LookalikeInputException;
import io.github.propensity.model.Task;
import picocli.CommandLine;

import java.util.function.Function;

/**
 * Option values parsed by the domain's own parsers ({@code --task churn}, {@code --size 5%}, {@code --export meta}),
 * registered once for every command; a value they refuse is a usage error (exit 2) carrying their message.
 */
final class DomainValues {
    private DomainValues() {
    }

    static void register(CommandLine commandLine) {
        commandLine.registerConverter(Task.class, text -> parse(text, Task::parse));
        commandLine.registerConverter(AudienceSize.class, text -> parse(text, AudienceSize::parse));
        commandLine.registerConverter(ExportFormat.class, text -> parse(text, ExportFormat::parse));
    }

    private static <T> T parse(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (LookalikeInputException e) {
            throw new CommandLine.TypeConversionException(e.problem());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
