// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.scoring.BandCutoffs;
import io.github.propensity.scoring.ReasonBuilder;
import io.github.propensity.model.Task;

import java.util.List;
import java.util.stream.IntStream;

/** A loaded bundle prepared for request scoring: encoder bound to its own column order, band thresholds, reasons. */
public record ServedModel(Task task, ModelBundle bundle, FeatureEncoder.HeaderBinding binding,
                          BandCutoffs.Thresholds thresholds, ReasonBuilder reasons) {
    public static ServedModel of(Task task, ModelBundle bundle, BandCutoffs cutoffs) {
        FeatureEncoder encoder = bundle.model().encoder();
        List<String> inputs = encoder.schema().inputColumns();
        FeatureEncoder.HeaderBinding identity = new FeatureEncoder.HeaderBinding(IntStream.range(0, inputs.size()).toArray());
        return new ServedModel(task, bundle, identity, cutoffs.thresholds(bundle.reference()), new ReasonBuilder(encoder.schema()));
    }

    public String version() {
        return bundle.version();
    }
}
