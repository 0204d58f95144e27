// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.util.List;
import java.util.Locale;

/**
 * The pairs of spellings a two-valued column uses (yes/no, true/false, y/n, t/f, 1/0), true first: what schema
 * inference recognises as boolean, and what the encoder still reads when a file spells a flag differently from the
 * training file (a Parquet BOOLEAN reads as true/false where the training CSV said yes/no, or the other way round).
 */
public final class BooleanSpellings {
    static final List<String[]> PAIRS = List.of(
            new String[]{"yes", "no"}, new String[]{"true", "false"}, new String[]{"y", "n"},
            new String[]{"t", "f"}, new String[]{"1", "0"});

    private BooleanSpellings() {
    }

    /** TRUE or FALSE for a stripped cell spelled as one side of a known pair (any case), else null. */
    public static Boolean valueOf(String stripped) {
        String lower = stripped.toLowerCase(Locale.ROOT);
        for (String[] pair : PAIRS) {
            if (pair[0].equals(lower)) {
                return Boolean.TRUE;
            }
            if (pair[1].equals(lower)) {
                return Boolean.FALSE;
            }
        }
        return null;
    }
}
