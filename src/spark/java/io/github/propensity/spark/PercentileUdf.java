// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.scoring.BasePercentiles;
import org.apache.spark.sql.api.java.UDF1;

/**
 * A customer's percentile within the base from the base's approximate quantiles, through the CLI's own
 * {@link BasePercentiles} lookup (same steps, same rounding); the table is built once per task deserialisation.
 */
final class PercentileUdf implements UDF1<Double, Double> {
    private final double[] quantiles;
    private transient BasePercentiles table;

    PercentileUdf(double[] quantiles) {
        this.quantiles = quantiles.clone();
    }

    @Override
    public Double call(Double probability) {
        if (table == null) {
            table = BasePercentiles.fromQuantiles(quantiles);
        }
        // The CLI ranks the probabilities as floats; so does this, so ties there are ties here.
        return table.percentile(probability.floatValue());
    }
}
