"""The reconstruction-error pipeline of core/monitor/reconstruction_error.h written with numpy,
for tests/core/test_reconstruction_error.cpp.

Usage: reconstruction_error.py INPUT.json
INPUT: {"columns": [names], "share": 0.65,
        "reference": {name: {"type": "float"|"int"|"bool"|"string", "values": [v or null]}},
        "windows": [{name: {...}}, ...]}   (a window may lack a column: wholly missing)
Prints {"columns": [used names], "kept": k, "sklearn_kept": k from PCA(n_components=share),
        "reference_errors": [...], "windows": [{"errors": [...], "mean": m}, ...]}.
"""
import json
import sys
from collections import Counter

import numpy as np
from sklearn.decomposition import PCA


def as_category(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class Encoder:
    """Imputes, encodes and standardises one column the way the reference defines it."""

    def __init__(self, spec):
        self.categorical = spec["type"] in ("string", "bool")
        values = spec["values"]
        present = [v for v in values if v is not None]
        self.usable = len(present) > 0
        if not self.usable:
            return
        if self.categorical:
            present = [as_category(v) for v in present]
            counts = Counter(present)
            best = max(counts.values())
            self.fill = min(v for v, c in counts.items() if c == best)
            imputed = [self.fill if v is None else as_category(v) for v in values]
            self.shares = {v: c / len(imputed) for v, c in Counter(imputed).items()}
        else:
            self.fill = float(np.mean(np.array(present, dtype=float)))
        encoded = self.encode(values)
        self.mean = encoded.mean()
        self.scale = 1.0 if np.ptp(encoded) == 0 else encoded.std(ddof=0)

    def encode(self, values):
        if self.categorical:
            imputed = [self.fill if v is None else as_category(v) for v in values]
            return np.array([self.shares.get(v, 0.0) for v in imputed])
        return np.array([self.fill if v is None else float(v) for v in values])

    def standardise(self, values):
        return (self.encode(values) - self.mean) / self.scale


def matrix(encoders, names, table, rows):
    columns = []
    for name in names:
        values = table[name]["values"] if name in table else [None] * rows
        columns.append(encoders[name].standardise(values))
    return np.column_stack(columns)


def main():
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    reference = spec["reference"]
    encoders = {name: Encoder(reference[name]) for name in spec["columns"]}
    names = [name for name in spec["columns"] if encoders[name].usable]
    rows = len(reference[names[0]]["values"])
    z = matrix(encoders, names, reference, rows)

    variances, vectors = np.linalg.eigh(np.cov(z, rowvar=False, ddof=1))
    order = np.argsort(variances)[::-1]
    variances = np.clip(variances[order], 0, None)
    vectors = vectors[:, order]
    cumulative = np.cumsum(variances) / variances.sum()
    kept = int(np.searchsorted(cumulative, spec["share"], side="right")) + 1
    p = vectors[:, :kept]

    def errors(data):
        return np.linalg.norm(data - data @ p @ p.T, axis=1)

    windows = []
    for window in spec["windows"]:
        count = len(next(iter(window.values()))["values"])
        e = errors(matrix(encoders, names, window, count))
        windows.append({"errors": e.tolist(), "mean": float(e.mean())})
    print(json.dumps({
        "columns": names,
        "kept": kept,
        "sklearn_kept": int(PCA(n_components=spec["share"], svd_solver="full").fit(z).n_components_),
        "reference_errors": errors(z).tolist(),
        "windows": windows,
    }))


main()
