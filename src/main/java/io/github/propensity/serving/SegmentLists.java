// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.NumericValues;
import io.github.propensity.model.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest snapshot's segments and their customer lists (the at-risk list export). Lists are streamed from the
 * snapshot's scores file row by row, never held in memory.
 */
public final class SegmentLists {
    private final ObjectMapper json = new ObjectMapper();

    /** Receives a list: the header once, then each row. */
    public interface RowSink {
        void header(List<String> columns);

        void row(String[] values);
    }

    /** Filters of a list request: at most {@code limit} rows (null: all), and a minimum score on one task. */
    public record ListQuery(Integer limit, Integer minScore, Task task) {
        public ListQuery {
            if (limit != null && limit < 0) {
                throw new InvalidInputException("limit must not be negative");
            }
            if (minScore != null && (minScore < 0 || minScore > 100)) {
                throw new InvalidInputException("min_score must be between 0 and 100");
            }
            if (minScore != null && task == null) {
                throw new InvalidInputException("min_score needs task, the task whose score it applies to");
            }
        }
    }

    public Map<String, Object> summary(LoadedModels models) {
        Path snapshot = snapshot(models);
        try {
            JsonNode segments = json.readTree(snapshot.resolve("segments.json").toFile());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("snapshot", snapshot.getFileName().toString());
            result.put("customers", segments.path("customers").asLong());
            result.put("segments", json.convertValue(segments.path("segments"), Map.class));
            result.put("bands", json.convertValue(segments.path("bands"), Map.class));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot's segments: " + e.getMessage(), e);
        }
    }

    public void customers(LoadedModels models, String segment, ListQuery query, RowSink sink) {
        Path snapshot = snapshot(models);
        Map<String, Object> summary = summary(models);
        if (!((Map<?, ?>) summary.get("segments")).containsKey(segment)) {
            throw new NotFoundException("no segment '" + segment + "' in snapshot " + snapshot.getFileName()
                    + "; segments: " + ((Map<?, ?>) summary.get("segments")).keySet());
        }
        Path scores = Files.exists(snapshot.resolve("scores.csv")) ? snapshot.resolve("scores.csv") : snapshot.resolve("scores.csv.gz");
        try (CsvRecordReader reader = CsvRecordReader.open(scores, ',')) {
            List<String> header = reader.header();
            int segmentColumn = header.indexOf("segment");
            int scoreColumn = -1;
            if (query.minScore() != null) {
                scoreColumn = header.indexOf(query.task().id() + "_score");
                if (scoreColumn < 0) {
                    throw new InvalidInputException("snapshot " + snapshot.getFileName() + " has no " + query.task() + " scores");
                }
            }
            sink.header(header);
            long written = 0;
            String[] fields;
            while ((fields = reader.next()) != null && (query.limit() == null || written < query.limit())) {
                if (!fields[segmentColumn].equals(segment)) {
                    continue;
                }
                if (scoreColumn >= 0) {
                    Double score = NumericValues.parse(fields[scoreColumn]);
                    if (score == null || score < query.minScore()) {
                        continue;
                    }
                }
                sink.row(fields);
                written++;
            }
        }
    }

    private static Path snapshot(LoadedModels models) {
        if (models.latestSnapshot() == null) {
            throw new NotFoundException("no snapshot yet; run: propensity score --data BASE.csv --id customer_id");
        }
        return models.latestSnapshot();
    }

}
