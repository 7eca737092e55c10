"""Fits linear models on a CSV a test wrote and prints sklearn's partial dependence of them.

usage: partial_dependence_sklearn.py DATA.csv GRID_RESOLUTION LOW HIGH
DATA.csv holds numeric features, then "y" (a value) and "label" (0 or 1). Fits
LinearRegression on (X, y) and LogisticRegression on (X, label) and prints, for each model,
its coefficients and, per feature, sklearn.inspection.partial_dependence(model, X, [f],
kind="both", method="brute", grid_resolution, percentiles=(LOW, HIGH)):
{"linear": {"coef": [...], "intercept": b, "features": [{"grid": [...], "average": [...],
"individual": [...rows × grid...]}]}, "logistic": {...}}.
"""
import json
import sys

import numpy as np
from sklearn.inspection import partial_dependence
from sklearn.linear_model import LinearRegression, LogisticRegression


def describe(model, x, resolution, percentiles):
    features = []
    for f in range(x.shape[1]):
        result = partial_dependence(model, x, [f], kind="both", method="brute",
                                    grid_resolution=resolution, percentiles=percentiles)
        features.append({"grid": result["values"][0].tolist(),
                         "average": result["average"][0].tolist(),
                         "individual": result["individual"][0].reshape(-1).tolist()})
    return {"coef": np.ravel(model.coef_).tolist(),
            "intercept": float(np.ravel(model.intercept_)[0]), "features": features}


def main():
    path, resolution = sys.argv[1], int(sys.argv[2])
    percentiles = (float(sys.argv[3]), float(sys.argv[4]))
    data = np.genfromtxt(path, delimiter=",", names=True, dtype=np.float64)
    names = [n for n in data.dtype.names if n not in ("y", "label")]
    x = np.column_stack([data[n] for n in names])
    linear = LinearRegression().fit(x, data["y"])
    logistic = LogisticRegression().fit(x, data["label"].astype(int))
    json.dump({"linear": describe(linear, x, resolution, percentiles),
               "logistic": describe(logistic, x, resolution, percentiles)}, sys.stdout)


if __name__ == "__main__":
    main()
