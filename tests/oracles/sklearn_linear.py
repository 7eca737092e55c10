"""Reference fits for tests/core/test_linear_models.cpp.

Usage: sklearn_linear.py CASES.json
CASES.json is a list of {"model": "linreg" | "ridge" | "logreg", "alpha": a, "C": c,
"train": path, "predict": path, "target": name, "numeric": [names], "categorical": [names],
"rescale": {column: divisor}}. With "rescale", sklearn fits those design columns divided by the
divisor (its solvers cannot handle columns of ~1e12) and the coefficients are scaled back: the
same model exactly for linreg, and up to the penalty on the rescaled columns otherwise, which a
case makes negligible with a large C or a small alpha.
The design is built as Assay's linear models build it: a missing numeric value is the
feature's training mean; a categorical feature becomes one indicator per level seen in
training (levels sorted, the first dropped for linreg), a missing or unseen level sets none.
Prints, per case, the design column names, coefficients (one row per output), intercepts and
the predictions on the "predict" rows (regression values, the positive class's probability,
or one probability per class, row by row), as a JSON list.
"""
import csv
import json
import sys

import numpy as np
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def design_builder(rows, numeric, categorical, order, drop_first):
    means = {}
    for name in numeric:
        values = [float(r[name]) for r in rows if r[name] != ""]
        means[name] = sum(values) / len(values)
    levels = {name: sorted({r[name] for r in rows if r[name] != ""}) for name in categorical}
    columns = []
    for name in order:
        if name in numeric:
            columns.append(name)
        else:
            columns += [name + "=" + level for level in levels[name][1 if drop_first else 0:]]

    def build(data):
        matrix = []
        for r in data:
            row = []
            for name in order:
                if name in numeric:
                    row.append(float(r[name]) if r[name] != "" else means[name])
                else:
                    for level in levels[name][1 if drop_first else 0:]:
                        row.append(1.0 if r[name] == level else 0.0)
            matrix.append(row)
        return np.array(matrix)

    return columns, build


def fit(case):
    train = read(case["train"])
    test = read(case["predict"])
    order = [name for name in train[0].keys() if name in case["numeric"] + case["categorical"]]
    columns, build = design_builder(train, case["numeric"], case["categorical"], order,
                                    case["model"] == "linreg")
    divisors = np.array([case.get("rescale", {}).get(name, 1.0) for name in columns])
    x = build(train) / divisors
    labels = [r[case["target"]] for r in train]
    if case["model"] == "logreg":
        classes = sorted(set(labels))
        y = np.array([classes.index(label) for label in labels])
        # newton-cg, not the default lbfgs: scipy's L-BFGS-B also stops when the objective's
        # relative decrease falls below its default ftol (2.2e-9) whatever tol says, which
        # leaves errors of ~1e-4 in the coefficients. The objective and model are the same
        # (multinomial for more than two classes). Its tol bounds the gradient of the loss
        # averaged over rows; below ~1e-10 its line search stalls and it runs to max_iter.
        model = LogisticRegression(C=case["C"], solver="newton-cg", tol=1e-8,
                                   max_iter=1000).fit(x, y)
        probabilities = model.predict_proba(build(test) / divisors)
        coefficients = model.coef_ / divisors
        intercepts = model.intercept_
        if len(classes) > 2:
            # Softmax ignores a common shift; Assay keeps the intercepts summing to 0.
            intercepts = intercepts - intercepts.mean()
            predictions = probabilities.ravel()
        else:
            predictions = probabilities[:, 1]
    else:
        y = np.array([float(label) for label in labels])
        model = (LinearRegression() if case["model"] == "linreg" else Ridge(alpha=case["alpha"])).fit(x, y)
        coefficients = model.coef_.reshape(1, -1) / divisors
        intercepts = np.array([model.intercept_])
        predictions = model.predict(build(test) / divisors)
    return {"columns": columns, "coefficients": coefficients.tolist(),
            "intercepts": intercepts.tolist(), "predictions": predictions.tolist()}


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    print(json.dumps([fit(case) for case in cases]))


main()
