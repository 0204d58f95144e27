// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaInferenceTest {
    @TempDir
    Path dir;

    private CustomerTable table() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,charges,plan,senior,active,country,note,label\n");
        for (int i = 0; i < 200; i++) {
            String charges = i == 7 ? " " : i == 9 ? "unknown" : String.valueOf(10.5 + i);
            String plan = i % 3 == 0 ? "basic" : i % 3 == 1 ? "premium" : "NA";
            csv.append("C").append(i).append(',').append(charges).append(',').append(plan).append(',')
                    .append(i % 2).append(',').append(i % 4 == 0 ? "Yes" : "No").append(",NL,")
                    .append("free text number ").append(i).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, csv);
        return CustomerTable.read(file, null);
    }

    private static ColumnDecision find(List<ColumnDecision> decisions, String name) {
        return decisions.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void numericColumnWithAFewStrayTokensStaysNumericWithMissing() throws IOException {
        List<ColumnDecision> decisions = SchemaInference.infer(table(), Map.of());
        ColumnDecision charges = find(decisions, "charges");
        assertEquals(ColumnKind.NUMERIC, charges.kind());
        assertEquals(2, charges.missing());
        assertEquals(List.of("unknown"), charges.missingTokens());
        assertTrue(charges.isFeature());
    }

    @Test
    void inferCategoricalAndBooleanColumns() throws IOException {
        List<ColumnDecision> decisions = SchemaInference.infer(table(), Map.of());
        assertEquals(ColumnKind.CATEGORICAL, find(decisions, "plan").kind());
        assertEquals(ColumnKind.BOOLEAN, find(decisions, "senior").kind());
        ColumnDecision active = find(decisions, "active");
        assertEquals(ColumnKind.BOOLEAN, active.kind());
        assertEquals("yes", active.trueToken());
    }

    @Test
    void excludesConstantAndNearUniqueTextColumnsWithReasons() throws IOException {
        List<ColumnDecision> decisions = SchemaInference.infer(table(), Map.of());
        assertTrue(find(decisions, "country").exclusion().startsWith("constant"));
        assertTrue(find(decisions, "note").exclusion().startsWith("near-unique"));
        assertTrue(find(decisions, "customer_id").exclusion().startsWith("near-unique"));
    }

    /** Repeated contact details (shared household phones, a few addresses) are not near-unique, yet never features. */
    @Test
    void excludesRepeatedPhoneNumbersAndEmailAddressesAsPersonalData() throws IOException {
        StringBuilder csv = new StringBuilder("phone,email,ticket,plan\n");
        String[] formats = {"(415) 555-01%02d", "+1 212-555-01%02d", "720.555.01%02d"};
        for (int i = 0; i < 3000; i++) {
            String phone = i % 10 == 0 ? "" : String.format(java.util.Locale.ROOT, formats[i % 3], i % 40);
            csv.append(phone).append(',').append("Person").append(i % 30).append("@Example.com,")
                    .append("T-").append(i % 50).append(',').append(i % 2 == 0 ? "basic" : "premium").append('\n');
        }
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, csv);
        List<ColumnDecision> decisions = SchemaInference.infer(CustomerTable.read(file, null), Map.of());
        assertTrue(find(decisions, "phone").exclusion().startsWith("phone numbers"), find(decisions, "phone").exclusion());
        assertTrue(find(decisions, "email").exclusion().startsWith("e-mail addresses"), find(decisions, "email").exclusion());
        assertTrue(find(decisions, "ticket").isFeature(), "short codes with a few digits are not phone numbers");
        assertTrue(find(decisions, "plan").isFeature());
    }

    @Test
    void namedColumnsAreNeverFeatures() throws IOException {
        List<ColumnDecision> decisions = SchemaInference.infer(table(), Map.of("customer_id", "the customer id", "label", "the label"));
        assertEquals("the customer id", find(decisions, "customer_id").exclusion());
        assertFalse(find(decisions, "label").isFeature());
        assertNull(find(decisions, "plan").exclusion());
        assertNotNull(find(decisions, "label").exclusion());
    }
}
