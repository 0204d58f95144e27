// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A model family with its hyperparameters: enough to refit the same model on other rows. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "family")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LogisticSpec.class, name = "logistic-regression"),
        @JsonSubTypes.Type(value = XGBoostSpec.class, name = "xgboost")})
public sealed interface CandidateSpec permits LogisticSpec, XGBoostSpec {
    String family();

    String describe();

    /** The settings for training on {@code ratio} times as many rows as these were tuned on. */
    CandidateSpec forMoreRows(double ratio);
}
