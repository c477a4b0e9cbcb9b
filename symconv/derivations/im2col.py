r"""S4 for every spec: im2col and col2im.

With the window matrix ``M[k, o] = sum_i delta(i, s o - p + d k) X[i]`` (the index
map, zero in the padding): ``(F M)[o] = sum_k W[k] M[k, o] = (C X)[o]``, so
``F im2col(X) = (C X)^T``; and ``col2im`` is the adjoint of ``im2col``:
``<im2col(X), Z> = <X, col2im(Z)>``. Proved for symbolic 1-D and 2-D parameters,
checked numerically against numpy on random 1-3-D specs.
"""

from __future__ import annotations

import random

import numpy as np
import sympy
from sympy import IndexedBase, Sum

from symconv import col2im, im2col, kernel_row
from symconv.indexing import SymbolicConv
from symconv.proof import SUMS, Check, Derivation, Step, require, symbols
from symconv.proof.run import run
from symconv.reference import conv_reference, random_numbers, to_numpy
from symconv.sampling import random_conv_spec as random_spec


def _setting(ndim: int):
    conv = SymbolicConv.general(ndim)
    o, k, i = (conv.indices(x) for x in "oki")
    w = symbols(" ".join(f"w{j}" for j in range(ndim)) if ndim > 1 else "w", integer=True, positive=True)
    return o, k, i, conv.delta(i, o, k), conv.taps(k), conv.inputs(i), conv.outputs(o, w)


def kernel_row_theorem(ndim: int) -> Derivation:
    o, k, i, delta, taps, inputs, _ = _setting(ndim)
    W, X = IndexedBase("W"), IndexedBase("X")
    window_entry = Sum(delta * X[i], *inputs)  # im2col(X)[k, o]
    matrix_entry = Sum(W[k] * delta, *taps)  # C[o, i]
    return Derivation(
        name=f"im2col-{ndim}d",
        title=f"$F \\, \\mathrm{{im2col}}(X) = (C X)^T$ for every {ndim}-D spec (S4, general)",
        statement=(
            "The window matrix $M_{k,o} = \\sum_i \\delta_{i, s o - p + d k} X_i$ times the kernel row "
            "$F$ is the row $(C X)^T$: the same sum, taken in the other order."
        ),
        steps=(
            Step(
                Sum(W[k] * window_entry, *taps),
                Sum(matrix_entry * X[i], *inputs),
                "$(F M)_o = \\sum_k W_k M_{k,o}$; exchange the finite sums: $\\sum_i C_{o,i} X_i = (C X)_o$",
                SUMS,
            ),
        ),
        checks=(Check("$F \\, \\mathrm{im2col}(X)$ against the numpy reference on random specs", _row_check),),
        fact="S4",
    )


def adjoint_theorem(ndim: int) -> Derivation:
    o, k, i, delta, taps, inputs, outputs = _setting(ndim)
    X, Z = IndexedBase("X"), IndexedBase("Z")
    return Derivation(
        name=f"col2im-adjoint-{ndim}d",
        title=f"col2im is the adjoint of im2col, every {ndim}-D spec",
        statement=(
            "$\\langle \\mathrm{im2col}(X), Z \\rangle = \\langle X, \\mathrm{col2im}(Z) \\rangle$: "
            "col2im adds every column entry back onto the input it was read from."
        ),
        steps=(
            Step(
                Sum(Z[k + o] * Sum(delta * X[i], *inputs), *taps, *outputs),
                Sum(X[i] * Sum(delta * Z[k + o], *taps, *outputs), *inputs),
                "exchange the finite sums",
                SUMS,
            ),
        ),
        checks=(
            Check(
                r"$\langle \mathrm{im2col}(x), z \rangle = \langle x, \mathrm{col2im}(z) \rangle$ on random specs",
                _adjoint_check,
            ),
        ),
    )


def _row_check(rng: random.Random, count: int = 25) -> str:
    for _ in range(count):
        spec = random_spec(rng)
        x, w = random_numbers(rng, spec.input_shape), random_numbers(rng, spec.kernel_shape)
        row = to_numpy(kernel_row(spec, sympy.Array(w.tolist())) * im2col(spec, sympy.Array(x.tolist())))
        require(np.array_equal(row.ravel(), conv_reference(spec, x, w).ravel()), f"differs for {spec}")
    return f"{count} random specs agree with numpy"


def _adjoint_check(rng: random.Random, count: int = 25) -> str:
    for _ in range(count):
        spec = random_spec(rng)
        x = random_numbers(rng, spec.input_shape)
        z = random_numbers(rng, (int(np.prod(spec.kernel_shape)), int(np.prod(spec.out_shape))))
        left = float(np.sum(to_numpy(im2col(spec, sympy.Array(x.tolist()))) * z))
        right = float(np.sum(x * np.array(col2im(spec, sympy.Array(z.tolist())).tolist(), dtype=float)))
        require(left == right, f"<im2col(x), z> = {left} but <x, col2im(z)> = {right} for {spec}")
    return f"{count} random specs: both inner products equal"


def derivations() -> list[Derivation]:
    return [kernel_row_theorem(1), kernel_row_theorem(2), adjoint_theorem(1), adjoint_theorem(2)]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
