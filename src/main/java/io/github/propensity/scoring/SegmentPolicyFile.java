// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.DataException;
import io.github.propensity.model.Task;
import io.github.propensity.model.UpliftGroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;

/**
 * Reads segment rules from a small JSON file, e.g.
 * <pre>
 * {"bands": {"medium_percentile": 70, "high_percentile": 90},
 *  "value_bands": {"medium_percentile": 50, "high_percentile": 80},
 *  "segments": [{"name": "at-risk-high-value", "when": {"churn": ["high"], "value": ["high"]},
 *                "when_without_value": {"churn": ["high"], "purchase": ["high", "medium"]}},
 *               {"name": "at-risk", "when": {"churn": ["high"]}},
 *               {"name": "likely-to-convert", "when": {"conversion": ["high"]}, "where": {"plan": ["free"]}},
 *               {"name": "win-back-persuadables", "when": {"churn": ["high"]}, "uplift": {"winback-email": ["persuadables"]}},
 *               {"name": "everyone-else", "when": {}}]}
 * </pre>
 * {@code value} in {@code when} is the customer's value band; {@code when_without_value}, optional, is what the
 * rule asks instead in a run whose base has no value bands (without it such a rule matches nobody there).
 * {@code uplift} names campaigns and the groups (persuadables, sure-things, lost-causes, sleeping-dogs) a customer
 * must be in; a rescoring run that does not score such a campaign refuses the rules before reading any row.
 * {@code persona} lists the personas (ids, or names) a customer must be in, e.g. {@code "persona": ["1", "3"]}; a run
 * whose persona model lacks one, or that assigns no persona, refuses the rules before reading any row.
 * Errors name the file and the offending segment or field.
 */
public final class SegmentPolicyFile {
    /** The key of a rule's value band condition in {@code when}, beside the task names. */
    static final String VALUE = "value";
    /** A rule's uplift group conditions, per campaign, beside {@code when} and {@code where}. */
    static final String UPLIFT = "uplift";
    /** A rule's persona condition, beside {@code when} and {@code where}. */
    static final String PERSONA = "persona";

    private SegmentPolicyFile() {
    }

    public static SegmentPolicy read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw DataException.inFile(file, "segment rules file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(json, file.getFileName().toString());
    }

    /**
     * The rules in a file's bytes, read elsewhere (the Spark job ships them to its executors).
     *
     * @param fileName the file's name, which error messages start with
     */
    public static SegmentPolicy parse(byte[] json, String fileName) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JacksonException e) {
            throw new DataException(fileName + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName + ": " + e.getMessage(), e);
        }
        try {
            BandCutoffs bands = BandCutoffs.DEFAULT;
            JsonNode bandNode = root.path("bands");
            if (!bandNode.isMissingNode()) {
                bands = new BandCutoffs(bandNode.path("medium_percentile").asDouble(BandCutoffs.DEFAULT.mediumPercentile()),
                        bandNode.path("high_percentile").asDouble(BandCutoffs.DEFAULT.highPercentile()));
            }
            ValueBandCutoffs valueBands = ValueBandCutoffs.DEFAULT;
            JsonNode valueBandNode = root.path("value_bands");
            if (!valueBandNode.isMissingNode()) {
                valueBands = new ValueBandCutoffs(wholePercentile(valueBandNode, "medium_percentile", ValueBandCutoffs.DEFAULT.mediumPercentile()),
                        wholePercentile(valueBandNode, "high_percentile", ValueBandCutoffs.DEFAULT.highPercentile()));
            }
            JsonNode segments = root.path("segments");
            if (!segments.isArray() || segments.isEmpty()) {
                throw new IllegalArgumentException("'segments' must be a non-empty list");
            }
            List<SegmentRule> rules = new ArrayList<>();
            for (JsonNode segment : segments) {
                rules.add(rule(segment));
            }
            return new SegmentPolicy(bands, valueBands, rules);
        } catch (IllegalArgumentException e) {
            throw new DataException(fileName + ": " + e.getMessage());
        }
    }

    private static SegmentRule rule(JsonNode segment) {
        String name = segment.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("every segment needs a 'name'");
        }
        Map<Task, Set<Band>> when = taskBands(name, segment.path("when"), "when");
        ValueCondition value = new ValueCondition.Any();
        JsonNode valueBands = segment.path("when").path(VALUE);
        JsonNode withoutValue = segment.path("when_without_value");
        if (!valueBands.isMissingNode()) {
            Set<Band> bands = bands(name, "value", valueBands);
            value = withoutValue.isMissingNode() ? new ValueCondition.Bands(bands)
                    : new ValueCondition.BandsOrElse(bands, taskBands(name, withoutValue, "when_without_value"));
        } else if (!withoutValue.isMissingNode()) {
            throw new IllegalArgumentException("segment '" + name + "' has 'when_without_value' but no \"value\" in 'when'");
        }
        Map<String, Set<String>> where = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> columns = segment.path("where").fields();
        while (columns.hasNext()) {
            Map.Entry<String, JsonNode> column = columns.next();
            Set<String> values = new LinkedHashSet<>();
            for (JsonNode allowed : column.getValue().isArray() ? column.getValue() : List.of(column.getValue())) {
                values.add(allowed.asText());
            }
            where.put(column.getKey(), values);
        }
        return new SegmentRule(name, when, value, where, upliftGroups(name, segment.path(UPLIFT)), personas(name, segment.path(PERSONA)));
    }

    /** A rule's persona condition: one id or name, or a list of them. */
    private static Set<String> personas(String name, JsonNode condition) {
        Set<String> personas = new LinkedHashSet<>();
        if (condition.isMissingNode() || condition.isNull()) {
            return personas;
        }
        for (JsonNode persona : condition.isArray() ? condition : List.of(condition)) {
            if (!persona.isTextual() && !persona.isIntegralNumber()) {
                throw new IllegalArgumentException("segment '" + name + "': 'persona' must list persona ids or names, e.g. [\"1\", \"3\"]");
            }
            personas.add(persona.asText());
        }
        if (personas.isEmpty()) {
            throw new IllegalArgumentException("segment '" + name + "' lists no persona");
        }
        return personas;
    }

    /** A rule's uplift conditions: campaign name to the groups a customer must be in (one group or a list). */
    private static Map<String, Set<UpliftGroup>> upliftGroups(String name, JsonNode conditions) {
        Map<String, Set<UpliftGroup>> uplift = new LinkedHashMap<>();
        if (conditions.isMissingNode()) {
            return uplift;
        }
        if (!conditions.isObject()) {
            throw new IllegalArgumentException("segment '" + name + "': 'uplift' must map campaign names to lists of groups,"
                    + " e.g. {\"winback-email\": [\"persuadables\"]}");
        }
        Iterator<Map.Entry<String, JsonNode>> campaigns = conditions.fields();
        while (campaigns.hasNext()) {
            Map.Entry<String, JsonNode> campaign = campaigns.next();
            Set<UpliftGroup> groups = EnumSet.noneOf(UpliftGroup.class);
            for (JsonNode group : campaign.getValue().isArray() ? campaign.getValue() : List.of(campaign.getValue())) {
                try {
                    groups.add(UpliftGroup.parse(group.asText()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("segment '" + name + "', uplift campaign '" + campaign.getKey() + "': " + e.getMessage());
                }
            }
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("segment '" + name + "' lists no uplift group for campaign '" + campaign.getKey() + "'");
            }
            uplift.put(campaign.getKey(), groups);
        }
        return uplift;
    }

    /** A rule's task conditions; the {@code value} key is the value band, read apart. */
    private static Map<Task, Set<Band>> taskBands(String name, JsonNode conditionsNode, String field) {
        Map<Task, Set<Band>> when = new EnumMap<>(Task.class);
        Iterator<Map.Entry<String, JsonNode>> conditions = conditionsNode.fields();
        while (conditions.hasNext()) {
            Map.Entry<String, JsonNode> condition = conditions.next();
            if (condition.getKey().equals(VALUE)) {
                if (!field.equals("when")) {
                    throw new IllegalArgumentException("segment '" + name + "': '" + field + "' cannot name value");
                }
                continue;
            }
            Task task;
            try {
                task = Task.parse(condition.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("segment '" + name + "': " + e.getMessage() + " (or value)");
            }
            when.put(task, bands(name, "task " + task, condition.getValue()));
        }
        return when;
    }

    private static Set<Band> bands(String name, String what, JsonNode list) {
        Set<Band> bands = EnumSet.noneOf(Band.class);
        for (JsonNode band : list.isArray() ? list : List.of(list)) {
            try {
                bands.add(Band.parse(band.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("segment '" + name + "', " + what + ": " + e.getMessage());
            }
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("segment '" + name + "' lists no band for " + what);
        }
        return bands;
    }

    private static int wholePercentile(JsonNode node, String field, int fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("value_bands." + field + " must be a whole percentile, got " + value);
        }
        return value.asInt();
    }
}
