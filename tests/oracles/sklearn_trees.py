"""Scores scikit-learn's trees and forests on data a test wrote, as the bar ours must reach.

usage: sklearn_trees.py DIR
Reads DIR/{classification,regression}_{train,test}.csv (features, then the target in the last
column) and prints {"tree_classifier_accuracy", "forest_classifier_accuracy",
"tree_regressor_r2", "forest_regressor_r2"} measured on the test parts.
"""
import json
import os
import sys

import numpy as np
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import accuracy_score, r2_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor


def load(folder, name):
    data = np.loadtxt(os.path.join(folder, name + ".csv"), delimiter=",", skiprows=1)
    return data[:, :-1], data[:, -1]


def main():
    folder = sys.argv[1]
    xc, yc = load(folder, "classification_train")
    xct, yct = load(folder, "classification_test")
    xr, yr = load(folder, "regression_train")
    xrt, yrt = load(folder, "regression_test")
    tree_c = DecisionTreeClassifier(max_depth=8, random_state=0).fit(xc, yc)
    forest_c = RandomForestClassifier(n_estimators=100, random_state=0).fit(xc, yc)
    tree_r = DecisionTreeRegressor(max_depth=8, random_state=0).fit(xr, yr)
    forest_r = RandomForestRegressor(n_estimators=100, random_state=0).fit(xr, yr)
    json.dump({
        "tree_classifier_accuracy": accuracy_score(yct, tree_c.predict(xct)),
        "forest_classifier_accuracy": accuracy_score(yct, forest_c.predict(xct)),
        "tree_regressor_r2": r2_score(yrt, tree_r.predict(xrt)),
        "forest_regressor_r2": r2_score(yrt, forest_r.predict(xrt)),
    }, sys.stdout)


if __name__ == "__main__":
    main()
