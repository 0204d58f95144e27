// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import io.github.propensity.data.Decimals;
import io.github.propensity.storage.Compression;
import io.github.propensity.storage.StagedFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes a generated customer base as CSV (gzip when the name ends in {@code .gz}), and optionally the true
 * probabilities to a second file. Both are staged beside their targets and renamed into place once complete, so an
 * interrupted run never leaves a half-written sample.
 */
public final class SampleWriter {
    public static final List<String> COLUMNS = List.of("customer_id", "email", "phone", "signup_channel", "region",
            "device", "plan", "auto_renew", "tenure_days", "sessions_30d", "days_since_last_login", "orders_90d",
            "spend_365d", "avg_order_value", "support_tickets_90d", "email_open_rate", "nps_score", "discount_share",
            "churned", "purchased_30d", "converted");
    public static final List<String> TRUTH_COLUMNS = List.of("customer_id", "p_churn", "p_purchase", "p_convert");

    private SampleWriter() {
    }

    /** The persona sample's extra columns (no group structure), written before the outcome labels. */
    public static final List<String> PERSONA_NOISE_COLUMNS = List.of("account_number", "noise_score");
    /** The persona sample's truth file adds each customer's true group (1-based, see {@link PersonaSampleGenerator#GROUPS}). */
    public static final String TRUE_PERSONA = "persona";

    public static SampleSummary write(Path customersCsv, Path truthCsvOrNull, int customers, long seed) throws IOException {
        SampleGenerator generator = new SampleGenerator(seed);
        return write(customersCsv, truthCsvOrNull, customers, COLUMNS, TRUTH_COLUMNS,
                () -> new Drawn(generator.next(), List.of(), List.of()));
    }

    /** Writes a base drawn from the behavioural groups of {@link PersonaSampleGenerator}. */
    public static SampleSummary writePersonas(Path customersCsv, Path truthCsvOrNull, int customers, long seed) throws IOException {
        List<String> columns = new ArrayList<>(COLUMNS.subList(0, COLUMNS.size() - LABELS));
        columns.addAll(PERSONA_NOISE_COLUMNS);
        columns.addAll(COLUMNS.subList(COLUMNS.size() - LABELS, COLUMNS.size()));
        List<String> truthColumns = new ArrayList<>(TRUTH_COLUMNS);
        truthColumns.add(TRUE_PERSONA);
        PersonaSampleGenerator generator = new PersonaSampleGenerator(seed);
        return write(customersCsv, truthCsvOrNull, customers, columns, truthColumns, () -> {
            PersonaSampleGenerator.PersonaCustomer drawn = generator.next();
            return new Drawn(drawn.customer(), List.of(drawn.accountNumber(), Decimals.format(drawn.noiseScore(), 1)),
                    List.of(drawn.persona()));
        });
    }

    /** The three outcome labels that end every customer row. */
    private static final int LABELS = 3;

    /** One customer and the values of the extra columns (before the labels) and truth columns (at the end). */
    private record Drawn(GeneratedCustomer customer, List<Object> extraFeatures, List<Object> extraTruth) {
    }

    private static SampleSummary write(Path customersCsv, Path truthCsvOrNull, int customers, List<String> columns,
                                       List<String> truthColumns, Supplier<Drawn> draws) throws IOException {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1");
        }
        int churned = 0;
        int purchased = 0;
        int free = 0;
        int converted = 0;
        try (StagedFile customersFile = StagedFile.open(customersCsv);
             StagedFile truthFile = truthCsvOrNull == null ? null : StagedFile.open(truthCsvOrNull)) {
            CSVPrinter out = printer(customersFile, customersCsv);
            CSVPrinter truth = truthFile == null ? null : printer(truthFile, truthCsvOrNull);
            out.printRecord(columns);
            if (truth != null) {
                truth.printRecord(truthColumns);
            }
            for (int i = 0; i < customers; i++) {
                Drawn drawn = draws.get();
                GeneratedCustomer c = drawn.customer();
                List<Object> row = new ArrayList<>(List.of(c.customerId(), c.email(), orEmpty(c.phone()), c.signupChannel(), c.region(),
                        c.device(), c.plan(), yesNo(c.autoRenew()), c.tenureDays(), c.sessions30d(), c.daysSinceLastLogin(),
                        c.orders90d(), Decimals.format(c.spend365d(), 2),
                        c.avgOrderValue() == null ? "" : Decimals.format(c.avgOrderValue(), 2), c.supportTickets90d(),
                        c.emailOpenRate() == null ? "" : Decimals.format(c.emailOpenRate(), 3),
                        c.npsScore() == null ? "" : c.npsScore(), Decimals.format(c.discountShare(), 3)));
                row.addAll(drawn.extraFeatures());
                row.addAll(List.of(yesNo(c.churned()), yesNo(c.purchased30d()), c.converted() == null ? "" : yesNo(c.converted())));
                out.printRecord(row);
                if (truth != null) {
                    List<Object> truthRow = new ArrayList<>(List.of(c.customerId(), Decimals.format(c.pChurn(), 6),
                            Decimals.format(c.pPurchase(), 6), c.pConvert() == null ? "" : Decimals.format(c.pConvert(), 6)));
                    truthRow.addAll(drawn.extraTruth());
                    truth.printRecord(truthRow);
                }
                churned += c.churned() ? 1 : 0;
                purchased += c.purchased30d() ? 1 : 0;
                if (c.converted() != null) {
                    free++;
                    converted += c.converted() ? 1 : 0;
                }
            }
            customersFile.commit();
            if (truthFile != null) {
                truthFile.commit();
            }
        }
        return new SampleSummary(customers, (double) churned / customers, (double) purchased / customers,
                free == 0 ? 0 : (double) converted / free);
    }

    private static CSVPrinter printer(StagedFile file, Path target) throws IOException {
        return new CSVPrinter(file.text(Compression.byName(target)), CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
