"""Reference metrics for tests/core/test_model_metrics.cpp.

Usage: sklearn_metrics.py TASK CLASS_COUNT DATA.csv [TASK CLASS_COUNT DATA.csv ...]
Each DATA.csv has a column y (class index or value) and the predictions p0 .. p{outputs-1}.
Prints a JSON array with, per case, the metrics, confusion matrix and (binary) curves sklearn
computes. One process for all cases: importing sklearn is the slow part.
"""
import json
import sys

import numpy as np
from sklearn import calibration, metrics


def classification(task, k, y, p):
    labels = list(range(k))
    if task == "binary":
        predicted = (p[:, 0] >= 0.5).astype(int)
        scores = p[:, 0]
    else:
        predicted = np.argmax(p, axis=1)
        scores = p
    out = {
        "accuracy": metrics.accuracy_score(y, predicted),
        "log_loss": metrics.log_loss(y, scores, labels=labels),
    }
    for name, fn in (("precision", metrics.precision_score), ("recall", metrics.recall_score),
                     ("f1", metrics.f1_score)):
        for average in ("macro", "weighted"):
            out[name + "_" + average] = fn(y, predicted, labels=labels, average=average,
                                           zero_division=0)
        if task == "binary":
            out[name] = fn(y, predicted, pos_label=1, average="binary", zero_division=0)
        else:
            out[name] = out[name + "_macro"]
    result = {"metrics": out,
              "confusion": metrics.confusion_matrix(y, predicted, labels=labels).tolist()}
    if task == "binary":
        out["brier"] = metrics.brier_score_loss(y, scores)
        out["roc_auc"] = metrics.roc_auc_score(y, scores)
        out["pr_auc"] = metrics.average_precision_score(y, scores)
        fpr, tpr, thresholds = metrics.roc_curve(y, scores)
        precision, recall, pr_thresholds = metrics.precision_recall_curve(y, scores)
        observed, mean_predicted = calibration.calibration_curve(y, scores, n_bins=10)
        result["roc"] = {"x": fpr.tolist(), "y": tpr.tolist(), "thresholds": thresholds[1:].tolist()}
        result["pr"] = {"x": recall[::-1].tolist(), "y": precision[::-1].tolist(),
                        "thresholds": pr_thresholds[::-1].tolist()}
        result["calibration"] = {"observed": observed.tolist(),
                                 "mean_predicted": mean_predicted.tolist()}
    else:
        out["roc_auc"] = metrics.roc_auc_score(y, scores, multi_class="ovr", labels=labels)
        out["pr_auc"] = metrics.average_precision_score(np.eye(k)[y], scores, average="macro")
    return result


def regression(y, p):
    return {"metrics": {
        "rmse": metrics.mean_squared_error(y, p[:, 0], squared=False),
        "mae": metrics.mean_absolute_error(y, p[:, 0]),
        "r2": metrics.r2_score(y, p[:, 0]),
        "mape": metrics.mean_absolute_percentage_error(y, p[:, 0]),
    }}


def case(task, k, path):
    data = np.genfromtxt(path, delimiter=",", names=True)
    outputs = k if task == "multiclass" else 1
    p = np.column_stack([data["p%d" % i] for i in range(outputs)])
    if task == "regression":
        return regression(data["y"], p)
    return classification(task, k, data["y"].astype(int), p)


def main():
    args = sys.argv[1:]
    print(json.dumps([case(args[i], int(args[i + 1]), args[i + 2]) for i in range(0, len(args), 3)]))


main()
