// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.transactions.TransactionLogReader;
import io.github.propensity.transactions.ValueFromLog;
import io.github.propensity.value.HoldoutReport;
import io.github.propensity.value.ParameterEstimate;
import io.github.propensity.value.ParameterFit;
import io.github.propensity.value.ValueCard;
import io.github.propensity.value.ValueCardMarkdown;
import io.github.propensity.value.ValueSettings;
import io.github.propensity.value.ValueStore;
import io.github.propensity.storage.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "fit", sortOptions = false,
        description = {"Fit the BG/NBD purchase model and the Gamma-Gamma order value model on a transaction log's customers as"
                + " of --calibration-end, and publish them as a versioned value bundle (<models>/value/<version>/, made current).",
                "With --holdout-end, check the forecast of the purchases between the two dates against what customers did,"
                        + " next to two baselines. A summary goes to stderr; the last stdout line is a JSON summary."})
final class ValueFitCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @CommandLine.Mixin
    TransactionLogOptions log;

    @Option(names = "--calibration-end", required = true, converter = DateConverter.class, paramLabel = "DATE",
            description = "last day of the calibration period, yyyy-MM-dd: the fit reads only transactions up to its end")
    LocalDate calibrationEnd;

    @Option(names = "--holdout-end", converter = DateConverter.class, paramLabel = "DATE",
            description = "last day of a holdout period after the calibration end, to check the forecast against")
    LocalDate holdoutEnd;

    @Option(names = "--horizon", defaultValue = "365d", converter = DaysConverter.class, paramLabel = "DAYS",
            description = "horizon of the expected purchases and CLV columns, e.g. 365d or 52w (default: ${DEFAULT-VALUE})")
    int horizon;

    @Option(names = "--discount-rate", defaultValue = "0.10", paramLabel = "RATE",
            description = "yearly discount rate of the CLV, 0.10 = 10 %% (default: ${DEFAULT-VALUE})")
    double discountRate;

    @Option(names = "--seed", defaultValue = "42", description = "random seed of the holdout's Poisson baseline (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the Poisson baseline (default: all cores)")
    Integer threads;

    @CommandLine.Mixin
    ModelsDirectory models;

    @Override
    public Integer call() {
        CommandLine commandLine = context.commandLine();
        ValueFromLog.Request request;
        try {
            request = new ValueFromLog.Request(calibrationEnd, Optional.ofNullable(holdoutEnd), new ValueSettings(horizon, discountRate),
                    seed, ThreadCount.resolve(threads, commandLine));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        TransactionLogReader reader = log.reader(commandLine);
        long start = System.nanoTime();
        TransactionLogReader.Result read = reader.read(log.transactions, log.separator.orDetect());
        ValueFromLog.Result result = ValueFromLog.fit(read.log(), read.summary(), request, (System.nanoTime() - start) / 1e9);
        ObjectMapper json = JsonMappers.standard();
        ValueCard[] published = new ValueCard[1];
        String version = new ValueStore(models.path()).publish(result.file(), (v, createdAt) -> {
            published[0] = result.card().withVersion(v, createdAt);
            try {
                return Map.of(ValueStore.CARD_JSON, json.writeValueAsBytes(published[0]),
                        ValueStore.CARD_MARKDOWN, ValueCardMarkdown.render(published[0]).getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the value card: " + e.getMessage(), e);
            }
        });
        ValueCard card = published[0] != null ? published[0] : result.card().withVersion(version, null);
        report(commandLine.getErr(), card, version);
        commandLine.getOut().println(JsonLine.of(summary(card, version)));
        commandLine.getOut().flush();
        return ExitCode.OK;
    }

    private void report(PrintWriter err, ValueCard card, String version) {
        ValueCard.DataSource data = card.data();
        err.printf(Locale.ROOT, "read %s: %,d lines, %s to %s; %,d customers as of %s, %,d with a repeat purchase day%n",
                data.file(), data.lines(), data.firstDate(), data.lastDate(), card.population().customers(), data.calibrationEnd(),
                card.population().repeatBuyers());
        fit(err, card.purchases().model().equals("nbd") ? "purchases (NBD, weeks)" : "purchases (BG/NBD, weeks)", card.purchases().fit());
        if (card.purchases().bgnbdAttempt() != null) {
            err.println("  " + card.purchases().reason());
        }
        fit(err, "order value (Gamma-Gamma)", card.gammaGamma());
        err.printf(Locale.ROOT, "  order value fitted on %,d repeat buyers (%,d left out: repeat days worth 0 or all returned);"
                        + " correlation of repeat purchases and mean value %.3f; population mean order value %.2f%n",
                card.orderValue().customers(), card.orderValue().leftOutNonPositive(), card.orderValue().frequencyValueCorrelation(),
                card.orderValue().populationMeanOrderValue());
        err.printf(Locale.ROOT, "CLV over %d days at %.1f%% a year: mean %.2f per customer, %.0f in all%n", card.settings().horizonDays(),
                100 * card.settings().annualDiscountRate(), card.population().meanClv(), card.population().totalClv());
        HoldoutReport holdout = card.holdout();
        if (holdout != null) {
            err.printf(Locale.ROOT, "holdout %s to %s (%.1f weeks): mean purchase days by calibration repeat purchases%n",
                    holdout.calibrationEnd(), holdout.holdoutEnd(), holdout.holdoutWeeks());
            List<String> methods = List.copyOf(holdout.groups().get(0).expected().keySet());
            err.printf(Locale.ROOT, "  %-6s %9s %8s", "repeat", "customers", "actual");
            methods.forEach(m -> err.printf(Locale.ROOT, " %14s", m));
            err.println();
            for (HoldoutReport.FrequencyGroup group : holdout.groups()) {
                err.printf(Locale.ROOT, "  %-6s %9d %8.3f", group.frequency(), group.customers(), group.actual());
                group.expected().values().forEach(v -> err.printf(Locale.ROOT, " %14.3f", v));
                err.println();
            }
            err.printf(Locale.ROOT, "  %-15s %10s %10s %9s %8s %8s %9s %8s%n", "method", "forecast", "actual", "error", "MAE", "RMSE", "Spearman", "AUC");
            method(err, holdout.model());
            holdout.baselines().forEach(b -> method(err, b));
            err.printf(Locale.ROOT, "  mean holdout spend per customer: actual %.2f, predicted %.2f (%+.1f%%)%n",
                    holdout.spend().actualMean(), holdout.spend().predictedMean(), holdout.spend().errorPercent());
        }
        card.warnings().forEach(w -> err.println("warning: " + w));
        err.println("note: " + card.notes().get(0));
        err.printf(Locale.ROOT, "published value model %s in %s (current); card: %s%n", version,
                models.path().resolve(ValueStore.KIND).resolve(version), ValueStore.CARD_MARKDOWN);
        err.flush();
    }

    private static void fit(PrintWriter err, String title, ParameterFit fit) {
        StringBuilder line = new StringBuilder("  " + title + ":");
        for (ParameterEstimate estimate : fit.estimates()) {
            line.append(String.format(Locale.ROOT, " %s %.4f (se %.4f)", estimate.name(), estimate.value(), estimate.standardError()));
        }
        line.append(String.format(Locale.ROOT, "; log-likelihood %.2f, %s", fit.logLikelihood(), fit.converged() ? "converged" : "NOT converged"));
        err.println(line);
    }

    private static void method(PrintWriter err, HoldoutReport.MethodFigures figures) {
        err.printf(Locale.ROOT, "  %-15s %10.1f %10.0f %+8.2f%% %8.4f %8.4f %9.4f %8.4f%n", figures.method(), figures.forecastTotal(),
                figures.actualTotal(), figures.aggregateErrorPercent(), figures.meanAbsoluteError(), figures.rootMeanSquaredError(),
                figures.spearman(), figures.aucAnyPurchase());
    }

    private static Map<String, Object> summary(ValueCard card, String version) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", version);
        summary.put("customers", card.population().customers());
        summary.put("repeat_buyers", card.population().repeatBuyers());
        Map<String, Object> parameters = new LinkedHashMap<>();
        card.purchases().fit().estimates().forEach(e -> parameters.put(e.name(), e.value()));
        card.gammaGamma().estimates().forEach(e -> parameters.put(e.name(), e.value()));
        summary.put("parameters", parameters);
        summary.put("purchase_model", card.purchases().model());
        summary.put("purchase_log_likelihood", card.purchases().fit().logLikelihood());
        summary.put("gamma_gamma_log_likelihood", card.gammaGamma().logLikelihood());
        summary.put("converged", card.purchases().fit().converged() && card.gammaGamma().converged());
        summary.put("frequency_value_correlation", card.orderValue().frequencyValueCorrelation());
        summary.put("mean_clv", card.population().meanClv());
        if (card.holdout() != null) {
            HoldoutReport holdout = card.holdout();
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("weeks", holdout.holdoutWeeks());
            Map<String, Object> groups = new LinkedHashMap<>();
            holdout.groups().forEach(g -> groups.put(g.frequency(), Map.of("customers", g.customers(), "actual", g.actual(),
                    holdout.model().method(), g.expected().get(holdout.model().method()))));
            check.put("groups", groups);
            check.put("model", holdout.model());
            holdout.baselines().forEach(b -> check.put(b.method(), b));
            check.put("spend", holdout.spend());
            summary.put("holdout", check);
        }
        summary.put("warnings", card.warnings());
        summary.put("seconds", card.seconds());
        return summary;
    }
}
