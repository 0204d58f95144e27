// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The one feature schema and encoder shared by training and every scoring path: imputation, missing flags,
 * standardization, one-hot levels with an other bucket, fitted on training rows and saved in the bundle. Uses
 * {@code data}, never anything that trains or serves.
 */
package io.github.propensity.features;
