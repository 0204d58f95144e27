// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.model.Persona;
import io.github.propensity.model.UpliftGroup;
import io.github.propensity.scoring.Band;
import io.github.propensity.scoring.BaseScoring;
import io.github.propensity.scoring.SnapshotCounts;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * What {@code segments.json} and the manifest count beside segments and task bands, as the CLI's tally counts it:
 * customers per value band (when the base was banded), per uplift group of each campaign and per persona, and the
 * customers without a readable CLV. One aggregation, kept apart from the segment-and-band one so the groups do not
 * multiply (here at most 4 value codes x 4 groups per campaign x the personas).
 *
 * @param valueBands   customers per value band label, zeros included
 * @param valueBanded  whether the base was value-banded, so segments.json lists the value bands
 * @param upliftGroups per campaign: customers per group label, zeros included
 * @param personas     id, name and customers of each persona in the model's order
 * @param withoutClv   customers whose CLV cell was empty or held no number
 */
record ValueUpliftPersonaCounts(Map<String, Long> valueBands, boolean valueBanded, Map<String, Map<String, Long>> upliftGroups,
                                List<Map<String, Object>> personas, long withoutClv) {
    private static final String WITHOUT_CLV = "_without_clv";

    static ValueUpliftPersonaCounts count(Dataset<Row> customers, BaseScoring scoring) {
        boolean value = !scoring.valueColumns().isEmpty();
        List<Column> groups = new ArrayList<>();
        if (value) {
            groups.add(col(ScoresSchema.VALUE_BAND));
            groups.add(col(ScoresSchema.CLV).isNull().as(WITHOUT_CLV));
        }
        List<String> campaigns = scoring.campaignNames();
        campaigns.forEach(campaign -> groups.add(col(ScoresSchema.group(campaign))));
        if (scoring.assignsPersonas()) {
            groups.add(col(ScoresSchema.PERSONA));
        }
        Map<String, Long> valueBands = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            valueBands.put(band.label(), 0L);
        }
        Map<String, Map<String, Long>> upliftGroups = new LinkedHashMap<>();
        for (String campaign : campaigns) {
            Map<String, Long> byGroup = new LinkedHashMap<>();
            for (UpliftGroup group : UpliftGroup.values()) {
                byGroup.put(group.label(), 0L);
            }
            upliftGroups.put(campaign, byGroup);
        }
        Map<Integer, Long> byPersonaId = new HashMap<>();
        long withoutClv = 0;
        if (!groups.isEmpty()) {
            for (Row row : customers.groupBy(groups.toArray(Column[]::new)).count().collectAsList()) {
                long customersInGroup = row.getLong(groups.size());
                int c = 0;
                if (value) {
                    String band = row.getString(c++);
                    if (band != null) {
                        valueBands.merge(band, customersInGroup, Long::sum);
                    }
                    if (row.getBoolean(c++)) {
                        withoutClv += customersInGroup;
                    }
                }
                for (String campaign : campaigns) {
                    upliftGroups.get(campaign).merge(row.getString(c++), customersInGroup, Long::sum);
                }
                if (scoring.assignsPersonas()) {
                    byPersonaId.merge(row.getInt(c), customersInGroup, Long::sum);
                }
            }
        }
        List<Map<String, Object>> personas = new ArrayList<>();
        for (int slot = 0; slot < scoring.personaIds().size(); slot++) {
            Persona persona = scoring.persona(slot);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", persona.id());
            entry.put("name", persona.name());
            entry.put("customers", byPersonaId.getOrDefault(persona.id(), 0L));
            personas.add(entry);
        }
        return new ValueUpliftPersonaCounts(valueBands, scoring.valueBanded(), upliftGroups, personas, withoutClv);
    }

    /** {@code segments.json}: the segment and task band counts with these beside them. */
    SnapshotCounts addTo(SnapshotCounts segmentsAndBands) {
        Map<String, Map<String, Long>> bands = new LinkedHashMap<>(segmentsAndBands.bands());
        if (valueBanded) {
            bands.put(SnapshotCounts.VALUE_BANDS, valueBands);
        }
        return new SnapshotCounts(segmentsAndBands.customers(), segmentsAndBands.segments(), bands, upliftGroups, personas);
    }
}
