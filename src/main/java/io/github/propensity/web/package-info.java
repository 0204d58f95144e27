// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Javalin server: routes with their roles, thin handlers over {@code serving}, problem+json error mapping,
 * metrics and the OpenAPI document. The only package that imports Javalin; never imports {@code cli}.
 */
package io.github.propensity.web;
