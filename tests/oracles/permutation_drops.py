"""Scores linear models on given column permutations with sklearn's metrics.

usage: permutation_drops.py INPUT.json
INPUT.json: {"columns": c, "x": [rows × c, row-major], "y": [values], "label": [0/1],
"permutations": [[[row order] per repeat] per feature], "regression_metrics": [...],
"binary_metrics": [...]}. Fits LinearRegression on (x, y) and LogisticRegression on (x, label);
for each model and metric, scores the model with column f taken from rows permutations[f][r]
(x[:, f] = x[order, f], as sklearn's permutation_importance does) and prints
{"linear": {"coef": [...], "intercept": b, "baseline": {metric: v},
"drops": {metric: [[drop per repeat] per feature]}}, "logistic": {...}}, a drop being
baseline − score, or score − baseline for a loss.
"""
import json
import sys

import numpy as np
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import (accuracy_score, log_loss, mean_absolute_error, mean_squared_error,
                             r2_score, roc_auc_score)

LOSSES = {"rmse", "mae", "log_loss"}


def metric(name, model, x, y):
    if name == "r2":
        return r2_score(y, model.predict(x))
    if name == "rmse":
        return mean_squared_error(y, model.predict(x), squared=False)
    if name == "mae":
        return mean_absolute_error(y, model.predict(x))
    probability = model.predict_proba(x)[:, 1]
    if name == "accuracy":
        return accuracy_score(y, (probability >= 0.5).astype(int))
    if name == "log_loss":
        return log_loss(y, probability)
    if name == "roc_auc":
        return roc_auc_score(y, probability)
    raise ValueError(name)


def drops(model, x, y, permutations, metrics):
    baseline = {m: metric(m, model, x, y) for m in metrics}
    result = {}
    for m in metrics:
        per_feature = []
        for f, orders in enumerate(permutations):
            per_repeat = []
            for order in orders:
                shuffled = x.copy()
                shuffled[:, f] = x[np.asarray(order), f]
                score = metric(m, model, shuffled, y)
                per_repeat.append(score - baseline[m] if m in LOSSES else baseline[m] - score)
            per_feature.append(per_repeat)
        result[m] = per_feature
    return {"coef": np.ravel(model.coef_).tolist(),
            "intercept": float(np.ravel(model.intercept_)[0]),
            "baseline": baseline, "drops": result}


def main():
    with open(sys.argv[1]) as file:
        data = json.load(file)
    x = np.asarray(data["x"], dtype=np.float64).reshape(-1, data["columns"])
    y = np.asarray(data["y"], dtype=np.float64)
    label = np.asarray(data["label"], dtype=int)
    linear = LinearRegression().fit(x, y)
    logistic = LogisticRegression().fit(x, label)
    json.dump({"linear": drops(linear, x, y, data["permutations"], data["regression_metrics"]),
               "logistic": drops(logistic, x, label, data["permutations"],
                                 data["binary_metrics"])}, sys.stdout)


if __name__ == "__main__":
    main()
