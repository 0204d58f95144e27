// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand mixes in: {@code -h/--help} alone (picocli's standard mixin also claims {@code --version},
 * which {@code evaluate} and {@code models promote} need for the model version) and the command's own spec, whose
 * command line carries the output streams tests capture.
 */
final class CommandContext {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    CommandLine commandLine() {
        return spec.commandLine();
    }
}
