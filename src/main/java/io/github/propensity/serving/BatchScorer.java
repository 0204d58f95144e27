// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.DataException;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.PreparedModel;
import io.github.propensity.scoring.RowScore;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores several customers in one request: a JSON array of objects, or a CSV body with a header. */
public final class BatchScorer {
    private final CustomerScorer scorer;

    public BatchScorer(CustomerScorer scorer) {
        this.scorer = scorer;
    }

    /** @param idField a field to echo back as {@code id} so callers can join results, or null */
    public List<Map<String, Object>> scoreJson(LoadedModels models, Task task, JsonNode customers, String idField) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            try {
                results.add(withId(idField == null ? null : customers.get(i).path(idField).asText(null),
                        scorer.score(models, task, customers.get(i))));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("customer " + i + ": " + e.getMessage());
            }
        }
        return results;
    }

    public List<Map<String, Object>> scoreCsv(LoadedModels models, Task task, InputStream body, String idColumn) {
        PreparedModel model = models.model(task).orElseThrow(() -> new NotFoundException("no " + task + " model is loaded"));
        List<Map<String, Object>> results = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(body, "request body", null)) {
            PreparedModel forBody = model.forHeader(reader.header());
            int id = idColumn == null ? -1 : reader.header().indexOf(idColumn);
            if (idColumn != null && id < 0) {
                throw new InvalidInputException("id column '" + idColumn + "' is not in the CSV header");
            }
            RowScore scratch = forBody.newRowScore();
            String[] fields;
            while ((fields = reader.next()) != null) {
                try {
                    results.add(withId(id < 0 ? null : fields[id], CustomerScorer.score(forBody, fields, scratch)));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("line " + reader.lineNumber() + ": " + e.getMessage());
                }
            }
        } catch (MissingFeatureColumnsException | DataException e) {
            throw new InvalidInputException(e.getMessage());
        }
        return results;
    }

    private static Map<String, Object> withId(String id, CustomerScore score) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (id != null) {
            result.put("id", id);
        }
        result.put("probability", score.probability());
        result.put("score", score.score());
        result.put("percentile", score.percentile());
        result.put("band", score.band());
        result.put("reasons", score.reasons());
        result.put("model_version", score.modelVersion());
        return result;
    }
}
