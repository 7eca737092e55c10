"""Trains small XGBoost models on CSV files a test wrote and prints their predictions.

usage: xgboost_models.py DIR
For each DIR/<case>.csv (features, then the label in the last column "y"; empty = missing)
trains the model below, saves it as DIR/<case>.json with Booster.save_model and prints
{"<case>": {"predictions": [...], "outputs": k}} with XGBoost's own predict output, row-major.
"""
import json
import os
import sys

import numpy as np
import xgboost as xgb

CASES = {
    "binary": dict(params={"objective": "binary:logistic", "max_depth": 4, "eta": 0.3,
                           "base_score": 0.3}, rounds=20, named=False),
    "multiclass": dict(params={"objective": "multi:softprob", "num_class": 3, "max_depth": 3,
                               "eta": 0.4, "tree_method": "hist"}, rounds=15, named=False),
    "regression": dict(params={"objective": "reg:squarederror", "max_depth": 5, "eta": 0.2},
                       rounds=25, named=False),
    "named": dict(params={"objective": "binary:logistic", "max_depth": 3, "eta": 0.5,
                          "lambda": 2.0, "min_child_weight": 2}, rounds=12, named=True),
    "softmax": dict(params={"objective": "multi:softmax", "num_class": 3, "max_depth": 3},
                    rounds=8, named=False),
    "parallel": dict(params={"objective": "reg:squarederror", "max_depth": 4, "eta": 0.5,
                             "num_parallel_tree": 3, "subsample": 0.8, "colsample_bynode": 0.8,
                             "base_score": 1.5},
                     rounds=5, named=False),
}


def main():
    folder = sys.argv[1]
    out = {}
    for case, spec in CASES.items():
        path = os.path.join(folder, case + ".csv")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            header = f.readline().strip().split(",")
        data = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=np.float64)
        x, y = data[:, :-1], data[:, -1]
        names = header[:-1] if spec["named"] else None
        train = xgb.DMatrix(x, label=y, feature_names=names, missing=np.nan)
        params = {"seed": 7, "nthread": 1, "tree_method": "exact", **spec["params"]}
        booster = xgb.train(params, train, spec["rounds"])
        booster.save_model(os.path.join(folder, case + ".json"))
        predictions = booster.predict(xgb.DMatrix(x, feature_names=names, missing=np.nan))
        outputs = 1 if predictions.ndim == 1 else predictions.shape[1]
        out[case] = {"predictions": [float(v) for v in predictions.reshape(-1)],
                     "outputs": outputs}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
