// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The {@code propensity} command line (picocli): each command parses options, calls one service and prints; failures
 * map to exit codes in one place. The top layer: nothing imports it.
 */
package io.github.propensity.cli;
