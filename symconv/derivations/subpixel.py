r"""Sub-pixel form (Shi et al., 2016): a stride-``s`` transposed convolution is ``s^n`` stride-1
convolutions of the small input with the kernel's phases, interleaved (the periodic shuffle).

Before the padding crops it, the transposed output is ``Z[t] = sum_o sum_k delta(t, o s + k) W[k] Y[o]``.
At ``t = s u + r`` (phase ``r``), writing ``k = s n + c``, only ``c = r`` survives:
``Z[s u + r] = sum_n W[s n + r] Y[u - n]``, a stride-1 convolution of ``Y`` with the sub-kernel
``W_r[n] = W[s n + r]``. The output is ``y[j] = Z[j + p]``. The kernel is zero-extended to a
multiple of ``s`` taps; in N dimensions each axis splits the same way (``s^n`` phases).
"""

from __future__ import annotations

import random

import numpy as np
import sympy
from sympy import ImmutableMatrix, IndexedBase, KroneckerDelta, Piecewise, Sum

from symconv import (
    TransposedConvSpec,
    conv_transpose,
    input_position,
    input_symbols,
    subpixel_conv_transpose,
    subpixel_kernels,
)
from symconv.indexing import DEFINITIONS, ZeroPadded
from symconv.proof import (
    WRITTEN_OUT,
    Check,
    Derivation,
    Step,
    as_built,
    euclid,
    require,
    split_sum,
    written,
    written_condition,
    zero_extension,
)
from symconv.proof.display import zero_elsewhere
from symconv.proof.run import run
from symconv.sampling import random_transposed_spec
from symconv.symbols import symbols

W, Y = IndexedBase("W"), IndexedBase("Y")


def phase_tap(n: int, r: int, s: int) -> sympy.Expr:
    """The tap ``s n + r`` of phase ``r``, written out (unevaluated) as the step states it."""
    return sympy.Add(sympy.Mul(s, n, evaluate=False), r, evaluate=False)


def subpixel_theorem() -> Derivation:
    u, o, k, n, c = symbols("u o k n c", integer=True)
    s, m, h = symbols("s m h", integer=True, positive=True)
    r = sympy.Symbol("r", integer=True, nonnegative=True)
    # before the padding crops it: the index map without padding or dilation, Z_t = sum delta(t, s o + k) W_k Y_o
    full = Sum(KroneckerDelta(s * u + r, input_position(o, k, s)) * W[k] * Y[o], (k, 0, s * m - 1), (o, 0, h - 1))
    split = Sum(
        KroneckerDelta(s * u + r, input_position(o, s * n + c, s)) * W[s * n + c] * Y[o],
        (c, 0, s - 1),
        (n, 0, m - 1),
        (o, 0, h - 1),
    )
    phase = Sum(W[s * n + r] * ZeroPadded(Y, (u - n,), (h,)), (n, 0, m - 1))
    letters = {
        "u": u, "o": o, "k": k, "n": n, "c": c, "s": s, "m": m, "h": h, "r": r, "W": W, "Y": Y,
        "KroneckerDelta": lambda i, j: KroneckerDelta(i, j, evaluate=False),
    }  # fmt: skip

    def random_specs(rng: random.Random, count: int = 40) -> str:
        for _ in range(count):
            tspec = random_transposed_spec(rng, rng.randint(1, 2), max_kernel=4, max_dilation=2)
            Ys = input_symbols(tspec.input_shape, "Y")
            a, b = subpixel_conv_transpose(tspec, Ys), conv_transpose(tspec, Ys)
            require(all(sympy.expand(x - y) == 0 for x, y in zip(a.reshape(len(a)), b.reshape(len(b)))), str(tspec))
            require(len(subpixel_kernels(tspec)) == int(np.prod(tspec.stride)), str(tspec))
        return f"{count} random 1-D and 2-D specs (dilation, padding, output padding): sub-pixel = recipe, symbolically"

    seminar = TransposedConvSpec((2, 2), (3, 3), stride=2, padding=1)
    return Derivation(
        name="subpixel",
        title="Sub-pixel: a stride-$s$ transposed convolution is $s^n$ interleaved stride-1 convolutions",
        statement=(
            "Phase $r$ of the output uses only the taps $W_{s n + r}$: "
            "$Z_{s u + r} = \\sum_n W_{s n + r} Y_{u - n}$, a stride-1 convolution of the small input "
            "with the sub-kernel $W^{(r)}_n = W_{s n + r}$; the phases interleave (periodic shuffle)."
        ),
        steps=(
            Step(
                full,
                split,
                "write the tap $k = s n + c$ with $0 \\le c < s$",
                split_sum(k, s, n, c, m),
                display_lhs=written(
                    "Sum(KroneckerDelta(s*u + r, s*o + k)*W[k]*Y[o], (k, 0, s*m - 1), (o, 0, h - 1))", **letters
                ),
                display_rhs=written(
                    "Sum(KroneckerDelta(s*u + r, s*o + s*n + c)*W[s*n + c]*Y[o], (c, 0, s - 1), (n, 0, m - 1), "
                    "(o, 0, h - 1))",
                    **letters,
                ),
            ),
            Step(
                None,
                Sum(W[s * n + r] * Piecewise((Y[u - n], (u - n >= 0) & (u - n <= h - 1)), (0, True)), (n, 0, m - 1)),
                "$s u + r = s(o + n) + c$ forces $c = r$ and $o = u - n$ (division with remainder is unique)",
                euclid(s, (r, c), eliminate=(c, o)),
                display_rhs=as_built(  # Sum and Piecewise would rewrite the condition as written
                    Sum,
                    zero_elsewhere(
                        written("W[s*n + r]*Y[u - n]", W=W, Y=Y, s=s, n=n, r=r, u=u),
                        written_condition("0 <= u - n <= h - 1", u=u, n=n, h=h),
                    ),
                    sympy.Tuple(n, 0, written("m - 1", m=m)),
                ),
            ),
            Step(
                None,
                phase,
                "the zero-padded input: a stride-1 convolution with the sub-kernel $W_{s n + r}$",
                zero_extension(*DEFINITIONS),
                display_rhs=Sum(
                    sympy.Mul(W[written("s*n + r", s=s, n=n, r=r)], ZeroPadded(Y, (u - n,), (h,)), evaluate=False),
                    (n, 0, written("m - 1", m=m)),
                ),
            ),
            Step.specialisation(  # the formula W_{s n + r} with the numbers put in: shown by its values
                sympy.Tuple(*[ImmutableMatrix(g.tolist()) for g in subpixel_kernels(seminar).values()]),
                sympy.Tuple(
                    *[
                        ImmutableMatrix(
                            len(range(r0, 3, 2)),
                            len(range(r1, 3, 2)),
                            lambda n0, n1, r0=r0, r1=r1: W[phase_tap(n0, r0, 2), phase_tap(n1, r1, 2)],
                        )
                        for r0 in range(2)
                        for r1 in range(2)
                    ]
                ),
                "the seminar's $3 \\times 3$ kernel with $s = 2$: phase $r$ holds $W_{s n + r}$, four phases of "
                "sizes 2x2, 2x1, 1x2, 1x1",
                WRITTEN_OUT,
                display_rhs=sympy.Tuple(*[ImmutableMatrix(g.tolist()) for g in subpixel_kernels(seminar).values()]),
            ),
        ),
        checks=(Check("sub-pixel form against the recipe on random specs", random_specs),),
        hypotheses=sympy.StrictLessThan(r, s),
    )


def derivations() -> list[Derivation]:
    return [subpixel_theorem()]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
