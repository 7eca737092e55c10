"""Fits sklearn's Ridge with sample weights on data a test wrote.

usage: weighted_ridge_sklearn.py INPUT.json
INPUT.json: [{"columns": c, "x": [rows × c, row-major], "y": [...], "w": [...], "alpha": a}, ...].
Prints, per problem, Ridge(alpha).fit(x, y, sample_weight=w) and its weighted score:
[{"intercept": b, "coef": [...], "score": r2}, ...].
"""
import json
import sys

import numpy as np
from sklearn.linear_model import Ridge


def main():
    with open(sys.argv[1]) as file:
        problems = json.load(file)
    out = []
    for problem in problems:
        x = np.asarray(problem["x"], dtype=np.float64).reshape(-1, problem["columns"])
        y = np.asarray(problem["y"], dtype=np.float64)
        w = np.asarray(problem["w"], dtype=np.float64)
        ridge = Ridge(alpha=problem["alpha"]).fit(x, y, sample_weight=w)
        out.append({"intercept": float(ridge.intercept_), "coef": ridge.coef_.tolist(),
                    "score": float(ridge.score(x, y, sample_weight=w))})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
