// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.PropensityException;

import java.util.List;
import java.util.stream.Collectors;

/** Targeting settings that cannot work, or a snapshot that cannot be targeted: every problem with the field it blames. */
public final class TargetingInputException extends PropensityException {
    private final List<Problem> problems;

    /** One thing wrong, blamed on one field. */
    public record Problem(TargetingField field, String message) {
    }

    public TargetingInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a targeting refusal names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public TargetingInputException(TargetingField field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
