// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

/** The exit codes scripts and cron jobs can rely on. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int BAD_DATA = 3;

    private ExitCode() {
    }
}
