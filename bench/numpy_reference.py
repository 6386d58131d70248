"""Time the workbench's training algorithm written with NumPy, for the benchmark's comparison.

Usage: numpy_reference.py NAME X TRAIN_ROWS_JSON Y [EPOCHS [REPEATS]]
  NAME             a label for the output, such as classic or dense
  X                features, a 2-D .npy file
  TRAIN_ROWS_JSON  a JSON list of the training rows' indices into X, in split order
  Y                classes 0 and 1, a 1-D .npy file with one entry per row of X
  EPOCHS, REPEATS  default 300 and 15

Full-batch gradient descent on the mean log-loss from zero weights at learning rate 0.1, on the
training rows only and with no loss computed. Prints one JSON object: the best, median and
worst of REPEATS timed runs after one warm-up, in milliseconds, covering the epoch loop only.
"""

import json
import os
import sys
import time

import numpy as np


def train(x, y, epochs, lr):
    rows, cols = x.shape
    w = np.zeros(cols)
    b = 0.0
    for _ in range(epochs):
        z = x @ w + b
        out = 1.0 / (1.0 + np.exp(-z))
        residual = out - y
        w -= lr * (x.T @ residual) / rows
        b -= lr * residual.mean()
    return w, b


def time_runs(x, y, epochs, lr, repeats):
    train(x, y, epochs, lr)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        train(x, y, epochs, lr)
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    return {"minMs": times[0], "medianMs": times[len(times) // 2], "maxMs": times[-1]}


def main():
    name, x_path, rows_path, y_path = sys.argv[1:5]
    epochs = int(sys.argv[5]) if len(sys.argv) > 5 else 300
    repeats = int(sys.argv[6]) if len(sys.argv) > 6 else 15
    with open(rows_path) as rows_file:
        train_rows = np.array(json.load(rows_file), dtype=np.int64)
    x = np.ascontiguousarray(np.load(x_path, mmap_mode="r")[train_rows], dtype=np.float64)
    y = np.load(y_path)[train_rows].astype(np.float64)

    result = time_runs(x, y, epochs, 0.1, repeats)
    weights, bias = train(x, y, epochs, 0.1)
    result.update(
        {
            "name": name,
            "numpy": np.__version__,
            "rows": int(x.shape[0]),
            "cols": int(x.shape[1]),
            "epochs": epochs,
            "repeats": repeats,
            "openblasCoretype": os.environ.get("OPENBLAS_CORETYPE"),
            "weights": weights.tolist(),
            "bias": float(bias),
        }
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
