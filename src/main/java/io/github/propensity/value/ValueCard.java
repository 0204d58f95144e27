// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code card.json} of a value bundle: where the data came from, who was in it, both fits with standard errors,
 * log-likelihood and convergence, the checks of the order value model's assumption, the holdout check when one was
 * asked for, and what the value columns mean.
 *
 * @param holdout  null when the fit was given no holdout end
 * @param warnings assumptions the data strains (printed too)
 * @param notes    properties of the model users misread
 */
public record ValueCard(String version, Instant createdAt, String family, DataSource data, Population population,
                        PurchaseFit purchases, ParameterFit gammaGamma, OrderValueCheck orderValue, ValueSettings settings,
                        Map<String, String> columns, HoldoutReport holdout, List<String> warnings, List<String> notes,
                        Timings seconds, Software software) {
    public ValueCard {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(data, "data");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public ValueCard withVersion(String version, Instant createdAt) {
        return new ValueCard(version, createdAt, family, data, population, purchases, gammaGamma, orderValue, settings, columns,
                holdout, warnings, notes, seconds, software);
    }

    /**
     * The purchase model's fit.
     *
     * @param model         {@code bgnbd}, or {@code nbd} when BG/NBD's likelihood peaked at its no-dropout limit
     * @param fit           the chosen model's estimates
     * @param bgnbdAttempt  the BG/NBD fit that did not converge, when the NBD was chosen instead (else null)
     * @param reason        why this model
     */
    public record PurchaseFit(String model, ParameterFit fit, ParameterFit bgnbdAttempt, String reason) {
    }

    /** The transaction log as it was read. */
    public record DataSource(String file, String sha256, long lines, long usedLines, long returnLines, long withoutCustomer,
                             long badLines, String dateFormat, LocalDate firstDate, LocalDate lastDate,
                             LocalDate calibrationEnd, LocalDate holdoutEnd) {
    }

    /**
     * The calibration customers.
     *
     * @param meanAgeWeeks mean T, weeks from the first purchase to the calibration end
     */
    public record Population(int customers, int repeatBuyers, double meanRepeatPurchases, double meanAgeWeeks,
                             double meanClv, double totalClv) {
    }

    /**
     * @param customers                    repeat buyers the Gamma-Gamma model was fitted on
     * @param leftOutNonPositive           repeat buyers left out because their repeat days were worth 0 or were all returned
     * @param frequencyValueCorrelation    Pearson correlation of repeat purchases and mean repeat value among them;
     *                                     the model assumes 0
     * @param populationMeanOrderValue     pγ/(q-1), what a customer without a repeat purchase is expected to spend per order
     */
    public record OrderValueCheck(int customers, int leftOutNonPositive, double frequencyValueCorrelation,
                                  double populationMeanOrderValue) {
    }

    /** Where the time went, in seconds. */
    public record Timings(double readLog, double summary, double fit, double reference, double holdout) {
    }

    public record Software(String propensity, String java) {
    }
}
