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
import io.github.propensity.transactions.TransactionLogReader;
import io.github.propensity.transactions.ValueSource;
import io.github.propensity.value.ValueBundle;
import io.github.propensity.value.ValueSettings;
import io.github.propensity.value.ValueStore;
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

    @CommandLine.Mixin
    TransactionLogOptions log;

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

    @Option(names = "--value", arity = "0..1", fallbackValue = "fit", paramLabel = "SOURCE",
            description = {"add the value columns (expected purchases, p_alive, expected order value, CLV, days to the next purchase):",
                    "fit (the default) fits the value models at each as-of date on the log up to it; current or a version uses a"
                            + " published value model from --models (only where it was fitted on or before the as-of date when labels are computed)"})
    String value;

    @Option(names = "--value-horizon", defaultValue = "365d", converter = DaysConverter.class, paramLabel = "DAYS",
            description = "horizon of the expected purchases and CLV columns with --value fit (default: ${DEFAULT-VALUE})")
    int valueHorizon;

    @Option(names = "--discount-rate", defaultValue = "0.10", paramLabel = "RATE",
            description = "yearly discount rate of the CLV with --value fit, 0.10 = 10 %% (default: ${DEFAULT-VALUE})")
    double discountRate;

    @CommandLine.Mixin
    ModelsDirectory models;

    @Option(names = "--out", defaultValue = "features.csv", paramLabel = "FILE", description = "feature CSV to write (.gz for gzip; default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        CommandLine commandLine = context.commandLine();
        FeatureSettings settings;
        ValueSource valueSource;
        try {
            settings = new FeatureSettings(asOf, horizon, lookback, label);
            valueSource = valueSource();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        TransactionLogReader reader = log.reader(commandLine);
        long start = System.nanoTime();
        TransactionLogReader.Result read = reader.read(log.transactions, log.separator.orDetect());
        double readSeconds = (System.nanoTime() - start) / 1e9;
        FeatureTable table;
        try {
            table = new FeatureBuilder(settings, valueSource).build(read.log());
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

    /** What --value asks for; a published model is loaded (and checked) before the log is read. */
    private ValueSource valueSource() {
        if (value == null) {
            return new ValueSource.None();
        }
        String source = value.strip();
        if (source.equals("fit")) {
            return new ValueSource.FitAtEachCutoff(new ValueSettings(valueHorizon, discountRate));
        }
        ValueStore store = new ValueStore(models.path());
        String version = source.equals("current") ? store.currentVersion().orElseThrow(() -> new IllegalArgumentException(
                "--value current: there is no value model in " + models.path() + "; fit one with: propensity value fit ..."
                        + " --calibration-end DATE, or use --value fit to fit one at each as-of date")) : source;
        if (store.versions().stream().noneMatch(version::equals)) {
            throw new IllegalArgumentException("--value " + source + ": there is no value model version " + version + " in "
                    + models.path() + " (see: propensity models list)");
        }
        ValueBundle bundle = store.load(version);
        return new ValueSource.StoredModel(bundle.version(), bundle.file());
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
