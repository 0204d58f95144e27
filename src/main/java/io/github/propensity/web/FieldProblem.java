// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

/** A problem document with the RFC 9457 extension member {@code field}: the request body field to change. */
record FieldProblem(String type, String title, int status, String detail, String instance, String field) {
    static FieldProblem of(int status, String title, String detail, String path, String field) {
        Problem problem = Problem.of(status, title, detail, path);
        return new FieldProblem(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(), field);
    }
}
