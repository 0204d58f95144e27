// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.sample.SampleSummary;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.sample.TransactionSampleWriter;
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
                        + "file so they can never leak into training.",
                "--transactions writes a two-year order-line log (invoice, customer_id, order_time, quantity, unit_price) "
                        + "for the features command."})
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--customers", defaultValue = "5000", paramLabel = "N", description = "number of customers (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "customer CSV to write (.gz for gzip)")
    Path out;

    @Option(names = "--transactions", paramLabel = "FILE",
            description = "also (or only) write a synthetic order-line log for the features command here (.gz for gzip)")
    Path transactions;

    @Option(names = "--transaction-customers", defaultValue = "2000", paramLabel = "N",
            description = "customers in the transaction log (default: ${DEFAULT-VALUE})")
    int transactionCustomers;

    @Option(names = "--personas", description = "draw customers from four behavioural groups (their true persona goes to"
            + " the --truth file) with columns that carry no group structure, for checking personas")
    boolean personas;

    @Option(names = "--truth", paramLabel = "FILE", description = "also write the true probabilities per customer here")
    Path truth;

    @Override
    public Integer call() {
        if (customers < 1 || transactionCustomers < 1) {
            throw new CommandLine.ParameterException(context.commandLine(), "--customers and --transaction-customers must be at least 1");
        }
        if (out == null && transactions == null) {
            throw new CommandLine.ParameterException(context.commandLine(), "give --out (customer table), --transactions (order log) or both");
        }
        if (transactions != null) {
            try {
                int lines = TransactionSampleWriter.write(transactions, transactionCustomers, seed);
                context.commandLine().getErr().printf(Locale.ROOT, "wrote %d order lines of %d customers to %s%n", lines,
                        transactionCustomers, transactions);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + transactions + ": " + e.getMessage(), e);
            }
        }
        if (out == null) {
            return ExitCode.OK;
        }
        try {
            SampleSummary summary = personas ? SampleWriter.writePersonas(out, truth, customers, seed)
                    : SampleWriter.write(out, truth, customers, seed);
            context.commandLine().getErr().printf(Locale.ROOT, "wrote %d customers to %s: churn %.1f%%, purchase %.1f%%, conversion %.1f%% of free%n",
                    summary.customers(), out, 100 * summary.churnRate(), 100 * summary.purchaseRate(), 100 * summary.conversionRate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return ExitCode.OK;
    }
}
