// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import java.util.List;

/**
 * A problem document naming every request body field at fault: {@code field} the first, as for one-field problems,
 * and {@code errors} each with what is wrong with it (RFC 9457 extension members).
 */
record FieldsProblem(String type, String title, int status, String detail, String instance, String field, List<FieldError> errors) {
    /** One field and what is wrong with it. */
    record FieldError(String field, String detail) {
    }

    FieldsProblem {
        errors = List.copyOf(errors);
    }

    static FieldsProblem of(int status, String title, String path, List<FieldError> errors) {
        Problem problem = Problem.of(status, title, String.join("; ", errors.stream().map(e -> e.field() + ": " + e.detail()).toList()), path);
        return new FieldsProblem(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(),
                errors.get(0).field(), errors);
    }
}
