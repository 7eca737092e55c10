"""Reference isotonic fits for tests/core/test_isotonic_calibrator.cpp.

Usage: isotonic_sklearn.py INPUT.json
INPUT holds {"cases": [{"scores": [...], "outcomes": [...], "queries": [...]}, ...]}.
Prints, per case, scikit-learn's IsotonicRegression(increasing=True, out_of_bounds="clip")
X_thresholds_, y_thresholds_ and its predictions at the queries.
"""
import json
import sys

import numpy as np
from sklearn.isotonic import IsotonicRegression


def fit(case):
    model = IsotonicRegression(increasing=True, out_of_bounds="clip")
    model.fit(np.array(case["scores"], dtype=float), np.array(case["outcomes"], dtype=float))
    return {
        "x": model.X_thresholds_.tolist(),
        "y": model.y_thresholds_.tolist(),
        "predictions": model.predict(np.array(case["queries"], dtype=float)).tolist(),
    }


with open(sys.argv[1]) as f:
    cases = json.load(f)["cases"]
print(json.dumps([fit(case) for case in cases]))
