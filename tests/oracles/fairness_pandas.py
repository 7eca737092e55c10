"""Reference fairness metrics with pandas groupby, for test_fairness and test_fairness_cli.

usage: fairness_pandas.py DATA.csv PREDICTIONS.csv TARGET SENSITIVE POSITIVE THRESHOLD FLIP
  PREDICTIONS.csv has a `prediction` column: the probability of the model's positive class
  (classes[1]); FLIP = 1 when POSITIVE is the other class, so its probability is 1 - p.
  Rows without a target are left out; missing sensitive values form the group "(missing)".
Prints JSON: per-group and overall count, selection rate, TPR, FPR, accuracy, and the
differences (max - min skipping NaN), the parity ratio; NaN as null.
"""
import json
import math
import sys

import pandas as pd


def clean(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def metrics(frame):
    positives = frame[frame.y == 1]
    negatives = frame[frame.y == 0]
    return {
        "count": int(len(frame)),
        "selection_rate": clean(frame.yhat.mean()),
        "true_positive_rate": clean(positives.yhat.mean() if len(positives) else float("nan")),
        "false_positive_rate": clean(negatives.yhat.mean() if len(negatives) else float("nan")),
        "accuracy": clean((frame.y == frame.yhat).mean()),
    }


def main():
    data_path, predictions_path, target, sensitive, positive, threshold, flip = sys.argv[1:8]
    data = pd.read_csv(data_path, dtype={sensitive: str, target: str}, keep_default_na=True)
    probability = pd.read_csv(predictions_path)["prediction"].astype(float)
    if flip == "1":
        probability = 1.0 - probability
    frame = pd.DataFrame({
        "y": (data[target] == positive).astype(int),
        "yhat": (probability >= float(threshold)).astype(int),
        "group": data[sensitive].fillna("(missing)"),
    })
    frame = frame[data[target].notna()]
    groups = {name: metrics(part) for name, part in frame.groupby("group")}
    table = pd.DataFrame(groups).T.astype(float)
    spread = lambda column: clean(table[column].max() - table[column].min())
    selection_max = table["selection_rate"].max()
    tpr_difference = spread("true_positive_rate")
    fpr_difference = spread("false_positive_rate")
    defined = [d for d in (tpr_difference, fpr_difference) if d is not None]
    print(json.dumps({
        "groups": groups,
        "overall": metrics(frame),
        "demographic_parity_difference": spread("selection_rate"),
        "demographic_parity_ratio": clean(table["selection_rate"].min() / selection_max) if selection_max > 0 else None,
        "true_positive_rate_difference": tpr_difference,
        "false_positive_rate_difference": fpr_difference,
        "equalized_odds_difference": max(defined) if defined else None,
    }))


if __name__ == "__main__":
    main()
