"""Regenerates testvectors/numpy_legacy_rng.json of the data directory (NumpyLegacyRandomTest).

Draws of numpy's legacy generator (np.random.RandomState: MT19937 seeded with init_genrand(seed);
random_sample from two 32-bit outputs; standard_normal by the legacy polar Box-Muller that caches
its second value). Usage:

    python3 numpy_legacy_rng.py > numpy_legacy_rng.json          # write
    python3 numpy_legacy_rng.py --check DATA/testvectors/numpy_legacy_rng.json   # compare

The check compares every number (and the description) with the shipped file; it passed with numpy
2.4.6 against the shipped file (the legacy generator's stream is frozen by numpy's policy).
"""
import json
import sys

import numpy as np

DESCRIPTION = (
    "Reference draws of numpy's legacy global generator (np.random.seed / RandomState: MT19937"
    " seeded with init_genrand(seed); random_sample = ((a>>5)*67108864 + (b>>6)) / 2^53 from two"
    " consecutive 32-bit outputs a,b; standard_normal = legacy polar Box-Muller that caches the"
    " second value). Use to validate an optional Java port that regenerates the GMM/STM targets"
    " for any seed.")


def case(seed):
    u = np.random.RandomState(seed)
    g = np.random.RandomState(seed)
    m = np.random.RandomState(seed)
    mixed = [m.random_sample(), m.standard_normal(), m.standard_normal(), m.random_sample(),
             m.standard_normal()]
    return {
        "seed": seed,
        "first_6_random_sample": [float(x) for x in u.random_sample(6)],
        "first_6_standard_normal": [float(x) for x in g.standard_normal(6)],
        "sequence_random_normal_normal_random_normal": [float(x) for x in mixed],
    }


def vectors():
    raw = np.random.RandomState(10000)._bit_generator.random_raw(8)
    return {
        "description": DESCRIPTION,
        "cases": [case(s) for s in (0, 10000, 10001)],
        "mt19937_first_8_uint32_seed_10000": [int(x) for x in raw],
    }


if __name__ == "__main__":
    v = vectors()
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        with open(sys.argv[2]) as f:
            shipped = json.load(f)
        ok = all(shipped.get(k) == v[k] for k in v)
        print("identical" if ok else "DIFFERENT: " + ", ".join(
            k for k in v if shipped.get(k) != v[k]))
        sys.exit(0 if ok else 1)
    json.dump(v, sys.stdout, indent=1)
    print()
