#!/usr/bin/python3
"""Oracle for tests/core/test_gbt_trainer: trains xgboost (tree_method 'hist') on a CSV whose
last column is the target and scores a test CSV.

Usage: xgboost_gbt.py TRAIN.csv TEST.csv binary|multiclass|regression PARAMS_JSON
PARAMS_JSON holds xgboost parameters (max_depth, eta, ...) plus "rounds".
Prints {"roc_auc": x} (binary), {"mlogloss": x, "accuracy": x} (multiclass) or {"rmse": x}.
"""
import json
import sys

import numpy as np
import xgboost
from sklearn.metrics import accuracy_score, log_loss, mean_squared_error, roc_auc_score

OBJECTIVES = {"binary": "binary:logistic", "multiclass": "multi:softprob",
              "regression": "reg:squarederror"}


def load(path):
    data = np.genfromtxt(path, delimiter=",", skip_header=1)
    return data[:, :-1], data[:, -1]


def main():
    train, test, task, given = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    x_train, y_train = load(train)
    x_test, y_test = load(test)
    rounds = given.pop("rounds")
    params = {"objective": OBJECTIVES[task], "tree_method": "hist", "nthread": 1, "seed": 0}
    params.update(given)
    if task == "multiclass":
        params["num_class"] = int(y_train.max()) + 1
    booster = xgboost.train(params, xgboost.DMatrix(x_train, label=y_train), rounds)
    predictions = booster.predict(xgboost.DMatrix(x_test))
    if task == "binary":
        result = {"roc_auc": roc_auc_score(y_test, predictions)}
    elif task == "multiclass":
        result = {"mlogloss": log_loss(y_test, predictions, labels=range(params["num_class"])),
                  "accuracy": accuracy_score(y_test, predictions.argmax(axis=1))}
    else:
        result = {"rmse": float(np.sqrt(mean_squared_error(y_test, predictions)))}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
