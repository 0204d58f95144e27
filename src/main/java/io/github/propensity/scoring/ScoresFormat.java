// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a scores file is written: CSV (gzip when named .gz), or Parquet when named {@code .parquet}. The name decides,
 * so a file's format can never disagree with its name.
 */
public enum ScoresFormat {
    CSV, PARQUET;

    public static ScoresFormat of(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".parquet") ? PARQUET : CSV;
    }
}
