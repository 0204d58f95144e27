// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real exports behave as the ingestion rules promise. Runs only where the public data sets sit beside the project
 * ({@code ../shared/data}); skipped elsewhere.
 */
class PublicDataIngestionTest {
    private static final Path DATA = Path.of("..", "shared", "data");

    private static Path file(String set, String name) {
        Path file = DATA.resolve(set).resolve(name);
        assumeTrue(Files.isRegularFile(file), "public data not present: " + file);
        return file;
    }

    private static ColumnDecision column(List<ColumnDecision> decisions, String name) {
        return decisions.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void telcoTotalChargesWithBlankCellsIsNumericWithMissing() {
        CustomerTable table = CustomerTable.read(file("telco-churn", "Telco-Customer-Churn.csv"), null);
        assertEquals(7043, table.rowCount());
        List<ColumnDecision> decisions = SchemaInference.infer(table, Map.of("customerID", "the customer id"));
        ColumnDecision totalCharges = column(decisions, "TotalCharges");
        assertEquals(ColumnKind.NUMERIC, totalCharges.kind());
        assertEquals(11, totalCharges.missing());
        assertEquals(ColumnKind.BOOLEAN, column(decisions, "SeniorCitizen").kind());
        assertEquals(ColumnKind.CATEGORICAL, column(decisions, "PaymentMethod").kind());
    }

    @Test
    void bankMarketingIsReadAsQuotedSemicolonSeparated() {
        CustomerTable table = CustomerTable.read(file("bank-marketing", "bank-additional-full.csv"), null);
        assertEquals(41188, table.rowCount());
        assertEquals("age", table.header().get(0));
        assertEquals(21, table.header().size());
        List<ColumnDecision> decisions = SchemaInference.infer(table, Map.of());
        assertEquals(ColumnKind.NUMERIC, column(decisions, "euribor3m").kind());
        assertEquals(ColumnKind.CATEGORICAL, column(decisions, "job").kind());
    }

    @Test
    void onlineRetailGzipIsReadDirectly() {
        try (CsvRecordReader reader = CsvRecordReader.open(file("online-retail", "online_retail.csv.gz"), null)) {
            assertEquals(List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"),
                    reader.header());
            long rows = 0;
            while (reader.next() != null) {
                rows++;
            }
            assertEquals(541909, rows);
        }
    }
}
