// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Objects;

class TransactionSampleGeneratorTest {
    @Test
    void theSameSeedGivesTheSameLog() {
        assertEquals(new TransactionSampleGenerator(9).generate(50), new TransactionSampleGenerator(9).generate(50));
    }

    @Test
    void theLogFollowsItsStory() {
        List<TransactionSampleGenerator.Line> lines = new TransactionSampleGenerator(1).generate(1000);
        assertTrue(lines.stream().allMatch(l -> !l.time().toLocalDate().isBefore(TransactionSampleGenerator.START)
                && !l.time().toLocalDate().isAfter(TransactionSampleGenerator.END)));
        List<TransactionSampleGenerator.Line> cancellations = lines.stream().filter(l -> l.invoice().startsWith("C")).toList();
        assertTrue(cancellations.stream().allMatch(l -> l.quantity() < 0), "cancellations return items");
        assertTrue(lines.stream().filter(l -> !l.invoice().startsWith("C")).allMatch(l -> l.quantity() > 0 && l.unitPrice() > 0));
        long guests = lines.stream().filter(l -> l.customerId() == null).count();
        assertTrue(guests > 0 && guests < 0.03 * lines.size(), "about 1% guest lines, got " + guests);
        Set<String> customers = lines.stream().map(TransactionSampleGenerator.Line::customerId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        assertTrue(customers.size() > 950, "nearly every customer buys at least once as a named customer");
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(!lines.get(i).time().isBefore(lines.get(i - 1).time()), "lines are in time order");
        }
    }
}
