// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.scoring.SegmentPolicyFile;

import java.io.Serializable;

/** The segment rules of a run, as they travel to the executors: the built-in ones, or a rules file's bytes. */
sealed interface SegmentRules extends Serializable {
    /** The rules, read by the CLI's reader. */
    SegmentPolicy policy();

    /** The built-in rules (the README's). */
    record BuiltIn() implements SegmentRules {
        @Override
        public SegmentPolicy policy() {
            return SegmentPolicy.defaults();
        }
    }

    /** A --segments file, read on the driver; its name starts any error message about it. */
    record FromFile(String fileName, byte[] json) implements SegmentRules {
        public FromFile {
            json = json.clone();
        }

        @Override
        public SegmentPolicy policy() {
            return SegmentPolicyFile.parse(json, fileName);
        }
    }
}
