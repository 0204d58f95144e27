// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;

/** A command's {@code --threads}: all cores unless given; below 1 is a usage error. */
final class ThreadCount {
    private ThreadCount() {
    }

    static int resolve(Integer requested, CommandLine commandLine) {
        int count = requested != null ? requested : Runtime.getRuntime().availableProcessors();
        if (count < 1) {
            throw new CommandLine.ParameterException(commandLine, "--threads must be at least 1, got " + count);
        }
        return count;
    }
}
