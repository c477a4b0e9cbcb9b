r"""Checkerboard overlap (Odena, Dumoulin and Olah, 2016).

Away from the borders, output ``j`` of a transposed convolution receives the taps ``k``
with ``s | j + p - d k``: ``N(j) = sum_k [ (j + p - d k) mod s = 0 ]``. It is periodic with
period ``s``; without dilation it is constant (``q / s``) exactly when ``s`` divides ``q``;
with dilation, exactly when moreover ``gcd(d, s) = 1`` (that criterion is an exhaustive check over
stated ranges, not a general proof). In 2-D the two axes multiply.
"""

from __future__ import annotations

import random
from math import gcd
from typing import Any

import numpy as np
import sympy
from sympy import Eq, ImmutableMatrix, MatMul, Mod, Piecewise, Sum

from symconv import TransposedConvSpec, input_position, interior_overlap, overlap_counts
from symconv.indexing import SymbolicConv
from symconv.proof import DOIT, Check, Derivation, Step, as_built, require, residues, split_sum, written
from symconv.proof.display import zero_elsewhere
from symconv.proof.run import run
from symconv.symbols import symbols


def _indicator(x: sympy.Expr, s: sympy.Expr, evaluate: bool = True) -> Piecewise:
    return Piecewise((1, Eq(Mod(x, s, evaluate=evaluate), 0)), (0, True))


def _written_indicator(text: str, s: sympy.Expr, **letters: Any) -> Piecewise:
    """``[(text) mod s = 0]`` as written: 1 where ``s`` divides ``text``, 0 elsewhere (a display form;
    ``Piecewise`` would rewrite its condition, so it is built as written, :func:`~symconv.proof.as_built`)."""
    residue = sympy.Mod(written(text, s=s, **letters), s, evaluate=False)
    return zero_elsewhere(sympy.Integer(1), Eq(residue, 0, evaluate=False))


def overlap_theorem() -> Derivation:
    conv = SymbolicConv.general()
    s, p = conv.stride[0], conv.padding[0]
    j, k, t, c = symbols("j k t c", integer=True)
    m, r = symbols("m r", integer=True, positive=True)
    x = j + p

    def count(position: sympy.Expr, kernel: sympy.Expr, dilation: sympy.Expr, shift: sympy.Expr = 0) -> Sum:
        """N(j): the taps k whose index map reaches output j from some input, j = s o - p + d k
        (``shift`` is added to the offset unevaluated, so that the step shows it)."""
        offset = position - input_position(0, k, s, p, dilation)  # s o = j - (-p + d k)
        if shift:
            return Sum(_indicator(sympy.Add(offset, shift, evaluate=False), s, False), (k, 0, kernel - 1))
        return Sum(_indicator(offset, s), (k, 0, kernel - 1))

    q, d = conv.kernel_size[0], conv.dilation[0]
    letters = {"j": j, "p": p, "d": d, "k": k, "c": c}
    taps = sympy.Tuple(k, 0, written("q - 1", q=q))

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
        return f"{n} triples $(s, d, q)$"

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
        title="Checkerboard overlap: periodic with period $s$, constant exactly when $s \\mid q$",
        statement=(
            "Output $j$ away from the borders receives $N(j) = \\sum_{k=0}^{q-1} [\\, s \\mid j + p - d k \\,]$ "
            "taps. $N(j + s) = N(j)$; with $d = 1$, $q = s m$ gives $N = m$ everywhere, and $q = s m + r$ "
            "($0 < r < s$) gives $m + 1$ on $r$ residues and $m$ on the others: a checkerboard."
        ),
        steps=(
            Step(
                count(j, q, d, shift=s),
                count(j, q, d),
                "shifting the output by $s$ shifts the input by 1: $(x + s) \\bmod s = x \\bmod s$",
                DOIT,
                display_lhs=as_built(Sum, _written_indicator("j + s + p - d*k", s, **letters), taps),
                display_rhs=as_built(Sum, _written_indicator("j + p - d*k", s, **letters), taps),
            ),
            Step(
                count(j, s * m, 1),
                Sum(_indicator(x - s * t - c, s), (c, 0, s - 1), (t, 0, m - 1)),
                "no dilation, $q = s m$: write $k = s t + c$",
                split_sum(k, s, t, c, m),
                display_lhs=as_built(
                    Sum, _written_indicator("j + p - k", s, **letters), sympy.Tuple(k, 0, written("s*m - 1", s=s, m=m))
                ),
                display_rhs=as_built(
                    Sum,
                    _written_indicator("j + p - c", s, **letters),
                    sympy.Tuple(c, 0, written("s - 1", s=s)),
                    sympy.Tuple(t, 0, written("m - 1", m=m)),
                ),
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
                display_lhs=as_built(
                    Sum, _written_indicator("j + p - c", s, **letters), sympy.Tuple(c, 0, written("r - 1", r=r))
                ),
                display_rhs=zero_elsewhere(
                    sympy.Integer(1),
                    sympy.Le(
                        sympy.Mod(written("j + p", j=j, p=p), s, evaluate=False), written("r - 1", r=r), evaluate=False
                    ),
                ),
            ),
            Step(
                ImmutableMatrix(seminar.tolist()),
                MatMul(ImmutableMatrix(row), ImmutableMatrix([row]), evaluate=False),
                "the pattern for $q = 3, s = 2$ in 2-D: the product of the 1-D counts $("
                + ", ".join(str(n) for n in row)
                + ")$",
                DOIT,
            ),
        ),
        checks=(
            Check("the formula against the index map's counts", interior),
            Check.exhaustive(
                "constant exactly when $s \\mid q$ and $\\gcd(d, s) = 1$ (not proved for general $s, d$)",
                r"$s, d \le 6$, $q \le 12$",
                constancy,
            ),
            Check("2-D counts multiply", product),
        ),
        hypotheses=sympy.StrictLessThan(r, s),
    )


def derivations() -> list[Derivation]:
    return [overlap_theorem()]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
