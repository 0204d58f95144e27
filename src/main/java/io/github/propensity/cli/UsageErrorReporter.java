// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Reports a usage mistake (exit 2) in a few lines: the message, picocli's "did you mean" suggestions for a mistyped
 * option and where the help is. The full option list is one {@code --help} away; printing it under every mistake
 * would push the one line that matters off the screen of a cron mail or a terminal.
 */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException mistake, String[] args) {
        CommandLine commandLine = mistake.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + mistake.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(mistake, err);
        err.println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE;
    }
}
