"""Reference binary metrics for tests/core/test_binary_performance.cpp.

Usage: binary_performance_sklearn.py INPUT.json
INPUT holds {"cases": [{"scores": [...], "labels": [0/1 ...], "threshold": t}, ...]}.
Prints, per case, sklearn.metrics' accuracy, precision, recall, F1 (y_hat = score >= t) and
ROC AUC.
"""
import json
import sys

import numpy as np
from sklearn import metrics


def score(case):
    y = np.array(case["labels"], dtype=int)
    s = np.array(case["scores"], dtype=float)
    predicted = (s >= case["threshold"]).astype(int)
    return {
        "accuracy": metrics.accuracy_score(y, predicted),
        "precision": metrics.precision_score(y, predicted, zero_division=0),
        "recall": metrics.recall_score(y, predicted, zero_division=0),
        "f1": metrics.f1_score(y, predicted, zero_division=0),
        "roc_auc": metrics.roc_auc_score(y, s),
    }


with open(sys.argv[1]) as f:
    cases = json.load(f)["cases"]
print(json.dumps([score(case) for case in cases]))
