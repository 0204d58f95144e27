#!/usr/bin/python3
"""The rescoring peer of scripts/bench-rescore.sh: pandas + XGBoost scoring a customer base with one model.

Fits the XGBoost peer pipeline of measure_peers.py (ordinal-encoded categories, XGBoost with library defaults) on
the shipped sample's churn label, then times what a weekly pandas job does: read the base, encode it, predict,
write customer_id and the probability. Prints one JSON line with the rows and the timed part's seconds and rows/s
(the fit is not timed). Needs Debian's python3-sklearn, python3-xgboost and python3-pandas.

    /usr/bin/python3 scripts/peers/rescore_peer.py BASE.csv SAMPLE.csv OUT.csv
"""
import json
import sys
import time

import pandas as pd

from measure_peers import models

NOT_FEATURES = ["customer_id", "email", "phone", "churned", "purchased_30d", "converted"]


def main():
    base_file, sample_file, out_file = sys.argv[1:4]
    sample = pd.read_csv(sample_file)
    y = (sample["churned"].astype(str).str.strip() == "yes").astype(int).to_numpy()
    x = sample.drop(columns=NOT_FEATURES)
    numeric = [c for c in x.columns if pd.api.types.is_numeric_dtype(x[c])]
    categorical = [c for c in x.columns if c not in numeric]
    x[categorical] = x[categorical].astype(str)
    model = models(numeric, categorical)["XGBoost"]
    model.fit(x, y)

    start = time.perf_counter()
    base = pd.read_csv(base_file)
    features = base.drop(columns=[c for c in NOT_FEATURES if c in base.columns])
    features[categorical] = features[categorical].astype(str)
    probability = model.predict_proba(features)[:, 1]
    pd.DataFrame({"customer_id": base["customer_id"], "churn_probability": probability.round(6)}).to_csv(out_file, index=False)
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": len(base), "seconds": round(seconds, 2), "rows_per_second": round(len(base) / seconds)}))


if __name__ == "__main__":
    main()
