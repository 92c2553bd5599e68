"""The numpy recipes of the GMM and STM targets (docs/spec/PROBLEMS.md §4.5, §4.6), as the reference
draws them, checked against the shipped files of the data directory (targets/gmm20, targets/stm20)
that NumpyLegacyRandomTest compares NumpyTargetRecipes with.

    python3 target_recipes.py DATA_DIR

GMM (seed s, dimension D, K = 10): for every component in order, mu_k = 100 (u - 0.5) with D
draws of random_sample(); A_k = 0.1 * (D*D draws of normal(0, D)) row-major; Sigma_k = A_k^T A_k + I.
STM (seed s): A_k = 0.1 D * (D*D draws of normal(0, 1)); P_k = A_k^T A_k + I. Substitute STM
locations: RandomState(s - 10000).random_sample(D) * 2h - h per component (h = 20 for STM20).

Prints "identical" per file, else the largest relative difference (numpy's A^T A goes through
BLAS, whose summation order could differ from the Java port's fused multiply-adds). With numpy 2.4.6
(OpenBLAS) on x86-64 all six files were identical.
"""
import sys

import numpy as np


def gmm(seed, d, k=10):
    rng = np.random.RandomState(seed)
    means, covs = [], []
    for _ in range(k):
        means.append(100.0 * (rng.random_sample(d) - 0.5))
        a = 0.1 * rng.normal(0.0, d, size=d * d).reshape(d, d)
        covs.append(a.T @ a + np.eye(d))
    return np.array(means), np.vstack(covs)


def stm_precisions(seed, d, k=10):
    rng = np.random.RandomState(seed)
    out = []
    for _ in range(k):
        a = 0.1 * d * rng.normal(0.0, 1.0, size=d * d).reshape(d, d)
        out.append(a.T @ a + np.eye(d))
    return np.vstack(out)


def substitute_locations(r, d, k, half_width):
    rng = np.random.RandomState(r)
    return np.array([rng.random_sample(d) * (2.0 * half_width) - half_width for _ in range(k)])


def compare(name, got, path):
    want = np.loadtxt(path, delimiter=",", ndmin=2, skiprows=2)  # comment and header lines
    exact = np.array_equal(got, want)
    rel = np.max(np.abs(got - want) / np.maximum(1.0, np.abs(want)))
    print(f"{name}: {'identical' if exact else f'max relative difference {rel:.3g}'}")
    return exact, rel


if __name__ == "__main__":
    data = sys.argv[1]
    means, covs = gmm(10000, 20)
    compare("gmm20 seed10000 means", means, f"{data}/targets/gmm20/seed10000/means.csv")
    compare("gmm20 seed10000 covs", covs, f"{data}/targets/gmm20/seed10000/covs.csv")
    for r in (0, 3):
        base = f"{data}/targets/stm20/seed{10000 + r}"
        compare(f"stm20 seed{10000 + r} precisions", stm_precisions(10000 + r, 20),
                f"{base}/precisions.csv")
        compare(f"stm20 seed{10000 + r} means", substitute_locations(r, 20, 10, 20.0),
                f"{base}/means.csv")
