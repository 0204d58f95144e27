// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The customer base the personas commands read: {@code --data}, {@code --id} and {@code --sep}, alike for fit and assign. */
final class PersonaBaseOptions {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "customer CSV (.gz read directly)")
    Path data;

    @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "customer id column: never a feature; assign writes it back first")
    String idColumn;

    @CommandLine.Mixin
    SeparatorOption separator;
}
