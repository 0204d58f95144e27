// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine.Option;

/** {@code --sep CHAR}: the delimiter of a CSV input, the same option for every command that reads one. */
final class SeparatorOption {
    @Option(names = "--sep", converter = SeparatorConverter.class, paramLabel = "CHAR", description = "delimiter; default: detected among , ; and tab")
    Character separator;

    /** The delimiter given, or null to detect it from the header line (what the CSV reader expects). */
    Character orDetect() {
        return separator;
    }
}
