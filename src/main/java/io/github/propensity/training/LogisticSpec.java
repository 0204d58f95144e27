// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGradRDA;
import java.util.Locale;

/**
 * Regularized logistic regression fitted by SGD on the encoder's standardized features. AdaGrad-RDA is Tribuo's
 * optimiser with an L2 term; {@code l2} is applied at every step (Tribuo's example-count divisor is left at 1).
 */
public record LogisticSpec(double learningRate, double l2, int epochs, int minibatchSize) implements CandidateSpec {
    public LogisticSpec {
        if (!(learningRate > 0) || !(l2 >= 0) || epochs < 1 || minibatchSize < 1) {
            throw new IllegalArgumentException("invalid logistic regression settings");
        }
    }

    /** Epochs pass over all rows whatever their number, so the settings carry over unchanged. */
    @Override
    public LogisticSpec forMoreRows(double ratio) {
        return this;
    }

    @Override
    public String family() {
        return "logistic-regression";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "logistic regression (SGD, AdaGrad-RDA lr=%s, l2=%s, %d epochs)", learningRate, l2, epochs);
    }

    @Override
    public Trainer<Label> trainer(long seed) {
        // A huge logging interval keeps Tribuo's per-epoch log lines off the user's terminal.
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGradRDA(learningRate, 1e-6, 0.0, l2, 1),
                epochs, Integer.MAX_VALUE, minibatchSize, seed);
    }
}
