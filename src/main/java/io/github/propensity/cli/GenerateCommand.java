// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.sample.SampleSummary;
import io.github.propensity.sample.SampleWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "generate", sortOptions = false,
        description = {"Write a synthetic customer base with known true probabilities (the shipped sample is made with it).",
                "Labels: churned, purchased_30d, converted (empty for paid plans). The true probabilities go to a separate "
                        + "file so they can never leak into training."})
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    HelpOption help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--customers", defaultValue = "5000", paramLabel = "N", description = "number of customers (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "customer CSV to write (.gz for gzip)")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE", description = "also write the true probabilities per customer here")
    Path truth;

    @Override
    public Integer call() {
        if (customers < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--customers must be at least 1");
        }
        try {
            SampleSummary summary = SampleWriter.write(out, truth, customers, seed);
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %d customers to %s: churn %.1f%%, purchase %.1f%%, conversion %.1f%% of free%n",
                    summary.customers(), out, 100 * summary.churnRate(), 100 * summary.purchaseRate(), 100 * summary.conversionRate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return ExitCode.OK;
    }
}
