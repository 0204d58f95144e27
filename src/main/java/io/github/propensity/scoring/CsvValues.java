// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Appends values to a CSV line as RFC 4180 printing does, taking the plain ones (most: reasons, labels, numbers)
 * without a round trip through the printer, which copies its delimiter into a new array for every value it quotes
 * or not. A value the printer might quote or escape goes through the printer, so the text is the same either way.
 */
final class CsvValues {
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private CsvValues() {
    }

    /** Appends a comma and {@code value}, which is not the first of its line. */
    static void appendAfterComma(StringBuilder line, CharSequence value) {
        if (isPlain(value)) {
            line.append(',').append(value);
        } else {
            print(line, value, false);
        }
    }

    /**
     * Quotes, as the printer would when it must, the value appended to {@code line} (written there directly, without
     * a string) after the comma at {@code comma}.
     */
    static void quoteAppended(StringBuilder line, int comma) {
        if (!isPlain(line, comma + 1, line.length())) {
            String value = line.substring(comma + 1);
            line.setLength(comma);
            print(line, value, false);
        }
    }

    /** Appends the first value of a line. */
    static void appendFirst(StringBuilder line, CharSequence value) {
        print(line, value, true);
    }

    /**
     * True when no quoting rule can apply: not empty, starting at or above '0' and ending above a space, ASCII only,
     * without a delimiter, quote or line break.
     */
    static boolean isPlain(CharSequence value) {
        return isPlain(value, 0, value.length());
    }

    private static boolean isPlain(CharSequence text, int start, int end) {
        if (end == start || text.charAt(start) < '0' || text.charAt(end - 1) <= ' ') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** The printer's own way, which adds the delimiter itself unless the value starts a line. */
    private static void print(StringBuilder line, CharSequence value, boolean first) {
        try {
            CSV.print(value, line, first);
        } catch (IOException e) {
            throw new UncheckedIOException("appending to a StringBuilder cannot fail", e);
        }
    }
}
