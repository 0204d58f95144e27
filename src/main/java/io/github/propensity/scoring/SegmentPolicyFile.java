// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.DataException;
import io.github.propensity.model.Task;

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
 *  "segments": [{"name": "at-risk", "when": {"churn": ["high"]}},
 *               {"name": "likely-to-convert", "when": {"conversion": ["high"]}, "where": {"plan": ["free"]}},
 *               {"name": "everyone-else", "when": {}}]}
 * </pre>
 * Errors name the file and the offending segment or field.
 */
public final class SegmentPolicyFile {
    private SegmentPolicyFile() {
    }

    public static SegmentPolicy read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw DataException.inFile(file, "segment rules file not found");
        } catch (JacksonException e) {
            throw DataException.inFile(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            BandCutoffs bands = BandCutoffs.DEFAULT;
            JsonNode bandNode = root.path("bands");
            if (!bandNode.isMissingNode()) {
                bands = new BandCutoffs(bandNode.path("medium_percentile").asDouble(BandCutoffs.DEFAULT.mediumPercentile()),
                        bandNode.path("high_percentile").asDouble(BandCutoffs.DEFAULT.highPercentile()));
            }
            JsonNode segments = root.path("segments");
            if (!segments.isArray() || segments.isEmpty()) {
                throw new IllegalArgumentException("'segments' must be a non-empty list");
            }
            List<SegmentRule> rules = new ArrayList<>();
            for (JsonNode segment : segments) {
                rules.add(rule(segment));
            }
            return new SegmentPolicy(bands, rules);
        } catch (IllegalArgumentException e) {
            throw DataException.inFile(file, e.getMessage());
        }
    }

    private static SegmentRule rule(JsonNode segment) {
        String name = segment.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("every segment needs a 'name'");
        }
        Map<Task, Set<Band>> when = new EnumMap<>(Task.class);
        Iterator<Map.Entry<String, JsonNode>> conditions = segment.path("when").fields();
        while (conditions.hasNext()) {
            Map.Entry<String, JsonNode> condition = conditions.next();
            Task task;
            try {
                task = Task.parse(condition.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("segment '" + name + "': " + e.getMessage());
            }
            Set<Band> bands = EnumSet.noneOf(Band.class);
            for (JsonNode band : condition.getValue().isArray() ? condition.getValue() : List.of(condition.getValue())) {
                try {
                    bands.add(Band.parse(band.asText()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("segment '" + name + "', task " + task + ": " + e.getMessage());
                }
            }
            when.put(task, bands);
        }
        Map<String, Set<String>> where = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> columns = segment.path("where").fields();
        while (columns.hasNext()) {
            Map.Entry<String, JsonNode> column = columns.next();
            Set<String> values = new LinkedHashSet<>();
            for (JsonNode value : column.getValue().isArray() ? column.getValue() : List.of(column.getValue())) {
                values.add(value.asText());
            }
            where.put(column.getKey(), values);
        }
        return new SegmentRule(name, when, where);
    }
}
