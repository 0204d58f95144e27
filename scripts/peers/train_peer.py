#!/usr/bin/python3
"""The training peer of scripts/bench-train.sh: what a data scientist would run in Python on the same file.

Reads one CSV, fits the three peer models of measure_peers.py (scikit-learn logistic regression, HistGradientBoosting
and XGBoost with library defaults and the obvious preprocessing) on all its rows, and prints one JSON line with the
wall time and the training AUC of each. Needs Debian's python3-sklearn, python3-xgboost and python3-pandas.

    /usr/bin/python3 scripts/peers/train_peer.py FILE LABEL POSITIVE [--sep ;] [--drop a,b]
"""
import argparse
import json
import time

import pandas as pd
from sklearn.metrics import roc_auc_score

from measure_peers import models


def main():
    start = time.perf_counter()
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("label")
    parser.add_argument("positive")
    parser.add_argument("--sep", default=",")
    parser.add_argument("--drop", default="")
    args = parser.parse_args()
    frame = pd.read_csv(args.file, sep=args.sep)
    y = (frame[args.label].astype(str).str.strip().str.lower() == args.positive.lower()).astype(int).to_numpy()
    x = frame.drop(columns=[args.label, *[c for c in args.drop.split(",") if c]])
    numeric = [c for c in x.columns if pd.api.types.is_numeric_dtype(x[c])]
    categorical = [c for c in x.columns if c not in numeric]
    x[categorical] = x[categorical].astype(str)
    fitted = {}
    for name, model in models(numeric, categorical).items():
        if name == "XGB-tuned":
            continue
        began = time.perf_counter()
        model.fit(x, y)
        fitted[name] = {"seconds": round(time.perf_counter() - began, 2),
                        "train_auc": round(roc_auc_score(y, model.predict_proba(x)[:, 1]), 4)}
    print(json.dumps({"rows": len(frame), "seconds": round(time.perf_counter() - start, 2), "models": fitted}))


if __name__ == "__main__":
    main()
