// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI invocation with its captured output. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    String lastStdoutLine() {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }
}
