// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.ArtifactVersions;
import io.github.propensity.data.DataException;
import io.github.propensity.value.BgNbd;
import io.github.propensity.value.BgNbdFitter;
import io.github.propensity.value.GammaGamma;
import io.github.propensity.value.GammaGammaFitter;
import io.github.propensity.value.HoldoutBaselines;
import io.github.propensity.value.HoldoutCheck;
import io.github.propensity.value.HoldoutForecast;
import io.github.propensity.value.HoldoutOutcomes;
import io.github.propensity.value.HoldoutReport;
import io.github.propensity.value.Nbd;
import io.github.propensity.value.ParameterFit;
import io.github.propensity.value.PurchaseHistories;
import io.github.propensity.value.PurchaseModel;
import io.github.propensity.value.ValueCard;
import io.github.propensity.value.ValueColumns;
import io.github.propensity.value.ValueFile;
import io.github.propensity.value.ValueModel;
import io.github.propensity.value.ValueReference;
import io.github.propensity.value.ValueScoring;
import io.github.propensity.value.ValueSettings;
import io.github.propensity.value.ValueStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction log to a fitted value model: the calibration customers' histories, both fits (each must converge),
 * the order value model's independence assumption checked, every calibration customer's CLV as the reference for
 * value bands, and, with a holdout end, the holdout check against the two baselines.
 */
public final class ValueFromLog {
    /**
     * The 95 % point of the chi-square distribution with 2 degrees of freedom: BG/NBD has two parameters more than
     * the NBD, so twice their log-likelihood difference below this means the data show no significant dropout.
     */
    private static final double NO_DROPOUT_LIKELIHOOD_RATIO = 5.991;
    /** Above this |correlation| between repeat purchases and mean repeat value the Gamma-Gamma assumption is strained. */
    static final double CORRELATION_WARNING = 0.3;
    /** The Poisson baseline is trained only when its earlier window has at least this many customers. */
    private static final int MIN_BASELINE_CUSTOMERS = 50;
    /** The earlier window's cut-off leaves at least this much history before it. */
    private static final int MIN_BASELINE_HISTORY_DAYS = 28;

    private ValueFromLog() {
    }

    /**
     * @param holdoutEnd empty to fit without a holdout check
     * @param seed       for the Poisson baseline's validation draw
     */
    public record Request(LocalDate calibrationEnd, Optional<LocalDate> holdoutEnd, ValueSettings settings, long seed, int threads) {
        public Request {
            Objects.requireNonNull(calibrationEnd, "calibrationEnd");
            Objects.requireNonNull(holdoutEnd, "holdoutEnd");
            Objects.requireNonNull(settings, "settings");
            if (holdoutEnd.isPresent() && !holdoutEnd.get().isAfter(calibrationEnd)) {
                throw new IllegalArgumentException("the holdout end (" + holdoutEnd.get() + ") must come after the calibration end ("
                        + calibrationEnd + ")");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }
    }

    /** The bundle's file and its card (without version yet). */
    public record Result(ValueFile file, ValueCard card) {
    }

    public static Result fit(TransactionLog log, LogReadSummary source, Request request, double readSeconds) {
        checkDates(log, source, request);
        long start = System.nanoTime();
        RepeatPurchases calibration = RepeatPurchases.at(log, request.calibrationEnd());
        PurchaseHistories histories = calibration.histories();
        long summarized = System.nanoTime();
        Fitted fitted = fitModels(histories, request.settings());
        long fittedAt = System.nanoTime();
        double[] clvs = ValueScoring.clvs(fitted.model(), histories);
        double totalClv = 0;
        for (double clv : clvs) {
            totalClv += clv;
        }
        ValueReference reference = ValueReference.of(clvs.clone());
        long referenced = System.nanoTime();
        HoldoutReport holdout = request.holdoutEnd().map(end -> holdout(log, calibration, fitted.model(), end, request)).orElse(null);
        long checked = System.nanoTime();

        List<String> warnings = new ArrayList<>(fitted.warnings());
        ValueCard.Population population = new ValueCard.Population(histories.size(), histories.repeatBuyers(),
                histories.meanFrequency(), histories.meanAgeWeeks(), totalClv / histories.size(), totalClv);
        ValueCard card = new ValueCard(null, null, fitted.purchases().model().equals("nbd") ? ValueStore.NBD_FAMILY : ValueStore.FAMILY,
                dataSource(source, request), population, fitted.purchases(),
                fitted.gammaGamma().fit(), fitted.orderValueCheck(), request.settings(), ValueColumns.definitions(request.settings()),
                holdout, warnings, notes(),
                new ValueCard.Timings(round(readSeconds), seconds(start, summarized), seconds(summarized, fittedAt),
                        seconds(fittedAt, referenced), seconds(referenced, checked)),
                new ValueCard.Software(ArtifactVersions.propensity(), System.getProperty("java.version")));
        ValueFile file = new ValueFile(fitted.model().purchases(), fitted.model().orderValue(), request.settings(),
                request.calibrationEnd(), reference);
        return new Result(file, card);
    }

    /** Both models fitted on the histories, each required to converge. */
    public record Fitted(ValueModel model, ValueCard.PurchaseFit purchases, GammaGammaFitter.Result gammaGamma,
                         ValueCard.OrderValueCheck orderValueCheck, List<String> warnings) {
    }

    /** Fits both models on histories at one cut-off; also what {@code features --value} does at each as-of date. */
    public static Fitted fitModels(PurchaseHistories histories, ValueSettings settings) {
        ValueCard.PurchaseFit purchases = purchaseFit(histories);
        GammaGammaFitter.Result gammaGamma = GammaGammaFitter.fit(histories);
        if (!gammaGamma.fit().converged()) {
            throw notConverged("order value (Gamma-Gamma)", gammaGamma.fit());
        }
        GammaGamma orderValue = new GammaGamma(gammaGamma.fit().value(0), gammaGamma.fit().value(1), gammaGamma.fit().value(2));
        if (!(orderValue.q() > 1)) {
            throw new DataException(String.format(Locale.ROOT, "the order value model's q is %.3f: with q <= 1 the mean order"
                    + " value has no finite value; the repeat order values are too spread out for this model", orderValue.q()));
        }
        double correlation = frequencyValueCorrelation(histories);
        List<String> warnings = new ArrayList<>();
        if (Math.abs(correlation) > CORRELATION_WARNING) {
            warnings.add(String.format(Locale.ROOT, "repeat purchases and mean repeat order value are correlated (%.2f): the"
                    + " order value model assumes they are independent, so expected order values and CLV lean %s for"
                    + " frequent buyers", correlation, correlation > 0 ? "low" : "high"));
        }
        ParameterFit fit = purchases.fit();
        PurchaseModel purchaseModel = purchases.model().equals("nbd") ? new Nbd(fit.value(0), fit.value(1))
                : new BgNbd(fit.value(0), fit.value(1), fit.value(2), fit.value(3));
        ValueModel model = new ValueModel(purchaseModel, orderValue, settings);
        ValueCard.OrderValueCheck check = new ValueCard.OrderValueCheck(gammaGamma.customers(), gammaGamma.leftOutNonPositive(),
                correlation, orderValue.populationMean());
        return new Fitted(model, purchases, gammaGamma, check, warnings);
    }

    /**
     * BG/NBD when it converges. When it does not, its likelihood kept rising towards a boundary of its parameters:
     * towards no dropout at all (the Beta's mass piling up at p = 0: a → 0 or b → ∞), or towards a small share of
     * customers who leave at once and the rest never (a, b → 0). Then the NBD, BG/NBD without dropout, is fitted and
     * used when the likelihood-ratio test finds no significant dropout (2 x the log-likelihood gain of BG/NBD's two
     * extra parameters below 5.99, the 95 % point of chi-square with 2 degrees of freedom); otherwise the fit fails.
     */
    private static ValueCard.PurchaseFit purchaseFit(PurchaseHistories histories) {
        ParameterFit bgnbd = BgNbdFitter.fit(histories);
        if (bgnbd.converged()) {
            return new ValueCard.PurchaseFit("bgnbd", bgnbd, null, "BG/NBD converged at an interior maximum of its likelihood.");
        }
        ParameterFit nbd = BgNbdFitter.fitNoDropoutLimit(histories);
        double likelihoodRatio = 2 * (bgnbd.logLikelihood() - nbd.logLikelihood());
        if (nbd.converged() && likelihoodRatio < NO_DROPOUT_LIKELIHOOD_RATIO) {
            return new ValueCard.PurchaseFit("nbd", nbd, bgnbd, String.format(Locale.ROOT, "BG/NBD did not converge: its"
                    + " likelihood kept rising towards a boundary (a = %.3g, b = %.3g), and the NBD, BG/NBD without dropout,"
                    + " fits about as well (log-likelihood %.2f against %.2f; likelihood ratio %.2f, below 5.99: no"
                    + " significant dropout), so the NBD is used: nobody is seen to leave in the calibration period, every"
                    + " customer is alive (P(alive) = 1) and expected purchases grow in proportion to the horizon. A longer"
                    + " calibration period usually shows dropout.", bgnbd.value(2), bgnbd.value(3), nbd.logLikelihood(),
                    bgnbd.logLikelihood(), Math.max(0, likelihoodRatio)));
        }
        throw notConverged("purchase (BG/NBD)", bgnbd);
    }

    private static DataException notConverged(String which, ParameterFit fit) {
        return new DataException(String.format(Locale.ROOT, "the %s model did not converge (log-likelihood %.3f, Newton"
                + " decrement %.3g, estimates %s); the histories may be too few or too uniform for it: try a later"
                + " calibration end or a longer log", which, fit.logLikelihood(), fit.newtonDecrement(), fit.estimates()));
    }

    private static void checkDates(TransactionLog log, LogReadSummary source, Request request) {
        LocalDate first = LocalDate.ofEpochDay(log.firstDay());
        LocalDate last = LocalDate.ofEpochDay(log.lastDay());
        if (request.calibrationEnd().isBefore(first) || request.calibrationEnd().isAfter(last)) {
            throw new DataException(source.file() + ": the calibration end " + request.calibrationEnd()
                    + " is outside the log, which runs from " + first + " to " + last);
        }
        request.holdoutEnd().ifPresent(end -> {
            if (end.isAfter(last)) {
                throw new DataException(source.file() + ": the holdout end " + end + " is after the log's last transaction ("
                        + last + "): purchases after that are unknown, not absent; choose a holdout end on or before " + last);
            }
        });
    }

    private static HoldoutReport holdout(TransactionLog log, RepeatPurchases calibration, ValueModel model, LocalDate holdoutEnd,
                                         Request request) {
        HoldoutOutcomes outcomes = calibration.holdout(log, holdoutEnd);
        List<HoldoutForecast> baselines = new ArrayList<>();
        baselines.add(HoldoutBaselines.rateTimesHorizon(calibration.histories(), outcomes.weeks()));
        poissonBaseline(log, calibration, outcomes.weeks(), request).ifPresent(baselines::add);
        return HoldoutCheck.report(model, calibration.histories(), outcomes, request.calibrationEnd(), holdoutEnd, baselines);
    }

    /**
     * The Poisson baseline trained on the window of the holdout's length that ends at the calibration end, or, when
     * the log does not reach that far back, on the later half of the calibration period.
     */
    private static Optional<HoldoutForecast> poissonBaseline(TransactionLog log, RepeatPurchases calibration, double holdoutWeeks,
                                                            Request request) {
        long calibrationEnd = request.calibrationEnd().toEpochDay();
        long holdoutDays = Math.round(holdoutWeeks * PurchaseHistories.DAYS_PER_WEEK);
        long earliest = log.firstDay() + MIN_BASELINE_HISTORY_DAYS;
        long cutoff = calibrationEnd - holdoutDays >= earliest ? calibrationEnd - holdoutDays : (log.firstDay() + calibrationEnd) / 2;
        if (cutoff >= calibrationEnd || cutoff < log.firstDay()) {
            return Optional.empty();
        }
        RepeatPurchases earlier = RepeatPurchases.at(log, LocalDate.ofEpochDay(cutoff));
        if (earlier.size() < MIN_BASELINE_CUSTOMERS) {
            return Optional.empty();
        }
        HoldoutOutcomes window = earlier.holdout(log, request.calibrationEnd());
        return Optional.of(HoldoutBaselines.poissonTrees(earlier.histories(), window.purchaseDays(), window.weeks(),
                calibration.histories(), holdoutWeeks, request.seed(), request.threads()));
    }

    static double frequencyValueCorrelation(PurchaseHistories histories) {
        double n = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXX = 0;
        double sumYY = 0;
        double sumXY = 0;
        for (int i = 0; i < histories.size(); i++) {
            double m = histories.meanRepeatValue(i);
            if (histories.frequency(i) > 0 && m > 0) {
                double x = histories.frequency(i);
                n++;
                sumX += x;
                sumY += m;
                sumXX += x * x;
                sumYY += m * m;
                sumXY += x * m;
            }
        }
        double covariance = sumXY / n - sumX / n * sumY / n;
        double varianceX = sumXX / n - (sumX / n) * (sumX / n);
        double varianceY = sumYY / n - (sumY / n) * (sumY / n);
        return varianceX <= 0 || varianceY <= 0 ? 0 : covariance / Math.sqrt(varianceX * varianceY);
    }

    private static ValueCard.DataSource dataSource(LogReadSummary source, Request request) {
        return new ValueCard.DataSource(source.file(), source.sha256(), source.lines(), source.usedLines(), source.returnLines(),
                source.withoutCustomer(), source.badLines(), source.dateFormat(), source.firstDate(), source.lastDate(),
                request.calibrationEnd(), request.holdoutEnd().orElse(null));
    }

    private static List<String> notes() {
        return List.of(
                "P(alive) is 1 for every customer without a repeat purchase: in BG/NBD a customer can drop out only right"
                        + " after a purchase, so someone who bought once and never again is 'alive' with a low expected"
                        + " purchase count; rank one-time buyers by expected purchases or CLV, not by P(alive).",
                "Time is in weeks; purchases on the same day count as one; the first purchase day starts the history and"
                        + " is not a repeat purchase, and its value is not part of the mean repeat order value.",
                "Returns never count as purchases; a customer's mean repeat order value is scaled by the share of value"
                        + " they kept (bought minus returned, over bought) in the calibration period.");
    }

    private static double seconds(long from, long to) {
        return round((to - from) / 1e9);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
