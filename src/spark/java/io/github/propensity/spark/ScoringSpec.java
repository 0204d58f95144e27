// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.scoring.BaseScoring;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.storage.Sha256;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything an executor needs to score the base's rows the way the driver checked they can be scored: the models'
 * files, the base's header (the order a row's fields come in), the id and kept columns and the segment rules.
 *
 * @param data the base as the user named it, for the messages of the checks the driver already passed
 */
record ScoringSpec(ShippedModels models, String data, List<String> header, String idColumn, List<String> keepColumns,
                   SegmentRules segmentRules) implements Serializable {
    ScoringSpec {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(data, "data");
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

    /** The base as the CLI's scoring names it: a message about it names its last path segment, as the CLI names a file. */
    ScoringInput input() {
        return new ScoringInput(Path.of(data), null, idColumn, keepColumns);
    }

    /** Unpacks the models under {@code directory}, verifies them and prepares them for the header. */
    BaseScoring prepare(Path directory) {
        return BaseScoring.prepare(input(), header, models.loadInto(directory.resolve("models")), segmentRules.policy());
    }
}
