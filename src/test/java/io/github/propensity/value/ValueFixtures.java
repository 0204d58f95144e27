// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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

    /**
     * Writes {@code base} with a CLV column named {@code clvColumn} ({@code clv} gives the cell of each data row, from
     * 0) and a p_alive column of (row * 13 % 100) / 100 for data line {@code row} from 1.
     */
    public static Path withValueColumns(Path base, Path target, String clvColumn, IntFunction<String> clv) throws IOException {
        List<String> lines = Files.readAllLines(base, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + "," + clvColumn + ",p_alive");
        for (int row = 1; row < lines.size(); row++) {
            out.add(lines.get(row) + "," + clv.apply(row - 1) + "," + ((row * 13) % 100) / 100.0);
        }
        Files.write(target, out, StandardCharsets.UTF_8);
        return target;
    }
}
