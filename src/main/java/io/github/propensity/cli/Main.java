// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/** The {@code propensity} command line: builds the command tree and maps failures to exit codes. */
@Command(name = "propensity", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Calibrated churn, purchase and conversion propensity models for marketing teams.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ScoreCommand.class, LookalikeCommand.class, TargetCommand.class, BacktestCommand.class, ServeCommand.class, FeaturesCommand.class, ValueCommand.class, PersonasCommand.class, CampaignCommand.class, UpliftCommand.class, KeysCommand.class, ModelsCommand.class, GenerateCommand.class, CsvCopyCommand.class, ParquetCopyCommand.class, ScanCommand.class, HttpLoadCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given output streams (tests capture them) and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // The one Error worth a message: the fix is the user's, and a stack trace does not say it.
            err.println("error: out of memory with a Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB; nothing was published. Give Java more, e.g. java -Xmx8g -jar ... (rescoring keeps about"
                    + " 50 bytes per customer: 10M customers need about 0.6 GB, 100M about 5 GB)");
            code = ExitCode.FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler(new UsageErrorReporter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        DomainValues.register(commandLine);
        return commandLine;
    }

    /** The subcommands users run, from the command tree itself, so the list cannot go stale. */
    private String commandNames() {
        return String.join(", ", spec.subcommands().entrySet().stream()
                .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey).filter(name -> !name.equals("help")).toList());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (" + commandNames() + "; see --help)");
    }
}
