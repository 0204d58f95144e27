// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The customer base the personas commands read: {@code --data}, {@code --id} and {@code --sep}, alike for fit and assign. */
final class PersonaBaseOptions {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "customers: a CSV (.gz read directly), a .parquet file or a folder of Parquet parts")
    Path data;

    @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "customer id column: never a feature; assign writes it back first")
    String idColumn;

    @CommandLine.Mixin
    SeparatorOption separator;
}
