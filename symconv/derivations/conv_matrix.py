r"""S3 for every spec: the matrix C built from the index map computes the sliding window.

For symbolic integers in N = 1, 2, 3 dimensions: with
``C[o, i] = sum_k W[k] prod_j delta(i_j, s_j o_j - p_j + d_j k_j)`` (the index map),
``(C X)[o] = sum_k W[k] X_pad[s o + d k]`` (the sliding window, S1), and each entry of
``C`` holds at most one tap. Checked numerically against numpy on random specs.
"""

from __future__ import annotations

import random

import numpy as np
import sympy
from sympy import Function, IndexedBase, KroneckerDelta, Lambda, Mul, Piecewise, Sum

from symconv import ConvSpec, conv_matrix
from symconv.proof import COLLAPSE, EXPAND, SUMS, Check, Derivation, Step, require, run, symbols, zero_extension
from symconv.reference import conv_reference, random_numbers, to_numpy


def _letters(ndim: int) -> dict[str, tuple[sympy.Symbol, ...]]:
    """The seminar's letters, with a subscript per dimension when there are several."""

    def per_dim(name: str, **assumptions: bool | None) -> tuple[sympy.Symbol, ...]:
        names = " ".join(f"{name}{j}" for j in range(ndim)) if ndim > 1 else name
        return symbols(names, **assumptions)

    return {
        "o": per_dim("o", integer=True),
        "k": per_dim("k", integer=True),
        "i": per_dim("i", integer=True),
        "s": per_dim("s", integer=True, positive=True),
        "d": per_dim("d", integer=True, positive=True),
        "h": per_dim("h", integer=True, positive=True),
        "q": per_dim("q", integer=True, positive=True),
        "p": per_dim("p", integer=True, nonnegative=True),
    }


def index_map_theorem(ndim: int) -> Derivation:
    """(C X)[o] equals the sliding window, for symbolic parameters in ``ndim`` dimensions."""
    L = _letters(ndim)
    o, k, i, s, d, h, q, p = (L[n] for n in "o k i s d h q p".split())
    W, X = IndexedBase("W"), IndexedBase("X")
    position = [s[j] * o[j] - p[j] + d[j] * k[j] for j in range(ndim)]
    taps = [(k[j], 0, q[j] - 1) for j in range(ndim)]
    inputs = [(i[j], 0, h[j] - 1) for j in range(ndim)]
    delta = Mul(*[KroneckerDelta(i[j], position[j]) for j in range(ndim)])
    entry = Sum(W[k] * delta, *taps)  # C[o, i] from the index map
    collapsed = Piecewise(
        (X[tuple(position)], sympy.And(*[(position[j] >= 0) & (position[j] < h[j]) for j in range(ndim)])), (0, True)
    )
    padded = Function("X_pad")
    j_ = symbols(" ".join(f"j{n}" for n in range(ndim)), integer=True)
    definition = Lambda(
        j_,
        Piecewise(
            (
                X[tuple(j_[n] - p[n] for n in range(ndim))],
                sympy.And(*[(j_[n] >= p[n]) & (j_[n] < p[n] + h[n]) for n in range(ndim)]),
            ),
            (0, True),
        ),
    )
    window = Sum(W[k] * padded(*[s[j] * o[j] + d[j] * k[j] for j in range(ndim)]), *taps)
    k1, k2 = sympy.Symbol("k'", integer=True), sympy.Symbol("k''", integer=True)
    steps = (
        Step(
            Sum(entry * X[i], *inputs),
            Sum(W[k] * Sum(delta * X[i], *inputs), *taps),
            "exchange the finite sums over inputs $i$ and taps $k$",
            SUMS,
        ),
        Step(
            None,
            Sum(W[k] * collapsed, *taps),
            "the delta picks $i = s o - p + d k$; positions outside the input give 0",
            COLLAPSE,
        ),
        Step(
            None,
            window,
            "definition of the zero-padded input $X_{pad}$: the sliding window (S1)",
            zero_extension((padded, definition)),
        ),
        Step(
            (s[0] * o[0] - p[0] + d[0] * k1) - (s[0] * o[0] - p[0] + d[0] * k2),
            d[0] * (k1 - k2),
            "two taps reaching the same input differ by a multiple of $d \\geq 1$: at most one tap per entry",
            EXPAND,
        ),
    )
    dims = {1: "1-D", 2: "2-D", 3: "3-D"}[ndim]
    return Derivation(
        name=f"conv-matrix-{ndim}d",
        title=f"C X is the sliding window, every {dims} spec (S3, general)",
        statement=(
            "The index map $i = s o - p + d k$ gives $C_{o,i} = \\sum_k W_k \\delta_{i, s o - p + d k}$; "
            "then $(C X)_o$ is the sliding window over the zero-padded input, for all $h, q, s, p, d$."
        ),
        steps=steps,
        checks=(Check("conv_matrix against the numpy reference on random specs", _random_specs(ndim)),),
        fact="S3",
    )


def _random_specs(ndim: int, count: int = 30):
    def run(rng: random.Random) -> str:
        for _ in range(count):
            q = [rng.randint(1, 3) for _ in range(ndim)]
            d = [rng.randint(1, 2) for _ in range(ndim)]
            p = [rng.randint(0, 2) for _ in range(ndim)]
            h = [max(1, d[j] * (q[j] - 1) + 1 - 2 * p[j]) + rng.randint(0, 4) for j in range(ndim)]
            spec = ConvSpec(h, q, stride=[rng.randint(1, 3) for _ in range(ndim)], padding=p, dilation=d)
            x, w = random_numbers(rng, spec.input_shape), random_numbers(rng, spec.kernel_shape)
            got = to_numpy(conv_matrix(spec, sympy.Array(w.tolist()))) @ x.ravel()
            require(np.array_equal(got, conv_reference(spec, x, w).ravel()), f"differs for {spec}")
        return f"{count} random specs agree with numpy"

    return run


def derivations() -> list[Derivation]:
    return [index_map_theorem(n) for n in (1, 2, 3)]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
