// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.data.NumericValues;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** {@code --expected-split 1:1:1} or {@code 50:25:25}: positive shares separated by colons. */
final class ExpectedSplitConverter implements CommandLine.ITypeConverter<List<Double>> {
    @Override
    public List<Double> convert(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length < 2) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a split; give one positive share per arm"
                    + " separated by colons, the control first, e.g. 1:1:1 or 50:25:25");
        }
        List<Double> shares = new ArrayList<>();
        for (String part : parts) {
            double share = NumericValues.parseOrNaN(part.strip());
            if (!(share > 0)) {
                throw new CommandLine.TypeConversionException("'" + value + "': '" + part + "' is not a positive share; give one"
                        + " per arm separated by colons, the control first, e.g. 1:1:1 or 50:25:25");
            }
            shares.add(share);
        }
        return List.copyOf(shares);
    }
}
