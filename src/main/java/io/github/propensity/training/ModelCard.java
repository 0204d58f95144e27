// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.evaluation.CalibrationBin;
import io.github.propensity.evaluation.DecileRow;
import io.github.propensity.evaluation.EvaluationReport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code card.json}: what a reviewer needs to trust (or reject) a model: what it predicts, from which data, how it
 * was chosen and calibrated, how well it did on rows it never saw, what drives it and what built it.
 */
public record ModelCard(String task, String taskMeaning, String version, Instant createdAt, LabelDefinition label, Data data,
                        List<SchemaColumn> schema, int encodedFeatures, Selection model, Calibration calibration,
                        Metrics metrics, List<FeatureImportance> topDrivers, long seed, Software software,
                        double trainingSeconds, RowOrigin origin) {
    public ModelCard {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(version, "version");
        schema = List.copyOf(schema);
        topDrivers = List.copyOf(topDrivers);
    }

    /** @param definition the outcome in words, e.g. "churned = yes" */
    public record LabelDefinition(String column, String positiveValue, String definition) {
    }

    public record Data(String file, String sha256, int rows, int labelledRows, int trainingRows, int trainingPositives,
                       int holdoutRows, double holdoutFraction, String idColumn, List<String> droppedColumns) {
    }

    public record SchemaColumn(String name, String kind, int missing, int distinct, String excluded) {
    }

    public record Candidate(String family, String description, CandidateSpec spec, double validationLogLoss,
                            double validationAuc, double validationBrier, double fitSeconds) {
    }

    public record Selection(String family, String description, CandidateSpec spec, String reason,
                            List<Candidate> candidates) {
    }

    public record Calibration(String method, String reason, double plattCvLogLoss, double isotonicCvLogLoss) {
    }

    public record MetricSet(String description, Map<String, Object> summary, List<DecileRow> deciles,
                            List<CalibrationBin> calibrationTable) {
        public static MetricSet of(String description, EvaluationReport report) {
            return new MetricSet(description, report.summary(), report.deciles(), report.calibration());
        }
    }

    /** @param test null when the whole file was used for training */
    public record Metrics(MetricSet test, MetricSet crossValidated) {
    }

    public record Software(String propensity, String tribuo, String xgboost4j, String java) {
    }
}
