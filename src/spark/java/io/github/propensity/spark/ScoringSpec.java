// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.BaseScoring;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.scoring.SegmentPolicyFile;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an executor needs to score the base's rows the way the driver checked they can be scored: the models'
 * files, the base's header (the order a row's fields come in), the id and kept columns and the segment rules.
 *
 * @param segmentRules the segment rules file's bytes as given with --segments; empty for the built-in rules
 */
record ScoringSpec(ShippedModels models, List<String> header, String idColumn, List<String> keepColumns, byte[] segmentRules)
        implements Serializable {
    ScoringSpec {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(idColumn, "idColumn");
        header = List.copyOf(header);
        keepColumns = List.copyOf(keepColumns);
        segmentRules = segmentRules.clone();
    }

    /** What names this spec on an executor: the same models, header and rules prepare the same scoring. */
    String key() {
        return models.sha256() + "|" + String.join(",", header) + "|" + idColumn + "|" + String.join(",", keepColumns) + "|"
                + java.util.Arrays.hashCode(segmentRules);
    }

    /** Unpacks the models (and rules) under {@code directory}, verifies and prepares them for the header. */
    BaseScoring prepare(Path directory) {
        Map<Task, ModelBundle> bundles = models.loadInto(directory.resolve("models"));
        return BaseScoring.prepare(bundles, header, idColumn, keepColumns, policy(directory));
    }

    /** The segment rules, read by the same reader as the CLI's --segments. */
    SegmentPolicy policy(Path directory) {
        if (segmentRules.length == 0) {
            return SegmentPolicy.defaults();
        }
        try {
            Path file = directory.resolve("segments.json");
            Files.write(file, segmentRules);
            return SegmentPolicyFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the segment rules under " + directory + ": " + e.getMessage(), e);
        }
    }
}
