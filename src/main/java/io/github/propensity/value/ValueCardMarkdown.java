// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.Locale;
import java.util.Map;

/** {@code card.md}: the value card as a page an analyst can read. */
public final class ValueCardMarkdown {
    private ValueCardMarkdown() {
    }

    public static String render(ValueCard card) {
        StringBuilder md = new StringBuilder();
        md.append("# Value model ").append(card.version()).append("\n\n");
        md.append("Expected purchases and P(alive) from BG/NBD (Fader, Hardie & Lee 2005), expected order value from")
                .append(" Gamma-Gamma (Fader & Hardie 2013), CLV from both.\n\n");
        ValueCard.DataSource data = card.data();
        md.append("- Created: ").append(card.createdAt()).append("\n");
        md.append("- Log: `").append(data.file()).append("` (sha256 `").append(data.sha256()).append("`), ")
                .append(data.lines()).append(" lines from ").append(data.firstDate()).append(" to ").append(data.lastDate())
                .append("; ").append(data.returnLines()).append(" return lines, ").append(data.withoutCustomer())
                .append(" without a customer, ").append(data.badLines()).append(" unreadable left out\n");
        md.append("- Calibration: transactions up to the end of ").append(data.calibrationEnd());
        if (data.holdoutEnd() != null) {
            md.append("; holdout to the end of ").append(data.holdoutEnd());
        }
        md.append("\n");
        ValueCard.Population population = card.population();
        md.append(String.format(Locale.ROOT, "- Customers: %d, %d of them with a repeat purchase day; mean repeat purchase days %.3f, mean age %.1f weeks%n",
                population.customers(), population.repeatBuyers(), population.meanRepeatPurchases(), population.meanAgeWeeks()));
        md.append(String.format(Locale.ROOT, "- CLV over %d days at %.1f %% a year: mean %.2f, total %.0f%n%n",
                card.settings().horizonDays(), 100 * card.settings().annualDiscountRate(), population.meanClv(), population.totalClv()));
        fit(md, card.purchases().model().equals("nbd") ? "NBD (purchases, no dropout; time in weeks)"
                : "BG/NBD (purchases and dropout; time in weeks)", card.purchases().fit());
        md.append(card.purchases().reason()).append("\n\n");
        fit(md, "Gamma-Gamma (order value)", card.gammaGamma());
        ValueCard.OrderValueCheck value = card.orderValue();
        md.append(String.format(Locale.ROOT, "Order value fitted on %d repeat buyers (%d left out: repeat days worth 0 or all returned);"
                        + " correlation of repeat purchases and mean repeat value %.3f (the model assumes none); population mean order value %.2f.%n%n",
                value.customers(), value.leftOutNonPositive(), value.frequencyValueCorrelation(), value.populationMeanOrderValue()));
        if (card.holdout() != null) {
            holdout(md, card.holdout());
        }
        if (!card.warnings().isEmpty()) {
            md.append("## Warnings\n\n");
            card.warnings().forEach(w -> md.append("- ").append(w).append("\n"));
            md.append("\n");
        }
        md.append("## Columns\n\n| column | definition |\n|---|---|\n");
        card.columns().forEach((name, definition) -> md.append("| `").append(name).append("` | ").append(definition).append(" |\n"));
        md.append("\n## Notes\n\n");
        card.notes().forEach(n -> md.append("- ").append(n).append("\n"));
        return md.toString();
    }

    private static void fit(StringBuilder md, String title, ParameterFit fit) {
        md.append("## ").append(title).append("\n\n| parameter | estimate | standard error |\n|---|---|---|\n");
        for (ParameterEstimate estimate : fit.estimates()) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n", estimate.name(), estimate.value(), estimate.standardError()));
        }
        md.append(String.format(Locale.ROOT, "%nLog-likelihood %.2f over %d customers (%d distinct histories); %s.%n%n",
                fit.logLikelihood(), fit.customers(), fit.distinctRows(), fit.converged() ? "converged" : "NOT converged"));
    }

    private static void holdout(StringBuilder md, HoldoutReport holdout) {
        md.append(String.format(Locale.ROOT, "## Holdout check (%s to %s, %.1f weeks, %d customers)%n%n",
                holdout.calibrationEnd(), holdout.holdoutEnd(), holdout.holdoutWeeks(), holdout.customers()));
        md.append("Mean purchase days in the holdout by calibration repeat purchases:\n\n| repeat purchases | customers | actual |");
        Map<String, Double> first = holdout.groups().get(0).expected();
        first.keySet().forEach(method -> md.append(" ").append(method).append(" |"));
        md.append("\n|---|---|---|").append("---|".repeat(first.size())).append("\n");
        for (HoldoutReport.FrequencyGroup group : holdout.groups()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f |", group.frequency(), group.customers(), group.actual()));
            group.expected().values().forEach(v -> md.append(String.format(Locale.ROOT, " %.3f |", v)));
            md.append("\n");
        }
        md.append("\n| method | forecast total | actual total | aggregate error | MAE | RMSE | Spearman | AUC any purchase |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        method(md, holdout.model());
        holdout.baselines().forEach(b -> method(md, b));
        HoldoutReport.SpendCheck spend = holdout.spend();
        md.append(String.format(Locale.ROOT, "%nMean holdout spend per customer: actual %.2f, predicted %.2f (%+.1f %%).%n%n",
                spend.actualMean(), spend.predictedMean(), spend.errorPercent()));
    }

    private static void method(StringBuilder md, HoldoutReport.MethodFigures figures) {
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %+.2f %% | %.4f | %.4f | %.4f | %.4f |%n", figures.method(),
                figures.forecastTotal(), figures.actualTotal(), figures.aggregateErrorPercent(), figures.meanAbsoluteError(),
                figures.rootMeanSquaredError(), figures.spearman(), figures.aucAnyPurchase()));
    }
}
