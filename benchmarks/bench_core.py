"""Benchmark of the core: building C against the floor and a hand-built dense matrix; numbers out
of C; symbolic products and the exact check C X = sliding window; im2col against its floor;
printing; and the whole verification (``symconv prove all``, ``symconv notes`` without TeX).

    python benchmarks/bench_core.py [--quick] [--repeat N]

CPU seconds (``time.process_time``; children's CPU time for the commands), medians of
``--repeat`` runs (5 by default), the methods of a comparison alternated within each run, and
every ratio taken within this one run: the machines are shared and loaded. ``--quick`` skips
SymPy's own slow routes (``C.subs``, ``C * X``: about 20 s) and the two commands.

Each row ends with the issue's target where it has one (issue 17, "Fast after the matrix too").
Rows whose functions this version of symconv lacks say so, so that an older checkout can be
measured with the same script (``PYTHONPATH=old-checkout python benchmarks/bench_core.py``).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any, Optional

import numpy as np
import sympy

import symconv
from symconv import ConvSpec, conv_matrix, im2col, input_symbols, kernel_symbols, nonzero_count, sliding_window, vec
from symconv.operands import flat
from symconv.proof import LINEAR, LinearMap, same

Row = tuple[str, Optional[float], str]


def timed(*functions: Callable[[], Any], repeat: int = 5) -> tuple[list[float], list[Any]]:
    """Median CPU seconds of each function, the functions alternated within every run."""
    times: list[list[float]] = [[] for _ in functions]
    results: list[Any] = [None] * len(functions)
    for _ in range(repeat):
        for n, function in enumerate(functions):
            start = time.process_time()
            results[n] = function()
            times[n].append(time.process_time() - start)
    return [statistics.median(t) for t in times], results


def dict_floor(n: int, q: int = 3) -> dict[int, dict[int, Any]]:
    """The floor of C: the pure-Python dict of non-zero rows, by loops (no SymPy matrix)."""
    taps = flat(kernel_symbols((q, q)))
    w = n - q + 1
    rows = {}
    for r in range(w):
        for c in range(w):
            rows[r * w + c] = {(r + a) * n + c + b: taps[a * q + b] for a in range(q) for b in range(q)}
    return rows


def im2col_floor(values: list[Any], n: int, q: int = 3) -> dict[int, dict[int, Any]]:
    """The floor of im2col: the dict of non-zero rows (one per tap), by loops, from the stored entries."""
    w = n - q + 1
    return {
        a * q + b: {r * w + c: values[(r + a) * n + c + b] for r in range(w) for c in range(w)}
        for a in range(q)
        for b in range(q)
    }


def dense_by_hand(n: int, q: int = 3) -> sympy.Matrix:
    """How a user would build C by hand: a dense sympy.Matrix(m, n, f), filled cell by cell."""
    W = sympy.IndexedBase("W")
    w = n - q + 1

    def cell(row: int, col: int) -> Any:
        (oy, ox), (iy, ix) = divmod(row, w), divmod(col, n)
        a, b = iy - oy, ix - ox
        return W[a, b] if 0 <= a < q and 0 <= b < q else 0

    return sympy.Matrix(w * w, n * n, cell)


def scipy_direct(n: int, kernel: np.ndarray) -> Any:
    """The numeric C built directly with NumPy index arrays into scipy.sparse (the reference)."""
    from scipy import sparse

    q = kernel.shape[0]
    w = n - q + 1
    oy, ox, ky, kx = np.meshgrid(np.arange(w), np.arange(w), np.arange(q), np.arange(q), indexing="ij")
    rows, columns = (oy * w + ox).ravel(), ((oy + ky) * n + ox + kx).ravel()
    return sparse.csr_array((kernel[ky, kx].ravel(), (rows, columns)), shape=(w * w, n * n))


def building(repeat: int) -> list[Row]:
    (t64, t256, f64, f256), _ = timed(
        lambda: conv_matrix(ConvSpec((64, 64), (3, 3))),
        lambda: conv_matrix(ConvSpec((256, 256), (3, 3))),
        lambda: dict_floor(64),
        lambda: dict_floor(256),
        repeat=repeat,
    )
    growth = nonzero_count(ConvSpec((256, 256), (3, 3))) / nonzero_count(ConvSpec((64, 64), (3, 3)))
    (dense, ours), (D, C24) = timed(
        lambda: dense_by_hand(24), lambda: conv_matrix(ConvSpec((24, 24), (3, 3))), repeat=1
    )
    if C24 != D:
        raise RuntimeError("the hand-built matrix differs from conv_matrix")
    return [
        ("conv_matrix 64x64, 3x3", t64, f"{t64 / f64:.1f}x the floor (a dict of non-zero rows)"),
        (
            "conv_matrix 256x256, 3x3",
            t256,
            f"{t256 / f256:.1f}x the floor; non-zeros x{growth:.1f}, time x{t256 / t64:.1f}",
        ),
        ("dense Matrix(m, n, f) by hand, 24x24", dense, f"conv_matrix {ours:.4f} s: {dense / ours:,.0f}x faster"),
    ]


def numbers(repeat: int, quick: bool) -> list[Row]:
    try:
        from symconv.ops.numeric import numeric_conv_matrix, substitute
    except ImportError:
        return [("numeric path", None, "not in this version of symconv")]
    kernel = np.arange(1.0, 10.0).reshape(3, 3)
    spec = ConvSpec((256, 256), (3, 3))
    (ours, direct), (A, B) = timed(
        lambda: numeric_conv_matrix(spec, kernel), lambda: scipy_direct(256, kernel), repeat=repeat
    )
    if (A != B).nnz:
        raise RuntimeError("the numeric matrix differs from the direct scipy build")
    C = conv_matrix(ConvSpec((64, 64), (3, 3)))
    values = dict(zip(flat(kernel_symbols((3, 3))), [sympy.Integer(v) for v in range(1, 10)]))
    (sub, xrep), (S, _) = timed(lambda: substitute(C, values), lambda: C.xreplace(values), repeat=repeat)
    rows: list[Row] = [
        (
            "numeric C 256x256 (scipy.sparse)",
            ours,
            f"{ours / direct:.2f}x the direct scipy build ({direct:.4f} s); target <= 0.010 s, <= 3x",
        ),
        ("substitute(C, numbers) 64x64 -> scipy.sparse", sub, "target <= 0.050 s"),
        ("C.xreplace(numbers) 64x64 (SymPy matrix)", xrep, f"{xrep / sub:.0f}x substitute"),
    ]
    if not quick:
        (subs,), _ = timed(lambda: C.subs(values), repeat=1)
        rows.append(("C.subs(numbers) 64x64 (SymPy matrix)", subs, f"{subs / sub:,.0f}x substitute"))
    return rows


def products(repeat: int, quick: bool) -> list[Row]:
    spec = ConvSpec((64, 64), (3, 3))
    X = input_symbols(spec.input_shape)
    C = conv_matrix(spec)
    (window,), (Y,) = timed(lambda: sliding_window(spec, X), repeat=repeat)
    (check,), (result,) = timed(lambda: same(LinearMap(C, X), Y, LINEAR), repeat=repeat)
    if result != (True, ""):
        raise RuntimeError(f"the exact check fails: {result}")
    rows: list[Row] = [
        ("sliding_window 64x64 (symbolic, 34,596 products)", window, ""),
        ("exact check C X = sliding window, 64x64", check, "target <= 0.25 s"),
    ]
    try:
        from symconv.sparse import sparse_product
    except ImportError:
        rows.append(("sparse_product", None, "not in this version of symconv"))
        sparse = None
    else:
        (sparse,), (P,) = timed(lambda: sparse_product(C, X), repeat=repeat)
        if P != vec(Y):
            raise RuntimeError("C X differs from the sliding window")
        rows.append(("symbolic C X 64x64 (sparse_product)", sparse, "target <= 1.5 s"))
        (back,), _ = timed(lambda: sparse_product(C, P, transpose=True), repeat=1)
        rows.append(("symbolic C^T (C X) 64x64 (sparse_product)", back, ""))
    if not quick:
        (product,), _ = timed(lambda: C * vec(X), repeat=1)
        note = f"{product / sparse:.0f}x sparse_product" if sparse else ""
        rows.append(("SymPy's own product C * X, 64x64", product, note))
    return rows


def columns(repeat: int) -> list[Row]:
    return [window_columns(n, repeat) for n in (64, 256)]


def window_columns(n: int, repeat: int) -> Row:
    spec = ConvSpec((n, n), (3, 3))
    X = input_symbols(spec.input_shape)
    stored = flat(X)
    (ours, floor), _ = timed(lambda: im2col(spec, X), lambda: im2col_floor(stored, n), repeat=repeat)
    return (f"im2col {n}x{n}, 3x3", ours, f"{ours / floor:.2f}x its floor ({floor:.4f} s); target <= 2x")


def printing(repeat: int) -> list[Row]:
    C16, C32, C256 = (conv_matrix(ConvSpec((n, n), (3, 3))) for n in (16, 32, 256))
    (t16, t32, t256), (s16, s32, s256) = timed(
        lambda: symconv.latex(C16), lambda: symconv.latex(C32), lambda: symconv.latex(C256), repeat=repeat
    )
    return [
        ("latex(C) 16x16", t16, f"{len(s16):,} characters"),
        ("latex(C) 32x32", t32, f"{len(s32):,} characters"),
        ("latex(C) 256x256", t256, f"{len(s256):,} characters; target <= 1 s"),
    ]


def command(*argv: str) -> float:
    """CPU seconds of ``python -m symconv ARGV`` (the child's user and system time)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-m", "symconv", *argv], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"symconv {' '.join(argv)} failed: {result.stderr[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands(repeat: int) -> list[Row]:
    prove, notes = [], []
    for _ in range(max(1, repeat // 2)):
        prove.append(command("prove", "all"))
        with tempfile.TemporaryDirectory() as folder:
            notes.append(command("notes", "-o", os.path.join(folder, "notes")))
    return [
        ("symconv prove all", statistics.median(prove), "target <= 12 s"),
        ("symconv notes (without TeX)", statistics.median(notes), "target <= 15 s"),
    ]


def main(quick: bool, repeat: int) -> None:
    rows = building(repeat) + numbers(repeat, quick) + products(repeat, quick) + columns(repeat) + printing(repeat)
    if not quick:
        rows += commands(repeat)
    width = max(len(r[0]) for r in rows)
    print(f"{'what':{width}}  {'CPU s':>9}  note")
    for name, seconds, note in rows:
        shown = f"{seconds:9.4f}" if seconds is not None else " " * 9
        print(f"{name:{width}}  {shown}  {note}")
    print(
        f"symconv from {os.path.dirname(symconv.__file__)}; sympy {sympy.__version__}, python {sys.version.split()[0]}"
    )


if __name__ == "__main__":
    arguments = sys.argv[1:]
    count = int(arguments[arguments.index("--repeat") + 1]) if "--repeat" in arguments else 5
    main(quick="--quick" in arguments, repeat=count)
