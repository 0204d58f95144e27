// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

/** How many pool customers the audience takes: a share of the pool ("5%") or a count ("20000"). */
public record AudienceSize(double percent, long count) {
    public AudienceSize {
        if ((percent > 0) == (count > 0)) {
            throw new IllegalArgumentException("an audience size is a percentage or a count");
        }
        if (percent > 100) {
            throw new IllegalArgumentException("an audience cannot be more than 100% of the pool");
        }
    }

    public static AudienceSize parse(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.endsWith("%")) {
                double percent = Double.parseDouble(trimmed.substring(0, trimmed.length() - 1));
                if (!(percent > 0 && percent <= 100)) {
                    throw new LookalikeInputException(LookalikeField.SIZE, "the audience size must be a percentage in (0, 100], got " + text);
                }
                return new AudienceSize(percent, 0);
            }
            long count = Long.parseLong(trimmed);
            if (count < 1) {
                throw new LookalikeInputException(LookalikeField.SIZE, "the audience size must be at least 1 customer, got " + text);
            }
            return new AudienceSize(0, count);
        } catch (NumberFormatException e) {
            throw new LookalikeInputException(LookalikeField.SIZE,
                    "the audience size is a percentage such as 5% or a count such as 20000, got '" + text + "'");
        }
    }

    /** The number of customers for a pool of {@code poolSize}. */
    public long of(long poolSize) {
        return count > 0 ? Math.min(count, poolSize) : Math.round(poolSize * percent / 100);
    }

    @Override
    public String toString() {
        return count > 0 ? Long.toString(count) : percent + "%";
    }
}
