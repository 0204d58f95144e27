#!/usr/bin/python3
"""Measures the peer models the evaluation floors compare against, on the same fixed splits.

Peers: scikit-learn 1.2 logistic regression (one-hot + standardized), HistGradientBoosting, and XGBoost 1.7,
each with library defaults plus the obvious preprocessing (and one hand-tuned XGBoost for reference). These
reproduce the figures the evaluation floors quote (telco LR 0.8506, bank HistGB 0.8071, telecom XGBoost 0.9137). Prints test AUC and Brier per data set and model.
Needs Debian's python3-sklearn, python3-xgboost and python3-pandas (bookworm ships exactly sklearn 1.2, XGBoost 1.7):

    apt-get install python3-sklearn python3-xgboost python3-pandas
    /usr/bin/python3 scripts/peers/measure_peers.py [DATA_DIR]
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
from xgboost import XGBClassifier

SETS = {
    "telco-churn": dict(label="Churn", positive="Yes", drop=["customerID"], sep=","),
    "bank-marketing": dict(label="y", positive="yes", drop=["duration"], sep=";"),
    "telecom-churn": dict(label="churn", positive="yes", drop=[], sep=","),
}


def load(folder, spec, name):
    frame = pd.read_csv(folder / name, sep=spec["sep"])
    y = (frame[spec["label"]].astype(str).str.strip() == spec["positive"]).astype(int).to_numpy()
    x = frame.drop(columns=[spec["label"], *spec["drop"]])
    if "TotalCharges" in x:
        x["TotalCharges"] = pd.to_numeric(x["TotalCharges"], errors="coerce")
    return x, y


def models(numeric, categorical):
    linear = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical)])
    ordinal = ColumnTransformer([
        ("num", "passthrough", numeric),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), categorical)])
    cat_mask = [False] * len(numeric) + [True] * len(categorical)
    return {
        "LR": make_pipeline(linear, LogisticRegression(max_iter=5000)),
        "HistGB": make_pipeline(ordinal, HistGradientBoostingClassifier(categorical_features=cat_mask, random_state=0)),
        "XGBoost": make_pipeline(ordinal, XGBClassifier(random_state=0, n_jobs=2)),
        "XGB-tuned": make_pipeline(ordinal, XGBClassifier(n_estimators=300, learning_rate=0.05, max_depth=4, subsample=0.8,
                                                       colsample_bytree=0.8, random_state=0, n_jobs=2)),
    }


def main():
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data"
    print(f"{'set':16} {'model':8} {'auc':>7} {'brier':>7}")
    for name, spec in SETS.items():
        x_train, y_train = load(data_dir / name, spec, "train.csv")
        x_test, y_test = load(data_dir / name, spec, "test.csv")
        numeric = [c for c in x_train.columns if pd.api.types.is_numeric_dtype(x_train[c])]
        categorical = [c for c in x_train.columns if c not in numeric]
        for model_name, model in models(numeric, categorical).items():
            model.fit(x_train, y_train)
            p = model.predict_proba(x_test)[:, 1]
            print(f"{name:16} {model_name:8} {roc_auc_score(y_test, p):7.4f} {brier_score_loss(y_test, p):7.4f}")


if __name__ == "__main__":
    np.random.seed(0)
    main()
