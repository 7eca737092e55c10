"""Prints lime's quartile bin edges of columns a test wrote: np.unique(np.percentile(v, [25, 50, 75])).

usage: quartiles_numpy.py INPUT.json
INPUT.json: [[values of a column], ...]; prints [[edges of a column], ...].
"""
import json
import sys

import numpy as np


def main():
    with open(sys.argv[1]) as file:
        columns = json.load(file)
    json.dump([np.unique(np.percentile(np.asarray(c, dtype=np.float64), [25, 50, 75])).tolist()
               for c in columns], sys.stdout)


if __name__ == "__main__":
    main()
