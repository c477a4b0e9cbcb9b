"""Benchmark of the core: building C, against the floor and a hand-built dense matrix,
and the exact symbolic check C X = sliding window. Prints one table; ratios are measured
in the same run (the machines are noisy).

    python benchmarks/bench_core.py [--quick]

``--quick`` skips SymPy's own product C * X at 64x64 (about 10 s).
"""

from __future__ import annotations

import sys
import time

import sympy

from symconv import ConvSpec, conv_matrix, input_symbols, kernel_symbols, nonzero_count, sliding_window, vec
from symconv.operands import flat
from symconv.proof import LINEAR, LinearMap, same


def best(function, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def dict_floor(n, q=3):
    """The floor: the pure-Python dict of non-zero rows, by loops (no SymPy matrix)."""
    taps = flat(kernel_symbols((q, q)))
    w = n - q + 1
    rows = {}
    for r in range(w):
        for c in range(w):
            rows[r * w + c] = {(r + a) * n + c + b: taps[a * q + b] for a in range(q) for b in range(q)}
    return rows


def dense_by_hand(n, q=3):
    """How a user would build C by hand: a dense sympy.Matrix(m, n, f), filled cell by cell."""
    W = sympy.IndexedBase("W")
    w = n - q + 1

    def cell(row, col):
        (oy, ox), (iy, ix) = divmod(row, w), divmod(col, n)
        a, b = iy - oy, ix - ox
        return W[a, b] if 0 <= a < q and 0 <= b < q else 0

    return sympy.Matrix(w * w, n * n, cell)


def main(quick: bool) -> None:
    rows = []
    t64, _ = best(lambda: conv_matrix(ConvSpec((64, 64), (3, 3))))
    t256, _ = best(lambda: conv_matrix(ConvSpec((256, 256), (3, 3))))
    f64, _ = best(lambda: dict_floor(64))
    f256, _ = best(lambda: dict_floor(256))
    rows.append(("conv_matrix 64x64, 3x3", t64, f"{t64 / f64:.1f}x the floor"))
    rows.append(("conv_matrix 256x256, 3x3", t256, f"{t256 / f256:.1f}x the floor"))
    rows.append(("floor: dict of non-zero rows, 64x64", f64, ""))
    rows.append(("floor: dict of non-zero rows, 256x256", f256, ""))
    nnz_ratio = nonzero_count(ConvSpec((256, 256), (3, 3))) / nonzero_count(ConvSpec((64, 64), (3, 3)))
    rows.append(("growth 64 -> 256 (non-zeros x%.1f)" % nnz_ratio, None, f"time x{t256 / t64:.1f}"))
    dense, D = best(lambda: dense_by_hand(24), repeat=1)
    ours, C24 = best(lambda: conv_matrix(ConvSpec((24, 24), (3, 3))))
    assert C24 == D, "the hand-built matrix differs"
    rows.append(("dense Matrix(m, n, f) by hand, 24x24", dense, ""))
    rows.append(("conv_matrix 24x24", ours, f"{dense / ours:.0f}x faster than by hand"))

    spec = ConvSpec((64, 64), (3, 3))
    X = input_symbols(spec.input_shape)
    C = conv_matrix(spec)
    window, Y = best(lambda: sliding_window(spec, X), repeat=1)
    check, result = best(lambda: same(LinearMap(C, X), Y, LINEAR))
    assert result == (True, ""), result
    rows.append(("sliding_window 64x64 (symbolic, 34,596 products)", window, ""))
    rows.append(("exact check C X = sliding window, 64x64", check, "coefficients of the linear forms"))
    if not quick:
        product, P = best(lambda: C * vec(X), repeat=1)
        rows.append(("SymPy's own product C * X, 64x64", product, f"check is {product / check:.0f}x faster"))

    width = max(len(r[0]) for r in rows)
    print(f"{'what':{width}}  {'seconds':>9}  note")
    for name, seconds, note in rows:
        shown = f"{seconds:9.4f}" if seconds is not None else " " * 9
        print(f"{name:{width}}  {shown}  {note}")
    print(f"sympy {sympy.__version__}, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
