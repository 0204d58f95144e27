// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The product's root: {@link io.github.propensity.PropensityException}, the base of every domain failure that the
 * command line maps to an exit code and the server to a problem response. Sub-packages are layered, lowest first:
 * {@code storage}; {@code data}; {@code features} and {@code evaluation}; {@code model}; {@code training} and
 * {@code sample}; {@code scoring} and {@code transactions}; {@code lookalike}; {@code serving}; {@code web};
 * {@code cli}. A package imports only from layers below its own (checked by {@code LayeringTest}).
 */
package io.github.propensity;
