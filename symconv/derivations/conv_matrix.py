r"""S3 for every spec: the matrix C built from the index map computes the sliding window.

For symbolic integers in N = 1, 2, 3 dimensions, with the entry of ``C`` from the library's
index map (:mod:`symconv.indexing`): ``(C X)[o]`` is the sliding window over the zero-padded
input (S1), whose windows lie ``s`` apart, taps ``d`` apart, the first at ``-p`` and the last
inside the padded input; each entry of ``C`` holds at most one tap. Checked numerically
against numpy on random specs.
"""

from __future__ import annotations

import random
import re
from typing import Any

import numpy as np
import sympy
from sympy import IndexedBase, Sum

from symconv import ConvSpec, conv_matrix
from symconv.indexing import DEFINITIONS, SymbolicConv
from symconv.proof import (
    COLLAPSE,
    DOIT_EXPAND,
    EXPAND,
    SUMS,
    Check,
    Derivation,
    Step,
    integer_parts,
    require,
    zero_extension,
)
from symconv.proof.display import unevaluated
from symconv.proof.display import written as written_sum
from symconv.proof.run import run
from symconv.reference import conv_reference, random_numbers, to_numpy


def _unevaluated_difference(a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
    return sympy.Add(a, sympy.Mul(-1, b, evaluate=False), evaluate=False)


def _written(text: str, **letters: Any) -> sympy.Expr:
    """``text`` in the seminar's letters (``h``, ``p``, ...) as a display form of this dimension's
    symbols (``h0``, ``p0``, ... in several dimensions)."""
    named = re.sub(r"[A-Za-z]+", lambda m: str(letters[m.group(0)]) if m.group(0) in letters else m.group(0), text)
    return written_sum(named, **{str(symbol): symbol for symbol in letters.values()})


def _written_position(o: Any, k: Any, s: Any, p: Any, d: Any) -> sympy.Expr:
    """The index map as the seminar writes it, ``s o - p + d k`` (a display form, unevaluated)."""
    return sympy.Add(sympy.Mul(s, o, evaluate=False), -p, sympy.Mul(d, k, evaluate=False), evaluate=False)


def index_map_theorem(ndim: int) -> Derivation:
    """(C X)[o] equals the sliding window, for symbolic parameters in ``ndim`` dimensions."""
    conv = SymbolicConv.general(ndim)
    o, k, i = conv.indices("o"), conv.indices("k"), conv.indices("i")
    X = IndexedBase("X")
    entry = conv.entry_symbol(o, i, k)  # C[o, i] from the index map
    definitions = zero_extension(*DEFINITIONS)
    # S1 in words, on the first axis: windows s apart, taps d apart, the first at -p, the last inside
    h, q, s, p, d = (x[0] for x in (conv.input_size, conv.kernel_size, conv.stride, conv.padding, conv.dilation))
    at = lambda output, tap: conv.position((output,) + o[1:], (tap,) + k[1:])[0]  # noqa: E731
    written = lambda output, tap: _written_position(output, tap, s, p, d)  # noqa: E731
    plus_one = lambda x: sympy.Add(x, 1, evaluate=False)  # noqa: E731
    with unevaluated():
        last_output = conv.output_size()[0] - 1
        last = (h - 1 + p) - at(last_output, q - 1)
    # the last window's start, floor((h + 2p - d(q-1) - 1)/s), and the end of the padded input, h - 1 + p
    last_start = sympy.floor(
        sympy.Mul(_written("h + 2*p - d*(q - 1) - 1", h=h, p=p, d=d, q=q), 1 / s, evaluate=False), evaluate=False
    )
    padded_end = _written("h - 1 + p", h=h, p=p)
    k1, k2 = sympy.Symbol("k'", integer=True), sympy.Symbol("k''", integer=True)
    steps = (
        Step.definition(
            entry,
            conv.entry(o, i, k),
            "the index map: output $o$ reads input $i$ through tap $k$ when $i = s o - p + d k$",
            definitions,
        ),
        Step(
            Sum(entry * X[i], *conv.inputs(i)),
            Sum(conv.kernel_entry(k) * Sum(conv.delta(i, o, k) * X[i], *conv.inputs(i)), *conv.taps(k)),
            "exchange the finite sums over inputs $i$ and taps $k$",
            definitions.then(SUMS),
        ),
        Step(
            None,
            conv.window(o, k, X),
            "the delta picks $i = s o - p + d k$; positions outside the input read the zero padding: "
            "the sliding window (S1)",
            COLLAPSE.then(definitions),
        ),
        Step(
            _unevaluated_difference(at(o[0] + 1, k[0]), at(o[0], k[0])),
            s,
            "neighbouring outputs read windows $s$ apart",
            EXPAND,
            display_lhs=_unevaluated_difference(written(plus_one(o[0]), k[0]), written(o[0], k[0])),
        ),
        Step(
            _unevaluated_difference(at(o[0], k[0] + 1), at(o[0], k[0])),
            d,
            "neighbouring taps read inputs $d$ apart",
            EXPAND,
            display_lhs=_unevaluated_difference(written(o[0], plus_one(k[0])), written(o[0], k[0])),
        ),
        Step(
            sympy.Subs(at(o[0], k[0]), (o[0], k[0]), (0, 0)),
            -p,
            "the first window starts at the first padded position, $-p$",
            DOIT_EXPAND,
            display_lhs=sympy.Subs(written(o[0], k[0]), (o[0], k[0]), (0, 0)),
        ),
        Step(
            last,
            sympy.Mod(h + 2 * p - d * (q - 1) - 1, s),
            "the last window ends inside the padded input, fewer than $s$ positions before its end",
            integer_parts(),
            display_lhs=_unevaluated_difference(padded_end, written(last_start, _written("q - 1", q=q))),
            display_rhs=sympy.Mod(_written("h + 2*p - d*(q - 1) - 1", h=h, p=p, d=d, q=q), s, evaluate=False),
        ),
        Step(
            _unevaluated_difference(at(o[0], k1), at(o[0], k2)),
            d * (k1 - k2),
            "two taps reaching the same input differ by a multiple of $d \\geq 1$: at most one tap per entry",
            EXPAND,
            display_lhs=_unevaluated_difference(written(o[0], k1), written(o[0], k2)),
        ),
    )
    dims = {1: "1-D", 2: "2-D", 3: "3-D"}[ndim]
    return Derivation(
        name=f"conv-matrix-{ndim}d",
        title=f"$C X$ is the sliding window, every {dims} spec (S3, general)",
        statement=(
            "The index map $i = s o - p + d k$ gives $C_{o,i} = \\sum_k W_k \\delta_{i, s o - p + d k}$; "
            "then $(C X)_o$ is the sliding window over the zero-padded input, for all $h, q, s, p, d$: "
            "windows $s$ apart, taps $d$ apart, the first window at the first padded position, the last "
            "one inside."
        ),
        steps=steps,
        checks=(Check("the matrix $C$ against the numpy reference on random specs", _random_specs(ndim)),),
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
