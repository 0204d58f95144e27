// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.lookalike.AudienceSize;
import io.github.propensity.lookalike.LookalikeInputException;
import picocli.CommandLine;

/** {@code --size}: a share of the pool (5%) or a count (20000); a typo is a usage error. */
final class AudienceSizeConverter implements CommandLine.ITypeConverter<AudienceSize> {
    @Override
    public AudienceSize convert(String value) {
        try {
            return AudienceSize.parse(value);
        } catch (LookalikeInputException e) {
            throw new CommandLine.TypeConversionException(e.problem());
        }
    }
}
