// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.transactions.CutoffSummary;
import io.github.propensity.transactions.FeatureBuilder;
import io.github.propensity.transactions.FeatureFileManifest;
import io.github.propensity.transactions.FeatureFileWriter;
import io.github.propensity.transactions.FeatureSettings;
import io.github.propensity.transactions.FeatureTable;
import io.github.propensity.transactions.LabelChoice;
import io.github.propensity.transactions.LogReadSummary;
import io.github.propensity.transactions.TransactionColumns;
import io.github.propensity.transactions.TransactionDates;
import io.github.propensity.transactions.TransactionLogReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "features", sortOptions = false,
        description = {"Turn a transaction log into the customer-feature CSV the trainers take: point-in-time recency, "
                + "frequency and monetary features, RFM scores and segments, and horizon labels.",
                "Features use only transactions up to the end of each --as-of date; labels only the --horizon after it. "
                        + "Several --as-of dates stack rows for training. A <out>.meta.json beside the CSV records the "
                        + "source, cut-offs and every definition; train reads it.",
                "A summary goes to stderr; the last stdout line is a JSON summary."})
final class FeaturesCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "transaction log CSV (.csv or .csv.gz), one line per order or order line")
    Path transactions;

    @Option(names = "--customer", required = true, paramLabel = "COLUMN", description = "customer id column; lines without one are left out and counted")
    String customer;

    @Option(names = "--date", required = true, paramLabel = "COLUMN", description = "order date column (a time of day may follow)")
    String date;

    @Option(names = "--amount", paramLabel = "COLUMN", description = "line value column; negative values are returns")
    String amount;

    @Option(names = "--quantity", paramLabel = "COLUMN", description = "items column (gives basket size); negative quantities are returns")
    String quantity;

    @Option(names = "--price", paramLabel = "COLUMN", description = "unit price column, when there is no --amount: value = quantity x price")
    String price;

    @Option(names = "--invoice", paramLabel = "COLUMN", description = "order/invoice number column; without it one customer's lines of one day are one order")
    String invoice;

    @Option(names = "--cancel-prefix", paramLabel = "TEXT", description = "invoice numbers starting with this mark cancellations (e.g. C); needs --invoice")
    String cancelPrefix;

    @Option(names = "--date-format", paramLabel = "PATTERN", description = "date pattern such as dd/MM/yyyy HH:mm (default: detected)")
    String dateFormat;

    @CommandLine.Mixin
    SeparatorOption separator;

    @Option(names = "--as-of", required = true, split = ",", converter = DateConverter.class, paramLabel = "DATE",
            description = "cut-off date(s), yyyy-MM-dd, comma-separated or repeated")
    List<LocalDate> asOf;

    @Option(names = "--horizon", defaultValue = "90d", converter = DaysConverter.class, paramLabel = "DAYS",
            description = "days after the cut-off the labels look at, e.g. 90d or 13w (default: ${DEFAULT-VALUE})")
    int horizon;

    @Option(names = "--lookback", defaultValue = "365d", converter = DaysConverter.class, paramLabel = "DAYS",
            description = "days up to the cut-off that define an active customer and RFM frequency and monetary (default: ${DEFAULT-VALUE})")
    int lookback;

    @Option(names = "--label", defaultValue = "both", paramLabel = "WHICH",
            description = "labels to compute: purchase, churn, both or none (none for scoring, when the horizon lies in the future; default: ${DEFAULT-VALUE})")
    LabelChoice label;

    @Option(names = "--out", defaultValue = "features.csv", paramLabel = "FILE", description = "feature CSV to write (.gz for gzip; default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--skip-bad-lines", description = "leave out lines whose date or numbers cannot be read (counted) instead of stopping")
    boolean skipBadLines;

    @Override
    public Integer call() {
        CommandLine commandLine = context.commandLine();
        TransactionColumns columns;
        FeatureSettings settings;
        try {
            columns = new TransactionColumns(customer, date, amount, quantity, price, invoice, cancelPrefix);
            settings = new FeatureSettings(asOf, horizon, lookback, label);
            if (dateFormat != null) {
                TransactionDates.ofPattern(dateFormat);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        long start = System.nanoTime();
        TransactionLogReader.Result read = new TransactionLogReader(columns, dateFormat, skipBadLines).read(transactions, separator.orDetect());
        double readSeconds = (System.nanoTime() - start) / 1e9;
        FeatureTable table;
        try {
            table = new FeatureBuilder(settings).build(read.log());
        } catch (FeatureBuilder.CutoffException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        FeatureFileManifest manifest;
        try {
            manifest = new FeatureFileWriter().write(table, read.summary(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report(commandLine.getErr(), read.summary(), manifest, readSeconds, seconds);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("metadata", FeatureFileManifest.besides(out).toString());
        summary.put("rows", table.rows().size());
        summary.put("lines", read.summary().lines());
        summary.put("bad_lines", read.summary().badLines());
        summary.put("date_format", read.summary().dateFormat());
        summary.put("cutoffs", manifest.cutoffs());
        summary.put("seconds", Math.round(seconds * 100) / 100.0);
        commandLine.getOut().println(JsonLine.of(summary));
        commandLine.getOut().flush();
        return ExitCode.OK;
    }

    private void report(PrintWriter err, LogReadSummary source, FeatureFileManifest manifest, double readSeconds, double seconds) {
        err.printf(Locale.ROOT, "read %s: %,d lines in %.2f s (dates %s, format %s%s); %,d customers, %,d orders%n",
                source.file(), source.lines(), readSeconds, source.firstDate() + " to " + source.lastDate(), source.dateFormat(),
                source.dateFormatDetected() ? ", detected" : "", source.customers(), source.orders());
        err.printf(Locale.ROOT, "  %,d return/cancellation lines; %,d lines without a customer id left out; %,d unreadable lines left out%n",
                source.returnLines(), source.withoutCustomer(), source.badLines());
        source.badExamples().forEach(bad -> err.println("  skipped " + bad.describe()));
        manifest.warnings().forEach(warning -> err.println("warning: " + warning));
        for (CutoffSummary cutoff : manifest.cutoffs()) {
            err.printf(Locale.ROOT, "as-of %s: %,d customers", cutoff.asOf(), cutoff.customers());
            if (cutoff.purchaseRate() != null) {
                err.printf(Locale.ROOT, "; purchase in %d days %.1f%%", manifest.horizonDays(), 100 * cutoff.purchaseRate());
            }
            if (cutoff.churnPopulation() != null) {
                err.printf(Locale.ROOT, "; churn %s of %,d active",
                        cutoff.churnRate() == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * cutoff.churnRate()),
                        cutoff.churnPopulation());
            }
            err.println();
            err.println("  RFM segments: " + cutoff.segments().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        manifest.labels().forEach((column, definition) -> err.println("label " + column + ": " + definition));
        err.printf(Locale.ROOT, "wrote %s and %s in %.2f s%n", out, FeatureFileManifest.besides(out).getFileName(), seconds);
        err.flush();
    }
}
