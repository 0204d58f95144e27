#!/usr/bin/python3
"""The uplift peers of scripts/evaluate-uplift.sh on the Hillstrom split: scikit-learn HistGradientBoosting as a
two-model (T-learner) and a class-transformation uplift model, and a random ranking, each trained on train.csv and
measured on test.csv with scikit-uplift's metric definitions (qini_auc_score with negative effects, uplift_at_k with
strategy 'overall'), written out here with numpy so scikit-uplift itself is not needed. Categorical columns are
one-hot encoded; conversion and spend (outcomes of the campaign) are not features.

    /usr/bin/python3 scripts/peers/uplift_peer.py TRAIN.csv TEST.csv "Womens E-Mail"

Prints one JSON line: {"arm": ..., "t_learner": {"qini": .., "uplift_at_30": ..}, "class_transformation": {...},
"random": {...}}. Needs Debian's python3-sklearn and python3-pandas.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier

CONTROL = "No E-Mail"
NUMERIC = ["recency", "history", "mens", "womens", "newbie"]
CATEGORICAL = ["zip_code", "channel", "history_segment"]


def qini_curve(y, uplift, treatment):
    order = np.argsort(uplift, kind="mergesort")[::-1]
    y, treatment, uplift = y[order], treatment[order], uplift[order]
    y_trmnt = np.where(treatment == 1, y, 0)
    y_ctrl = np.where(treatment == 0, y, 0)
    idx = np.r_[np.where(np.diff(uplift))[0], uplift.size - 1]
    num_trmnt = np.cumsum(treatment)[idx].astype(float)
    num_all = idx + 1
    num_ctrl = num_all - num_trmnt
    values = np.cumsum(y_trmnt)[idx] - np.cumsum(y_ctrl)[idx] * np.divide(
        num_trmnt, num_ctrl, out=np.zeros_like(num_trmnt), where=num_ctrl != 0)
    if values[0] != 0 or num_all[0] != 0:
        num_all, values = np.r_[0, num_all], np.r_[0, values]
    return num_all, values


def trapezoid(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1]) / 2))


def qini(y, uplift, treatment):
    x_actual, y_actual = qini_curve(y, uplift, treatment)
    x_perfect, y_perfect = qini_curve(y, y * treatment - y * (1 - treatment), treatment)
    baseline = trapezoid([0, x_perfect[-1]], [0, y_perfect[-1]])
    return (trapezoid(x_actual, y_actual) - baseline) / (trapezoid(x_perfect, y_perfect) - baseline)


def uplift_at_k(y, uplift, treatment, k=0.3):
    order = np.argsort(uplift, kind="mergesort")[::-1]
    top = int(len(y) * k)
    y_top, t_top = y[order][:top], treatment[order][:top]
    return float(y_top[t_top == 1].mean() - y_top[t_top == 0].mean())


def features(frame, columns=None):
    x = frame[NUMERIC].astype(float).join(pd.get_dummies(frame[CATEGORICAL].astype(str)).astype(float))
    return x if columns is None else x.reindex(columns=columns, fill_value=0.0)


def main():
    train_file, test_file, arm = sys.argv[1:4]
    train, test = pd.read_csv(train_file), pd.read_csv(test_file)
    train, test = train[train.segment.isin([arm, CONTROL])], test[test.segment.isin([arm, CONTROL])]
    x_train = features(train)
    x_test = features(test, x_train.columns)
    t_train, t_test = (train.segment == arm).to_numpy(int), (test.segment == arm).to_numpy(int)
    y_train, y_test = train.visit.to_numpy(int), test.visit.to_numpy(int)

    treated_model = HistGradientBoostingClassifier(random_state=0).fit(x_train[t_train == 1], y_train[t_train == 1])
    control_model = HistGradientBoostingClassifier(random_state=0).fit(x_train[t_train == 0], y_train[t_train == 0])
    t_learner = treated_model.predict_proba(x_test)[:, 1] - control_model.predict_proba(x_test)[:, 1]

    share = t_train.mean()
    z = (y_train == t_train).astype(int)
    weights = np.where(t_train == 1, 0.5 / share, 0.5 / (1 - share))
    transformed = HistGradientBoostingClassifier(random_state=0).fit(x_train, z, sample_weight=weights)
    class_transformation = 2 * transformed.predict_proba(x_test)[:, 1] - 1

    random_ranking = np.random.default_rng(0).random(len(y_test))
    result = {"arm": arm}
    for name, uplift in [("t_learner", t_learner), ("class_transformation", class_transformation), ("random", random_ranking)]:
        result[name] = {"qini": round(qini(y_test, uplift, t_test), 4), "uplift_at_30": round(uplift_at_k(y_test, uplift, t_test), 4)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
