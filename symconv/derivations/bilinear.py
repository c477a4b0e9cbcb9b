r"""Bilinear interpolation as a transposed convolution: the seminar's exercise (B1-B5), solved.

1. B2: the formula is the unique bilinear function taking the four corner values; in N
   dimensions, the tensor-product form.
2. The seminar's case in full: a 3x3 input, stride 2, padding 1, the kernel of B4: the 5x5 output
   is bilinear interpolation entry by entry (the new points of B3 and their corners).
3. Every input size: stride 2, padding 1 gives 2h - 1 outputs; even outputs copy, odd outputs
   average (the two phases of the sub-pixel form): ``align_corners=True``.
4. The padding: padding 0 gives 2h + 1 outputs whose ends interpolate towards zeros outside;
   padding p crops p outputs from each end of that; only p = 1 (in general f - 1) is right.
5. Any factor f and dimension: kernel ``bilinear_kernel(f, n)``, stride f, padding f - 1.
6. FCN's kernel against ``align_corners=False``: equal inside, different at the outermost
   ``floor(f/2)`` outputs on each side.
7. Normalisation: every phase of the kernel sums to 1, so the kernel sums to ``f^n``.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

import numpy as np
import sympy
from sympy import ImmutableMatrix, IndexedBase, KroneckerDelta, MatMul, Matrix, Rational, Subs, Sum
from sympy.matrices.expressions.kronecker import KroneckerProduct

from symconv import (
    TransposedConvSpec,
    conv_transpose,
    input_position,
    input_symbols,
    subpixel_kernels,
    transposed_conv_matrix,
    vec,
)
from symconv.indexing import DEFINITIONS, SymbolicConv, ZeroPadded
from symconv.interpolation import (
    bilinear_interpolate,
    bilinear_kernel,
    bilinear_upsampling_spec,
    fcn_bilinear_kernel,
    fcn_upsampling_spec,
    tent,
    tent_weight,
)
from symconv.proof import (
    DOIT,
    DOIT_EXPAND,
    EXPAND,
    LINEAR,
    Check,
    Derivation,
    LinearMap,
    Step,
    euclid,
    extend_sum,
    known_signs,
    require,
    split_sum,
    within,
    written_condition,
    zero_extension,
)
from symconv.proof.display import unevaluated
from symconv.proof.run import run
from symconv.symbols import symbols

X = IndexedBase("X")  # the input, as in the figure and the matrix of B5's solution
m, o = symbols("m o", integer=True)
h = sympy.Symbol("h", integer=True, positive=True)


#: The definitions of the vocabulary (the zero-padded input ``X^{pad}``) substituted.
DEFINITIONS_SUBSTITUTED = zero_extension(*DEFINITIONS)


def _output(j: sympy.Expr, taps: list[Rational], s: int, p: int) -> Sum:
    """Output ``j`` of a 1-D transposed convolution, ``(C^T X)_j``, with numeric taps (the index map)."""
    return Sum(sum(KroneckerDelta(j, input_position(o, k, s, p)) * w for k, w in enumerate(taps)) * X[o], (o, 0, h - 1))


def _written(build: Any) -> Any:
    """``build()`` with SymPy's evaluation off: the arithmetic as the step states it."""
    with unevaluated():
        return build()


def _with_numbers(formula: Any, **values: int) -> sympy.Expr:
    """The general size ``formula`` in the letters ``h, q, s, p`` with the numbers put in, written out."""
    letters = {name: sympy.Symbol(name, integer=True, positive=True) for name in values}
    general = formula(*letters.values())
    return _written(lambda: general.xreplace({letters[name]: sympy.Integer(v) for name, v in values.items()}))


def _mean(*values: Any) -> sympy.Expr:
    """The average of ``values``, written out."""
    return sympy.Mul(Rational(1, len(values)), sympy.Add(*values, evaluate=False), evaluate=False)


def _outer(taps: list[Any]) -> MatMul:
    """The outer product of 1-D taps with themselves, unevaluated."""
    return MatMul(ImmutableMatrix(taps), ImmutableMatrix([taps]), evaluate=False)


def formula_b2() -> Derivation:
    x, y, z = symbols("x y z", real=True)
    F = IndexedBase("f")
    c = symbols("c0 c1 c2 c3")
    g = c[0] + c[1] * x + c[2] * y + c[3] * x * y
    corners = [(0, 0), (1, 0), (0, 1), (1, 1)]
    system = Matrix([[g.coeff(ci).subs({x: cx, y: cy}) if ci != c[0] else 1 for ci in c] for cx, cy in corners])
    values = Matrix([F[cx, cy] for cx, cy in corners])
    solution = system.LUsolve(values)
    b2 = (Matrix([[1 - x, x]]) * Matrix([[F[0, 0], F[0, 1]], [F[1, 0], F[1, 1]]]) * Matrix([1 - y, y]))[0]
    # three dimensions: multilinear with 8 coefficients
    monomials = [sympy.Mul(*m_) for m_ in itertools.product((1, x), (1, y), (1, z))]
    cube = list(itertools.product((0, 1), repeat=3))
    system3 = Matrix([[mono.subs({x: a, y: b, z: cc}) for mono in monomials] for a, b, cc in cube])
    solution3 = system3.LUsolve(Matrix([F[corner] for corner in cube]))
    tensor = sum(
        F[corner] * sympy.Mul(*[(t if bit else 1 - t) for t, bit in zip((x, y, z), corner)]) for corner in cube
    )
    cell = bilinear_interpolate([[F[0, 0], F[0, 1]], [F[1, 0], F[1, 1]]], factor=2)
    return Derivation(
        name="bilinear-formula",
        title="B2: the unique bilinear function through the corner values",
        statement=(
            "A function $c_0 + c_1 x + c_2 y + c_3 x y$ taking the values $f_{0,0}, f_{1,0}, f_{0,1}, "
            "f_{1,1}$ at the corners is determined (the system's determinant is 1) and equals "
            "$[1-x, x] \\, F \\, [1-y, y]^T$; in 3-D the same holds with 8 coefficients and the "
            "tensor-product form."
        ),
        steps=(
            Step(
                sympy.Determinant(ImmutableMatrix(system)),
                1,
                "the corner conditions determine $c_0, \\dots, c_3$",
                DOIT,
            ),
            Step(g.subs(dict(zip(c, solution))), b2, "the solution is the seminar's formula B2", EXPAND),
            Step(sympy.Determinant(ImmutableMatrix(system3)), 1, "in 3-D: 8 corner conditions, 8 coefficients", DOIT),
            Step(
                sum(co * mono for co, mono in zip(solution3, monomials)),
                tensor,
                "the tensor product of the 1-D weights $1 - t$, $t$",
                EXPAND,
            ),
            Step(
                cell[1, 1],
                _written(lambda: b2.xreplace({x: Rational(1, 2), y: Rational(1, 2)})),
                "the reference interpolation is B2 on each cell (centre shown)",
                EXPAND,
            ),
        ),
        fact="B2",
    )


def _size_written(h_: Any, q: int, s_: int, p_: Any) -> sympy.Expr:
    """T6, ``w = (h - 1)s - 2p + q``, with the numbers put in and written out (``q - 2p + s(h - 1)``)."""
    stride = sympy.UnevaluatedExpr(sympy.Mul(s_, sympy.Add(h_, -1, evaluate=False), evaluate=False))
    padding = sympy.UnevaluatedExpr(sympy.Mul(2, p_, evaluate=False))
    return sympy.Add(stride, -padding, q, evaluate=False)


def _taps_put_in(entry: sympy.Expr, kernel: Any) -> Subs:
    """An output entry in the kernel's taps ``W_{a,b}``, with the kernel's values put in (unevaluated)."""
    W = IndexedBase("W")
    taps = sorted((a for a in entry.atoms(sympy.Indexed) if a.base == W), key=sympy.default_sort_key)
    return Subs(entry, taps, [kernel[tuple(int(i) for i in tap.indices)] for tap in taps])


def seminar_exercise() -> Derivation:
    X = input_symbols((3, 3))
    tspec = bilinear_upsampling_spec((3, 3))
    kernel = bilinear_kernel()
    symbolic = conv_transpose(tspec, X)  # the entries in the kernel's taps W_{a,b}
    reference = bilinear_interpolate(X, 2)
    Xb = IndexedBase("X")
    return Derivation(
        name="bilinear-seminar",
        title="B5 for a $3 \\times 3$ input: the kernel of B4 with $s = 2$, $p = 1$ is bilinear interpolation",
        statement=(
            "The transposed convolution with the kernel of B4, stride 2 and padding 1 turns the $3 \\times 3$ "
            "input into $5 \\times 5 = (2h - 1) \\times (2h - 1)$ values: the input's nodes and, between "
            "them, the new points of B3, each the bilinear interpolation of its corners."
        ),
        steps=(
            Step(
                ImmutableMatrix(kernel.tolist()),
                _outer(tent(2)),
                "the outer product of the 1-D tent $(1/2, 1, 1/2)$",
                DOIT,
            ),
            Step(
                _size_written(h, 3, 2, 1),
                2 * h - 1,
                f"T6 with $q = 3$, $s = 2$, $p = 1$: for $h = 3$, ${tspec.out_shape[0]}$ outputs along each axis",
                DOIT_EXPAND,
            ),
            Step(
                _taps_put_in(symbolic[2, 2], kernel),
                Xb[4],
                "a node of the input: only the centre tap $W_{1,1} = 1$ reaches output $(2, 2)$, which copies $X_4$",
                DOIT,
            ),
            Step(
                _taps_put_in(symbolic[1, 0], kernel),
                _mean(Xb[0], Xb[3]),
                "the new point $(0.5, 0)$ between two nodes: two taps $1/2$ average them",
                DOIT,
            ),
            Step(
                _taps_put_in(symbolic[1, 1], kernel),
                _mean(Xb[0], Xb[1], Xb[3], Xb[4]),
                "the centre $(0.5, 0.5)$ of a square: four taps $1/4$ average its four corners",
                DOIT,
            ),
            Step(
                LinearMap(transposed_conv_matrix(tspec, kernel), X),
                vec(reference),
                "entry by entry: bilinear interpolation with align_corners=True",
                LINEAR,
            ),
        ),
        fact="B3-B5",
    )


def _phase_weight(n: int, r: int) -> sympy.Expr:
    """The tap ``W_{2 n + r}`` of the factor-2 tent, ``1 - |2n + r - 1|/2``, written out."""
    tap = sympy.Add(sympy.Mul(2, n, evaluate=False), r, evaluate=False)
    return _written(lambda: tent_weight(sympy.Add(tap, -1, evaluate=False), 2))


def any_size() -> Derivation:
    taps = tent(2)
    x = sympy.Symbol("x")

    def sizes_check(rng: random.Random) -> str:
        for n in range(1, 31):
            values = [rng.randint(-9, 9) for _ in range(n)]
            got = conv_transpose(bilinear_upsampling_spec(n), values, bilinear_kernel(2, 1))
            require(got == bilinear_interpolate(values, 2), n)
        return "h = 1..30, random inputs"

    return Derivation(
        name="bilinear-any-size",
        title="B5 for every input size: $s = 2$, $p = 1$ give $2h - 1$ outputs, equal to align_corners=True",
        statement=(
            "Output $j$ is $\\sum_o \\sum_k \\delta_{j, 2o - 1 + k} W_k X_o$ with $W = (1/2, 1, 1/2)$. "
            "Even outputs $2m$ copy $X_m$; odd outputs $2m + 1$ average $X_m$ and $X_{m+1}$: the two phases "
            "of the sub-pixel form, and linear interpolation at the input's nodes and midpoints."
        ),
        steps=(
            Step(
                _output(2 * m, taps, 2, 1),
                ZeroPadded(X, (m,), (h,)),
                "even output $2m$: only $k = 1$, $o = m$ ($2m = 2o - 1 + k$ forces $k$ odd)",
                euclid(2).then(DEFINITIONS_SUBSTITUTED),
            ),
            Step(
                None,
                X[m],
                "an output node",
                DEFINITIONS_SUBSTITUTED.then(within((m, 0, h - 1))),
                where=_between(m, 0, h - 1),
            ),
            Step(
                _output(2 * m + 1, taps, 2, 1),
                ZeroPadded(X, (m,), (h,)) / 2 + ZeroPadded(X, (m + 1,), (h,)) / 2,
                "odd output $2m + 1$: $k = 0, o = m + 1$ and $k = 2, o = m$",
                euclid(2).then(DEFINITIONS_SUBSTITUTED),
            ),
            Step(
                None,
                _mean(X[m], X[m + 1]),
                "between two nodes",
                DEFINITIONS_SUBSTITUTED.then(within((m, 0, h - 2))),
                where=_between(m, 0, h - 2),
            ),
            Step(
                _written(lambda: ((1 - x) * X[m] + x * X[m + 1]).xreplace({x: Rational(1, 2)})),
                _mean(X[m], X[m + 1]),
                "B2 in 1-D at the midpoint $x = 1/2$",
                EXPAND,
            ),
            Step(
                _size_written(h, 3, 2, 1),
                2 * h - 1,
                "T6 with $q = 3$, $s = 2$, $p = 1$",
                DOIT_EXPAND,
            ),
        ),
        checks=(Check("the transposed convolution against the reference for $h = 1, \\dots, 30$", sizes_check),),
        fact="B5",
    )


def padding_rule() -> Derivation:
    taps = tent(2)
    p = sympy.Symbol("p", integer=True, nonnegative=True)

    def crop_check(rng: random.Random) -> str:
        count = 0
        for n in range(1, 12):
            values = [rng.randint(-9, 9) for _ in range(n)]
            full = bilinear_interpolate([0] + values + [0], 2)  # zero-extended input: the padding-0 result
            for p_ in range(0, n + 1):
                if 2 * n + 1 - 2 * p_ < 1:  # no output left
                    continue
                got = conv_transpose(TransposedConvSpec(n, 3, stride=2, padding=p_), values, taps)
                require(list(got) == list(full)[1 + p_ : 1 + p_ + 2 * n + 1 - 2 * p_], (n, p_))
                count += 1
        return f"{count} (h, p): padding p crops p outputs from each end of the padding-0 output"

    return Derivation(
        name="bilinear-padding",
        title="B5, mind the padding: $p = 0$ gives $2h + 1$ outputs with half-zero ends; $p$ crops $p$ from each end",
        statement=(
            "With padding 0 the output has $2h + 1$ values and its two ends are $X_0/2$ and $X_{h-1}/2$: "
            "interpolation towards zeros outside the input. Padding $p$ removes $p$ values from each end "
            "($2h + 1 - 2p$ remain); $p = 1$ removes exactly the two half-zero values, $p \\ge 2$ removes "
            "input nodes. For factor $f$ the right padding is $f - 1$."
        ),
        steps=(
            Step(_size_written(h, 3, 2, 0), 2 * h + 1, "padding 0: $2h + 1$ outputs", DOIT_EXPAND),
            Step(_output(0, taps, 2, 0), X[0] / 2, "the first output: $W_0 X_0$", euclid(2)),
            Step(_output(2 * h, taps, 2, 0), X[h - 1] / 2, "the last output: $W_2 X_{h-1}$", euclid(2)),
            Step(
                _written(lambda: Rational(1, 2) * 0 + Rational(1, 2) * X[0]),
                X[0] / 2,
                "B2 at the midpoint between a zero outside and $X_0$",
                EXPAND,
            ),
            Step(
                _size_written(h, 3, 2, p),
                2 * h + 1 - 2 * p,
                "padding $p$: $2h + 1 - 2p$ outputs",
                DOIT_EXPAND,
            ),
            Step(
                _size_written(h, 3, 2, 1),
                2 * h - 1,
                "$p = 1$: the two half-zero ends removed, every node kept",
                DOIT_EXPAND,
            ),
        ),
        checks=(Check("padding p against the cropped zero-extended interpolation", crop_check),),
        fact="B5",
    )


def any_factor() -> Derivation:
    f = sympy.Symbol("f", integer=True, positive=True)
    c = sympy.Symbol("c", integer=True, nonnegative=True)  # the phase is r = c + 1, 1 <= r <= f
    r = c + 1
    o, k, t, c2 = symbols("o k t cprime", integer=True)
    W = IndexedBase("W")
    # bilinear_upsampling_spec(f) for a symbolic factor: kernel 2f - 1, stride f, padding f - 1, taps the tent
    conv = SymbolicConv((h,), (2 * f - 1,), (f,), (f - 1,), (1,), (0,))
    weight = lambda tap: tent_weight(tap - (f - 1), f)  # noqa: E731  (W_k of the library's tent)
    j = f * m + r
    entry = conv.entry((o,), (j,), (k,), W).xreplace({W[k]: weight(k)})  # C_{o,j} with the tent's taps
    body = entry.function * X[o]
    extended = Sum(body, (o, 0, h - 1), (k, 0, 2 * f - 1))
    split = Sum(body.xreplace({k: f * t + c2}), (c2, 0, f - 1), (t, 0, 1), (o, 0, h - 1))
    phases = Sum(weight(f * t + c) * ZeroPadded(X, (m + 1 - t,), (h,)), (t, 0, 1))
    two = weight(c) * ZeroPadded(X, (m + 1,), (h,)) + weight(f + c) * ZeroPadded(X, (m,), (h,))
    interpolated = (1 - r / f) * ZeroPadded(X, (m,), (h,)) + (r / f) * ZeroPadded(X, (m + 1,), (h,))
    residues = (c >= 0) & (c < f)  # c >= 0 holds by c's assumption: shown as written, 0 <= c < f
    residues_shown = {"display_where": written_condition("0 <= c < f", c=c, f=f)}
    steps = [
        Step(
            Sum(entry * X[o], (o, 0, h - 1)),
            extended,
            "$(C^T X)_{f m + r}$ with the tent's taps; its weight at $k = 2f - 1$ is 0: one more tap",
            extend_sum(k, 2 * f - 2, 2 * f - 1),
            where=residues,
            **residues_shown,
        ),
        Step(
            None,
            split,
            "write the tap $k = f t + c'$, $0 \\le c' < f$",
            split_sum(k, f, t, c2, 2),
            where=residues,
            **residues_shown,
        ),
        Step(
            None,
            phases,
            "$f m + c + 1 = f(o - 1 + t) + c' + 1$ forces $c' = c$ and $o = m + 1 - t$ (division with remainder "
            "is unique); outside the input, the zero-padded $X^{\\text{pad}}$",
            euclid(f, (c, c2), (c2, c), eliminate=(c2, o)).then(DEFINITIONS_SUBSTITUTED),
            where=residues,
            **residues_shown,
        ),
        Step(
            None, two, "the two terms $t = 0, 1$", DOIT.then(DEFINITIONS_SUBSTITUTED), where=residues, **residues_shown
        ),
        Step(
            None,
            interpolated,
            "$W_c = 1 - |c - (f - 1)|/f = r/f$ and $W_{f + c} = 1 - r/f$ for $0 \\le c \\le f - 1$: "
            "output $f m + r$ lies at $m + r/f$",
            known_signs((c, 0, f - 1)),
            where=residues,
            **residues_shown,
        ),
        Step(
            None,
            (1 - r / f) * X[m] + (r / f) * X[m + 1],
            "between two nodes: linear interpolation",
            DEFINITIONS_SUBSTITUTED.then(within((m, 0, h - 2))),
            where=residues & _between(m, 0, h - 2),
            display_where=written_condition("0 <= c < f, 0 <= m <= h - 2", c=c, f=f, m=m, h=h),
        ),
    ]
    f2 = bilinear_upsampling_spec((3, 2), 2)
    one_a, one_b = (transposed_conv_matrix(bilinear_upsampling_spec(n, 2), bilinear_kernel(2, 1)) for n in (3, 2))
    steps.append(
        Step(
            transposed_conv_matrix(f2, bilinear_kernel(2, 2)),
            KroneckerProduct(ImmutableMatrix(one_a), ImmutableMatrix(one_b)),
            "2-D: the operator is the Kronecker product of the 1-D operators",
            DOIT,
        )
    )
    steps.append(
        Step(
            ImmutableMatrix(bilinear_kernel(3, 2).tolist()),
            _outer(tent(3)),
            "the 2-D kernel is the outer product of 1-D kernels (separability)",
            DOIT,
        )
    )

    def sweep(rng: random.Random) -> str:
        count = 0
        for f in range(2, 9):
            for n in range(1, 4 if f <= 4 else 3):  # any f is proved above; 3-D (slow) for f <= 4
                for _ in range(3):
                    shape = tuple(rng.randint(1, 4 if n < 3 else 2) for _ in range(n))
                    values = np.array([rng.randint(-9, 9) for _ in range(int(np.prod(shape)))]).reshape(shape)
                    got = conv_transpose(bilinear_upsampling_spec(shape, f), values, bilinear_kernel(f, n))
                    require(got == bilinear_interpolate(values, f), (f, shape))
                    count += 1
        return f"{count} inputs, factors 2–8 in 1-D and 2-D, 2–4 in 3-D"

    return Derivation(
        name="bilinear-any-factor",
        title="Any factor $f$, any dimension: kernel of size $2f - 1$, stride $f$, padding $f - 1$",
        statement=(
            "For every factor $f$ (kernel $2f - 1$ with the tent's taps $1 - |k - (f-1)|/f$, stride $f$, padding "
            "$f - 1$), output $f m + r$ ($1 \\le r \\le f$) is $(1 - r/f) X^{\\text{pad}}_m + (r/f) "
            "X^{\\text{pad}}_{m+1}$: linear interpolation with the input's nodes on every $f$-th output, "
            "$(h - 1) f + 1$ outputs; the N-D kernel is the outer product of 1-D kernels and the operator "
            "the Kronecker product of 1-D operators."
        ),
        steps=tuple(steps),
        checks=(Check("factors 2–8 in 1-D and 2-D, 2–4 in 3-D, against the reference", sweep),),
        hypotheses=sympy.StrictLessThan(c, f),
    )


def _between(variable: sympy.Symbol, low: sympy.Expr, high: sympy.Expr) -> sympy.Basic:
    return sympy.And(variable >= low, variable <= high)


def fcn_against_half_pixel() -> Derivation:
    taps = [Rational(1, 4), Rational(3, 4), Rational(3, 4), Rational(1, 4)]

    def borders(rng: random.Random) -> str:
        count = 0
        for f in range(2, 9):
            for n in range(2, 7):
                values = [rng.randint(1, 9) for _ in range(n)]
                got = list(conv_transpose(fcn_upsampling_spec(n, f), values, fcn_bilinear_kernel(f, 1)))
                half_pixel = list(bilinear_interpolate(values, f, align_corners=False))
                differ = [j for j, (u, v) in enumerate(zip(got, half_pixel)) if u != v]
                edge = f // 2
                require(differ == list(range(edge)) + list(range(f * n - edge, f * n)), (f, n, differ))
                count += 1
        return (
            f"{count} $(f, h)$ with $f = 2, \\dots, 8$: they differ exactly at the outermost "
            "$\\lfloor f/2 \\rfloor$ outputs"
        )

    return Derivation(
        name="fcn-bilinear",
        title=(
            "FCN's kernel against align_corners=False: equal inside, different at the $\\lfloor f/2 \\rfloor$ "
            "border outputs"
        ),
        statement=(
            "For $f = 2$ the FCN kernel is $(1/4, 3/4, 3/4, 1/4)$ with stride 2 and padding 1; output $2m$ "
            "is $X_{m-1}/4 + 3 X_m/4$, which is PyTorch's half-pixel sample at $m - 1/4$ for $m \\ge 1$. At "
            "$m = 0$ PyTorch clamps to $X_0$ while the convolution gives $3 X_0 / 4$ (a zero outside)."
        ),
        steps=(
            Step(
                _size_written(h, 4, 2, 1),
                2 * h,
                "kernel 4, stride 2, padding 1: output $2h$",
                DOIT_EXPAND,
            ),
            Step(
                _output(2 * m, taps, 2, 1),
                X[m - 1] / 4 + 3 * X[m] / 4,
                "even output $2m$, inside",
                euclid(2).then(within((m, 1, h - 1))),
                where=_between(m, 1, h - 1),
            ),
            Step(
                _output(2 * m + 1, taps, 2, 1),
                3 * X[m] / 4 + X[m + 1] / 4,
                "odd output $2m + 1$, inside ($0 \\le m \\le h - 2$)",
                euclid(2).then(within((m, 0, h - 2))),
                where=_between(m, 0, h - 2),
            ),
            Step(
                _written(lambda: (1 - Rational(3, 4)) * X[m - 1] + Rational(3, 4) * X[m]),
                X[m - 1] / 4 + 3 * X[m] / 4,
                "half-pixel: output $2m$ samples $(2m + 1/2)/2 - 1/2 = m - 1/4$",
                EXPAND,
            ),
            Step(
                _output(0, taps, 2, 1),
                3 * X[0] / 4,
                "the first output: a zero outside the input",
                euclid(2).then(within()),
            ),
            Step(
                _written(lambda: 3 * X[0] / 4 - X[0]),
                -X[0] / 4,
                "PyTorch clamps $-1/4$ to 0: the difference at the border",
                EXPAND,
            ),
        ),
        checks=(Check("where FCN and align_corners=False differ, $f = 2, \\dots, 8$", borders),),
    )


def normalisation() -> Derivation:
    f = sympy.Symbol("f", integer=True, positive=True)
    r = sympy.Symbol("r", integer=True, nonnegative=True)

    def phases(rng: random.Random) -> str:
        count = 0
        for factor in range(1, 9):
            for n in range(1, 4):
                tent_kernel = bilinear_kernel(factor, n)
                for kernel in (tent_kernel, fcn_bilinear_kernel(factor, n)):
                    size = kernel.shape[0]
                    spec = TransposedConvSpec((2,) * n, size, stride=factor)
                    for g in subpixel_kernels(spec, kernel).values():
                        require(sum(g.reshape(len(g))) == 1, (factor, n))
                        count += 1
                require(sum(tent_kernel.reshape(len(tent_kernel))) == factor**n, (factor, n))
        return f"{count} phases of the tent and FCN kernels, factors 1–8, dimensions 1–3: each sums to 1"

    kernel = bilinear_kernel()
    return Derivation(
        name="bilinear-normalisation",
        title="Each phase of the kernel sums to 1 (constants are kept), so the kernel sums to $f^n$",
        statement=(
            "Phase $r < f - 1$ holds the taps $k = r$ and $k = r + f$ of $1 - |k - (f - 1)|/f$; phase "
            "$f - 1$ holds the centre tap 1. Each sums to 1, so a constant input stays constant, and the $f$ "
            "phases of the 1-D kernel sum to $f$, the $f^n$ of the N-D kernel to $f^n$: the seminar's "
            "kernel sums to 4."
        ),
        steps=(
            Step(
                tent_weight(r - (f - 1), f) + tent_weight(r + f - (f - 1), f),
                1,
                "the two taps $k = r$ and $k = r + f$ of phase $r$, $0 \\le r \\le f - 2$, of the tent "
                "$1 - |k - (f - 1)|/f$",
                known_signs((r, 0, f - 2)),
            ),
            Step(sympy.Add(*kernel.reshape(9), evaluate=False), 4, "the seminar's kernel: $f^n = 2^2$", EXPAND),
        ),
        checks=(Check("every phase of the tent and FCN kernels", phases),),
        hypotheses=sympy.StrictLessThan(r, f - 1),
    )


def derivations() -> list[Derivation]:
    return [
        formula_b2(),
        seminar_exercise(),
        any_size(),
        padding_rule(),
        any_factor(),
        fcn_against_half_pixel(),
        normalisation(),
    ]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
