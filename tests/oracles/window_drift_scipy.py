#!/usr/bin/python3
"""Oracle for one monitor window: KS statistic and normed Wasserstein distance of one feature.

Usage: window_drift_scipy.py REFERENCE.txt WINDOW.txt (one number per line)
Prints {"ks": D, "wasserstein": W / std(reference)}.
"""
import json
import sys

import numpy as np
from scipy import stats

reference = np.loadtxt(sys.argv[1])
window = np.loadtxt(sys.argv[2])
print(json.dumps({
    "ks": float(stats.ks_2samp(reference, window).statistic),
    "wasserstein": float(stats.wasserstein_distance(reference, window) / max(np.std(reference), 0.001)),
}))
