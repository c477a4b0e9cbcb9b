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

import numpy as np
import sympy
from sympy import Array, ImmutableMatrix, IndexedBase, KroneckerDelta, Matrix, Rational, Sum

from symconv import (
    TransposedConvSpec,
    conv_transpose,
    input_symbols,
    subpixel_kernels,
    transposed_conv_matrix,
    transposed_output_size,
)
from symconv.interpolation import (
    bilinear_interpolate,
    bilinear_kernel,
    bilinear_upsampling_spec,
    fcn_bilinear_kernel,
    fcn_upsampling_spec,
    tent,
)
from symconv.proof import DOIT, EXPAND, STRUCTURAL, Check, Derivation, Step, euclid, require, run, symbols, within

Y = IndexedBase("Y")
m, o = symbols("m o", integer=True)
h = sympy.Symbol("h", integer=True, positive=True)


def _output(j: sympy.Expr, taps: list[Rational], s: int, p: int) -> Sum:
    """Output ``j`` of a 1-D transposed convolution (the T1/T2 formula) with numeric taps."""
    return Sum(sum(KroneckerDelta(j, s * o - p + k) * w for k, w in enumerate(taps)) * Y[o], (o, 0, h - 1))


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
                b2.subs({x: Rational(1, 2), y: Rational(1, 2)}),
                "the reference interpolation is B2 on each cell (centre shown)",
                EXPAND,
            ),
        ),
        fact="B2",
    )


def seminar_exercise() -> Derivation:
    X = input_symbols((3, 3))
    tspec = bilinear_upsampling_spec((3, 3))
    out = conv_transpose(tspec, X, bilinear_kernel())
    reference = bilinear_interpolate(X, 2)
    Xb = IndexedBase("X")
    half = Rational(1, 2)
    points = [
        ((1, 0), "(0.5, 0)", (Xb[0] + Xb[3]) * half),
        ((0, 1), "(0, 0.5)", (Xb[0] + Xb[1]) * half),
        ((1, 1), "(0.5, 0.5): all four corners", (Xb[0] + Xb[1] + Xb[3] + Xb[4]) / 4),
        ((2, 1), "(1, 0.5)", (Xb[3] + Xb[4]) * half),
        ((1, 2), "(0.5, 1)", (Xb[1] + Xb[4]) * half),
    ]
    return Derivation(
        name="bilinear-seminar",
        title="B3-B5: the seminar's kernel, stride 2, padding 1 on a 3x3 input is bilinear interpolation",
        statement=(
            "The transposed convolution with the kernel of B4, stride 2 and padding 1 turns the $3 \\times 3$ "
            "input into $5 \\times 5 = (2h - 1) \\times (2h - 1)$ values: the input's nodes and, between "
            "them, the new points of B3, each the bilinear interpolation of its corners."
        ),
        steps=(
            Step(
                bilinear_kernel(),
                Array([[half / 2, half, half / 2], [half, 1, half], [half / 2, half, half / 2]]),
                "the kernel of B4",
                STRUCTURAL,
            ),
            Step(sympy.Tuple(*tspec.out_shape), sympy.Tuple(5, 5), "$(h - 1) 2 - 2 + 3 = 2h - 1 = 5$", STRUCTURAL),
            Step(out, reference, "entry by entry: bilinear interpolation with align_corners=True", EXPAND),
            *[Step(out[index], value, f"the new point {name}", EXPAND) for index, name, value in points],
            Step(out[2, 2], Xb[4], "the input's nodes are kept: output (2, 2) is $X_4$", EXPAND),
        ),
        fact="B3-B5",
    )


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
        title="For every input size: stride 2, padding 1 gives 2h - 1 outputs, equal to align_corners=True",
        statement=(
            "Output $j$ is $\\sum_o \\sum_k \\delta_{j, 2o - 1 + k} W_k Y_o$ with $W = (1/2, 1, 1/2)$. "
            "Even outputs $2m$ copy $Y_m$; odd outputs $2m + 1$ average $Y_m$ and $Y_{m+1}$: the two phases "
            "of the sub-pixel form, and linear interpolation at the input's nodes and midpoints."
        ),
        steps=(
            Step(
                sympy.Tuple(
                    *[
                        sympy.Tuple(*g.tolist())
                        for g in subpixel_kernels(TransposedConvSpec(4, 3, stride=2, padding=1), tent(2)).values()
                    ]
                ),
                sympy.Tuple(sympy.Tuple(Rational(1, 2), Rational(1, 2)), sympy.Tuple(1)),
                "the phases of the kernel: $(1/2, 1/2)$ averages, $(1)$ copies",
                STRUCTURAL,
            ),
            Step(
                _output(2 * m, taps, 2, 1),
                sympy.Piecewise((Y[m], (m >= 0) & (m <= h - 1)), (0, True)),
                "even output $2m$: only $k = 1$, $o = m$ ($2m = 2o - 1 + k$ forces $k$ odd)",
                euclid(2),
            ),
            Step(
                None,
                Y[m],
                "for an output node $0 \\le m \\le h - 1$",
                within((m, 0, h - 1)),
                where=_between(m, 0, h - 1),
            ),
            Step(
                _output(2 * m + 1, taps, 2, 1),
                sympy.Piecewise((Y[m] / 2, (m >= 0) & (m <= h - 1)), (0, True))
                + sympy.Piecewise((Y[m + 1] / 2, (m + 1 >= 0) & (m + 1 <= h - 1)), (0, True)),
                "odd output $2m + 1$: $k = 0, o = m + 1$ and $k = 2, o = m$",
                euclid(2),
            ),
            Step(
                None,
                (Y[m] + Y[m + 1]) / 2,
                "between two nodes, $0 \\le m \\le h - 2$",
                within((m, 0, h - 2)),
                where=_between(m, 0, h - 2),
            ),
            Step(
                ((1 - x) * Y[m] + x * Y[m + 1]).subs(x, Rational(1, 2)),
                (Y[m] + Y[m + 1]) / 2,
                "B2 in 1-D at the midpoint $x = 1/2$",
                EXPAND,
            ),
            Step(transposed_output_size(h, 3, 2, 1), 2 * h - 1, "$(h - 1) 2 - 2 + 3 = 2h - 1$", EXPAND),
        ),
        checks=(Check("the transposed convolution against the reference for h = 1..30", sizes_check),),
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
        title="Mind the padding: padding 0 gives 2h + 1 outputs with half-zero ends; p crops p from each end",
        statement=(
            "With padding 0 the output has $2h + 1$ values and its two ends are $Y_0/2$ and $Y_{h-1}/2$: "
            "interpolation towards zeros outside the input. Padding $p$ removes $p$ values from each end "
            "($2h + 1 - 2p$ remain); $p = 1$ removes exactly the two half-zero values, $p \\ge 2$ removes "
            "input nodes. For factor $f$ the right padding is $f - 1$."
        ),
        steps=(
            Step(transposed_output_size(h, 3, 2, 0), 2 * h + 1, "padding 0: $2h + 1$ outputs", EXPAND),
            Step(_output(0, taps, 2, 0), Y[0] / 2, "the first output: $W_0 Y_0$", euclid(2)),
            Step(_output(2 * h, taps, 2, 0), Y[h - 1] / 2, "the last output: $W_2 Y_{h-1}$", euclid(2)),
            Step(
                Rational(1, 2) * 0 + Rational(1, 2) * Y[0],
                Y[0] / 2,
                "B2 at the midpoint between a zero outside and $Y_0$",
                EXPAND,
            ),
            Step(transposed_output_size(h, 3, 2, p), 2 * h + 1 - 2 * p, "padding $p$: $2h + 1 - 2p$ outputs", EXPAND),
            Step(
                transposed_output_size(h, 3, 2, 1),
                2 * h - 1,
                "$p = 1$: the two half-zero ends removed, every node kept",
                EXPAND,
            ),
        ),
        checks=(Check("padding p against the cropped zero-extended interpolation", crop_check),),
        fact="B5",
    )


def any_factor() -> Derivation:
    steps = []
    for f in (2, 3, 4):
        taps = tent(f)
        for r in range(f):
            lhs = _output(f * m + r, taps, f, f - 1)
            rhs = (1 - Rational(r, f)) * Y[m] + Rational(r, f) * Y[m + 1] if r else Y[m]
            steps.append(
                Step(
                    lhs,
                    rhs,
                    f"$f = {f}$: output $f m + {r}$ is at $m + {r}/{f}$ ($0 \\le m \\le h - 2$)",
                    euclid(f).then(within((m, 0, h - 2))),
                    where=_between(m, 0, h - 2),
                )
            )
    f2 = bilinear_upsampling_spec((3, 2), 2)
    one_a, one_b = (transposed_conv_matrix(bilinear_upsampling_spec(n, 2), bilinear_kernel(2, 1)) for n in (3, 2))
    steps.append(
        Step(
            transposed_conv_matrix(f2, bilinear_kernel(2, 2)),
            sympy.kronecker_product(one_a, one_b),
            "2-D: the operator is the Kronecker product of the 1-D operators",
            STRUCTURAL,
        )
    )
    steps.append(
        Step(
            bilinear_kernel(3, 2),
            Array(np.multiply.outer(tent(3), tent(3)).tolist()),
            "the 2-D kernel is the outer product of 1-D kernels (separability)",
            STRUCTURAL,
        )
    )

    def sweep(rng: random.Random) -> str:
        count = 0
        for f in range(2, 9):
            for n in range(1, 4):
                for _ in range(3):
                    shape = tuple(rng.randint(1, 4 if n < 3 else 2) for _ in range(n))
                    values = np.array([rng.randint(-9, 9) for _ in range(int(np.prod(shape)))]).reshape(shape)
                    got = conv_transpose(bilinear_upsampling_spec(shape, f), values, bilinear_kernel(f, n))
                    require(got == bilinear_interpolate(values, f), (f, shape))
                    count += 1
        return f"{count} inputs, factors 2-8, dimensions 1-3"

    return Derivation(
        name="bilinear-any-factor",
        title="Any factor f, any dimension: kernel of size 2f - 1, stride f, padding f - 1",
        statement=(
            "Output $f m + r$ ($0 \\le r < f$) is $(1 - r/f) Y_m + (r/f) Y_{m+1}$: linear interpolation "
            "with the input's nodes on every $f$-th output, $(h - 1) f + 1$ outputs; the N-D kernel is the "
            "outer product of 1-D kernels and the operator the Kronecker product of 1-D operators."
        ),
        steps=tuple(steps),
        checks=(Check("factors 2-8 in 1-3 dimensions against the reference", sweep),),
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
        return f"{count} (f, h) with f = 2..8: they differ exactly at the outermost floor(f/2) outputs"

    return Derivation(
        name="fcn-bilinear",
        title="FCN's kernel against align_corners=False: equal inside, different at floor(f/2) border outputs",
        statement=(
            "For $f = 2$ the FCN kernel is $(1/4, 3/4, 3/4, 1/4)$ with stride 2 and padding 1; output $2m$ "
            "is $Y_{m-1}/4 + 3 Y_m/4$, which is PyTorch's half-pixel sample at $m - 1/4$ for $m \\ge 1$. At "
            "$m = 0$ PyTorch clamps to $Y_0$ while the convolution gives $3 Y_0 / 4$ (a zero outside)."
        ),
        steps=(
            Step(transposed_output_size(h, 4, 2, 1), 2 * h, "kernel 4, stride 2, padding 1: output $2h$", EXPAND),
            Step(
                _output(2 * m, taps, 2, 1),
                Y[m - 1] / 4 + 3 * Y[m] / 4,
                "even output $2m$, inside ($1 \\le m \\le h - 1$)",
                euclid(2).then(within((m, 1, h - 1))),
                where=_between(m, 1, h - 1),
            ),
            Step(
                _output(2 * m + 1, taps, 2, 1),
                3 * Y[m] / 4 + Y[m + 1] / 4,
                "odd output $2m + 1$, inside ($0 \\le m \\le h - 2$)",
                euclid(2).then(within((m, 0, h - 2))),
                where=_between(m, 0, h - 2),
            ),
            Step(
                (1 - Rational(3, 4)) * Y[m - 1] + Rational(3, 4) * Y[m],
                Y[m - 1] / 4 + 3 * Y[m] / 4,
                "half-pixel: output $2m$ samples $(2m + 1/2)/2 - 1/2 = m - 1/4$",
                EXPAND,
            ),
            Step(
                _output(0, taps, 2, 1),
                3 * Y[0] / 4,
                "the first output: a zero outside the input",
                euclid(2).then(within()),
            ),
            Step(3 * Y[0] / 4 - Y[0], -Y[0] / 4, "PyTorch clamps $-1/4$ to 0: the difference at the border", EXPAND),
        ),
        checks=(Check("where FCN and align_corners=False differ, f = 2..8", borders),),
    )


def normalisation() -> Derivation:
    f = sympy.Symbol("f", integer=True, positive=True)
    r = sympy.Symbol("r", integer=True, nonnegative=True)

    def phases(rng: random.Random) -> str:
        count = 0
        for factor in range(1, 9):
            for n in range(1, 4):
                for kernel in (bilinear_kernel(factor, n), fcn_bilinear_kernel(factor, n)):
                    size = kernel.shape[0]
                    spec = TransposedConvSpec((2,) * n, size, stride=factor)
                    for g in subpixel_kernels(spec, kernel).values():
                        require(sum(g.reshape(len(g))) == 1, (factor, n))
                        count += 1
                require(
                    sum(bilinear_kernel(factor, n).reshape(len(bilinear_kernel(factor, n)))) == factor**n, (factor, n)
                )
        return f"{count} phases of the tent and FCN kernels, factors 1-8, dimensions 1-3: each sums to 1"

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
                (1 - (f - 1 - r) / f) + (1 - (r + 1) / f), 1, "the two taps of phase $r$, $0 \\le r \\le f - 2$", EXPAND
            ),
            Step(sum(kernel.reshape(9)), 4, "the seminar's kernel: $f^n = 2^2$", STRUCTURAL),
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
