// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} alone, for subcommands: picocli's standard mixin also claims {@code --version}, which
 * {@code evaluate} and {@code models promote} need for the model version.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
}
