"""Trains small XGBoost models on CSV files a test wrote and prints their SHAP contributions.

usage: xgboost_shap.py DIR
For each DIR/<kind>_d<depth>_r<rounds>[_e<rows>][_i].csv (features, then the label in the last
column "y"; empty = missing; kind is binary, multiclass or regression) trains a model of that
depth and number of rounds on all the rows, saves it as DIR/<same name>.json with
Booster.save_model and prints {"<name>": {"contribs": [...], "outputs": k, "features": m}} with
XGBoost's predict(pred_contribs=True) of the first <rows> rows (all without _e), flattened
row-major (rows × outputs × (features + 1)). With _i also "interactions": [...] from
predict(pred_interactions=True) (rows × outputs × (features + 1) × (features + 1)).
"""
import json
import os
import sys

import numpy as np
import xgboost as xgb

OBJECTIVES = {
    "binary": {"objective": "binary:logistic", "base_score": 0.3},
    "multiclass": {"objective": "multi:softprob", "num_class": 3},
    "regression": {"objective": "reg:squarederror"},
}


def main():
    folder = sys.argv[1]
    out = {}
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".csv"):
            continue
        name = file[:-4]
        kind, depth, rounds, *options = name.split("_")
        explained = next((int(o[1:]) for o in options if o.startswith("e")), None)
        data = np.genfromtxt(os.path.join(folder, file), delimiter=",", skip_header=1,
                             dtype=np.float64)
        x, y = data[:, :-1], data[:, -1]
        params = {"seed": 7, "nthread": 1, "tree_method": "hist", "eta": 0.3,
                  "max_depth": int(depth[1:]), **OBJECTIVES[kind]}
        booster = xgb.train(params, xgb.DMatrix(x, label=y, missing=np.nan), int(rounds[1:]))
        booster.save_model(os.path.join(folder, name + ".json"))
        rows = xgb.DMatrix(x[:explained], missing=np.nan)
        contribs = booster.predict(rows, pred_contribs=True)
        outputs = 1 if contribs.ndim == 2 else contribs.shape[1]
        out[name] = {"contribs": [float(v) for v in contribs.reshape(-1)],
                     "outputs": outputs, "features": x.shape[1]}
        if "i" in options:
            interactions = booster.predict(rows, pred_interactions=True)
            out[name]["interactions"] = [float(v) for v in interactions.reshape(-1)]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
