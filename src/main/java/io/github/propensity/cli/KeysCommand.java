// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "keys", description = "Manage API keys for the server.", subcommands = KeysCommand.Add.class)
final class KeysCommand implements Runnable {
    @CommandLine.Mixin
    CommandContext context;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(context.commandLine(), "a subcommand is required: add");
    }

    @Command(name = "add", description = {"Create an API key and print it once; the file keeps only its SHA-256.",
            "Roles: score (POST /v1/score...), read (segments, lists, models, metrics), admin (everything)."})
    static final class Add implements Callable<Integer> {
        @CommandLine.Mixin
        CommandContext context;

        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "keys file (created if missing)")
        Path keys;

        @Option(names = "--role", required = true, description = "score, read or admin")
        String role;

        @Option(names = "--name", defaultValue = "key", description = "a label for the key, e.g. crm or notebooks (default: ${DEFAULT-VALUE})")
        String name;

        @Override
        public Integer call() {
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(context.commandLine(), e.getMessage());
            }
            String key;
            try {
                key = ApiKeys.add(keys, parsed, name);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(context.commandLine(), e.getMessage());
            }
            context.commandLine().getErr().println("new " + parsed.label() + " key '" + name + "' added to " + keys
                    + "; it is shown only now:");
            context.commandLine().getOut().println(key);
            return ExitCode.OK;
        }
    }
}
