// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** A published value model with a chosen reference, for tests that band CLVs against it. */
public final class ValueFixtures {
    private ValueFixtures() {
    }

    /**
     * Publishes a value bundle under {@code models/value/} whose reference CLVs are 0, 1, ..., {@code top}, so that the
     * CLV at percentile p is {@code p * top / 100} exactly; returns its version.
     */
    public static String publishValueModel(Path models, int horizonDays, int top) {
        double[] clvs = new double[top + 1];
        for (int i = 0; i <= top; i++) {
            clvs[i] = i;
        }
        ValueFile file = new ValueFile(new BgNbd(0.25, 4.0, 0.8, 2.5), new GammaGamma(6.0, 4.0, 15.0),
                new ValueSettings(horizonDays, 0.1), LocalDate.of(2024, 1, 1), ValueReference.of(clvs));
        return new ValueStore(models).publish(file, (version, createdAt) -> Map.of(
                ValueStore.CARD_JSON, "{}".getBytes(StandardCharsets.UTF_8),
                ValueStore.CARD_MARKDOWN, "# value model\n".getBytes(StandardCharsets.UTF_8)));
    }
}
