// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.BaseScoring;
import io.github.propensity.storage.Sha256;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an executor needs to score the base's rows the way the driver checked they can be scored: the models'
 * files, the base's header (the order a row's fields come in), the id and kept columns and the segment rules.
 */
record ScoringSpec(ShippedModels models, List<String> header, String idColumn, List<String> keepColumns, SegmentRules segmentRules)
        implements Serializable {
    ScoringSpec {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(segmentRules, "segmentRules");
        header = List.copyOf(header);
        keepColumns = List.copyOf(keepColumns);
    }

    /** What names this spec on an executor: the same models, header, columns and rules prepare the same scoring. */
    String key() {
        String rules = segmentRules instanceof SegmentRules.FromFile file ? Sha256.hex(file.json()) : "built-in";
        return models.sha256() + "|" + Sha256.hex(String.join("\n", header) + "\n" + idColumn + "\n" + String.join("\n", keepColumns))
                + "|" + rules;
    }

    /** Unpacks the models under {@code directory}, verifies them and prepares them for the header. */
    BaseScoring prepare(Path directory) {
        Map<Task, ModelBundle> bundles = models.loadInto(directory.resolve("models"));
        return BaseScoring.prepare(bundles, header, idColumn, keepColumns, segmentRules.policy());
    }
}
