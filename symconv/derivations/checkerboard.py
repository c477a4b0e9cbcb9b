r"""Checkerboard overlap (Odena, Dumoulin and Olah, 2016).

Away from the borders, output ``j`` of a transposed convolution receives the taps ``k``
with ``s | j + p - d k``: ``N(j) = sum_k [ (j + p - d k) mod s = 0 ]``. It is periodic with
period ``s``; without dilation it is constant (``q / s``) exactly when ``s`` divides ``q``;
with dilation, exactly when moreover ``gcd(d, s) = 1``. In 2-D the two axes multiply.
"""

from __future__ import annotations

import random
from math import gcd

import numpy as np
import sympy
from sympy import Eq, Mod, Piecewise, Sum

from symconv import TransposedConvSpec, interior_overlap, overlap_counts
from symconv.proof import STRUCTURAL, Check, Derivation, Step, require, residues, run, split_sum, symbols


def _indicator(x: sympy.Expr, s: sympy.Expr) -> Piecewise:
    return Piecewise((1, Eq(Mod(x, s), 0)), (0, True))


def overlap_theorem() -> Derivation:
    j, k, t, c = symbols("j k t c", integer=True)
    s, d, q, m, r = symbols("s d q m r", integer=True, positive=True)
    p = sympy.Symbol("p", integer=True, nonnegative=True)
    x = j + p
    count = lambda position, kernel, dilation: Sum(
        _indicator(position + p - dilation * k, s),  # noqa: E731
        (k, 0, kernel - 1),
    )

    def interior(rng: random.Random) -> str:
        n = 0
        for h in range(1, 7):
            for q_ in range(1, 6):
                for s_ in range(1, 4):
                    for d_ in range(1, 3):
                        for p_ in range(0, 3):
                            a_ = 0
                            if (h - 1) * s_ + d_ * (q_ - 1) + a_ + 1 - 2 * p_ < 1:
                                continue
                            t_ = TransposedConvSpec(h, q_, stride=s_, padding=p_, dilation=d_)
                            counts = overlap_counts(t_).tolist()
                            for j_ in range(t_.out_shape[0]):
                                # interior: every tap's input o = (j + p - d k)/s would lie inside the input
                                if d_ * (q_ - 1) <= j_ + p_ <= (h - 1) * s_:
                                    require(counts[j_] == interior_overlap(j_, q_, s_, p_, d_), (t_, j_))
                                    n += 1
        return f"{n} interior positions of 1-D specs: index-map counts = the formula"

    def constancy(rng: random.Random) -> str:
        n = 0
        for s_ in range(1, 7):
            for d_ in range(1, 7):
                for q_ in range(1, 13):
                    values = {interior_overlap(j_, q_, s_, 0, d_) for j_ in range(s_)}
                    require((len(values) == 1) == (q_ % s_ == 0 and gcd(d_, s_) == 1), (s_, d_, q_))
                    n += 1
        return f"{n} (s, d, q) with s, d <= 6, q <= 12: constant exactly when s | q and gcd(d, s) = 1"

    def product(rng: random.Random) -> str:
        n = 0
        for _ in range(40):
            h = [rng.randint(1, 5) for _ in range(2)]
            q_ = [rng.randint(1, 4) for _ in range(2)]
            s_ = [rng.randint(1, 3) for _ in range(2)]
            t_ = TransposedConvSpec(h, q_, stride=s_)
            rows = [overlap_counts(TransposedConvSpec(h[a], q_[a], stride=s_[a])).tolist() for a in range(2)]
            require(overlap_counts(t_).tolist() == np.outer(*rows).tolist(), str(t_))
            n += 1
        return f"{n} random 2-D specs: the counts are the outer product of the 1-D counts"

    seminar = overlap_counts(TransposedConvSpec((3, 3), (3, 3), stride=2))
    row = overlap_counts(TransposedConvSpec(3, 3, stride=2)).tolist()
    return Derivation(
        name="checkerboard",
        title="Checkerboard overlap: periodic with period s, constant exactly when s | q",
        statement=(
            "Output $j$ away from the borders receives $N(j) = \\sum_{k=0}^{q-1} [\\, s \\mid j + p - d k \\,]$ "
            "taps. $N(j + s) = N(j)$; with $d = 1$, $q = s m$ gives $N = m$ everywhere, and $q = s m + r$ "
            "($0 < r < s$) gives $m + 1$ on $r$ residues and $m$ on the others: a checkerboard."
        ),
        steps=(
            Step(
                count(j + s, q, d),
                count(j, q, d),
                "shifting the output by $s$ shifts the input by 1: $(x + s) \\bmod s = x \\bmod s$",
                STRUCTURAL,
            ),
            Step(
                count(j, s * m, 1),
                Sum(_indicator(x - s * t - c, s), (c, 0, s - 1), (t, 0, m - 1)),
                "no dilation, $q = s m$: write $k = s t + c$",
                split_sum(k, s, t, c, m),
            ),
            Step(
                None,
                m,
                "exactly one residue $c = (j + p) \\bmod s$ in $0..s-1$: $N = m = q/s$ for every $j$",
                residues(s, c),
            ),
            Step(
                Sum(_indicator(x - s * m - c, s), (c, 0, r - 1)),
                Piecewise((1, Mod(x, s) <= r - 1), (0, True)),
                "$q = s m + r$: the last $r$ taps reach only the residues $(j + p) \\bmod s < r$",
                residues(s, c),
            ),
            Step(
                seminar,
                sympy.Array(np.outer(row, row).tolist()),
                "the pattern for $q = 3, s = 2$ in 2-D: the product of the 1-D counts " + str(row),
                STRUCTURAL,
            ),
        ),
        checks=(
            Check("the formula against the index map's counts", interior),
            Check("constancy condition, exhaustively", constancy),
            Check("2-D counts multiply", product),
        ),
        hypotheses=sympy.StrictLessThan(r, s),
    )


def derivations() -> list[Derivation]:
    return [overlap_theorem()]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
