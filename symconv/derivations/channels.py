r"""Channels, groups and bias: the matrix of a layer, for general channel counts.

A layer with ``g`` groups of ``a`` input and ``b`` output channels (``C_in = g a``,
``C_out = g b``) connects output channel ``o`` to input channels ``a floor(o/b) + m``,
``0 <= m < a``, through ``W[o, m]``. With ``K_{o,m}`` the single-channel matrix of the
kernel ``W[o, m]`` (the seminar's ``C``), block ``(o, c)`` of the layer's matrix is
``sum_m delta(c, a floor(o/b) + m) K_{o,m}``.

1. The matrix is block diagonal over the groups, each block a grid of single-channel
   matrices; depthwise (``a = 1``) has one matrix per output channel.
2. T1 with channels: the transposed layer's matrix is the transpose of the grouped
   convolution's with the channels swapped, for the same weight.
3. A 1x1 convolution is the matrix product ``W X`` over channels at every position:
   ``C = W (x) I``.
4. The bias: ``vec(Y) = C vec(X) + b`` as one matrix on ``(vec(X), 1)``; layers compose.
"""

from __future__ import annotations

import random

import numpy as np
import sympy
from sympy import ImmutableMatrix, IndexedBase, KroneckerDelta, MatMul, Sum, Transpose
from sympy.matrices.expressions.kronecker import KroneckerProduct

from symconv import (
    ConvSpec,
    TransposedConvSpec,
    affine_matrix,
    bias_vector,
    conv_matrix,
    conv_transpose,
    input_position,
    input_symbols,
    transposed_conv_matrix,
)
from symconv.channels import layer_kernel
from symconv.proof import (
    DOIT,
    DOIT_EXPAND,
    STRUCTURAL,
    SUMS,
    Check,
    Derivation,
    Step,
    Transformation,
    euclid,
    integer_parts,
    require,
    run,
    symbols,
    within,
)
from symconv.reference import conv_reference, random_numbers, to_numpy

W, X, Y, K = IndexedBase("W"), IndexedBase("X"), IndexedBase("Y"), IndexedBase("K")


def _unique_division(modulus: sympy.Symbol, residue: sympy.Symbol, variable: sympy.Symbol) -> Transformation:
    """Division with remainder is unique, the sum over ``variable`` collapsed, deltas compared by difference."""
    unique = euclid(modulus, (residue, variable), (variable, residue), eliminate=[variable])
    return unique.then(SUMS, name=unique.name)


def _random_layer(rng: random.Random, ndim: int | None = None, kernel: int | None = None) -> ConvSpec:
    n = ndim or rng.randint(1, 2)
    q = [kernel or rng.randint(1, 3) for _ in range(n)]
    d = [rng.randint(1, 2) for _ in range(n)]
    h = [d[j] * (q[j] - 1) + 1 + rng.randint(0, 3) for j in range(n)]
    groups = rng.randint(1, 3)
    return ConvSpec(
        h,
        q,
        stride=[rng.randint(1, 2) for _ in range(n)],
        padding=[rng.randint(0, 1) for _ in range(n)],
        dilation=d,
        in_channels=groups * rng.randint(1, 2),
        out_channels=groups * rng.randint(1, 3),
        groups=groups,
    )


def _single(spec: ConvSpec) -> ConvSpec:
    return ConvSpec(
        spec.input_shape, spec.kernel_shape, stride=spec.stride, padding=spec.padding, dilation=spec.dilation
    )


def _blocks(rng: random.Random, count: int = 25) -> str:
    for _ in range(count):
        spec = _random_layer(rng)
        w = random_numbers(rng, spec.weight_shape)
        C = conv_matrix(spec, w.tolist())
        rows, cols = int(np.prod(spec.out_shape)), int(np.prod(spec.input_shape))
        a, b = spec.in_channels // spec.groups, spec.out_channels // spec.groups
        for gamma in range(spec.groups):  # the diagonal block of a group: the ungrouped layer of that group
            ungrouped = ConvSpec(
                spec.input_shape,
                spec.kernel_shape,
                stride=spec.stride,
                padding=spec.padding,
                dilation=spec.dilation,
                in_channels=a,
                out_channels=b,
            )
            block = C[gamma * b * rows : (gamma + 1) * b * rows, gamma * a * cols : (gamma + 1) * a * cols]
            require(block == conv_matrix(ungrouped, w[gamma * b : (gamma + 1) * b].tolist()), str(spec))
        dense = to_numpy(C)
        for o in range(spec.out_channels):
            for c in range(spec.in_channels):
                block = dense[o * rows : (o + 1) * rows, c * cols : (c + 1) * cols]
                if c // a != o // b:
                    require(not block.any(), str(spec))
                    continue
                x = random_numbers(rng, spec.input_shape)  # the block against numpy's correlation (no index map)
                expected = conv_reference(_single(spec), x, w[o, c % a])
                require(np.array_equal(block @ x.ravel(), expected.ravel()), str(spec))
    return f"{count} random 1-D and 2-D layers: diagonal group blocks, numpy per channel pair, zeros elsewhere"


def grouped_blocks() -> Derivation:
    a, b = symbols("a b", integer=True, positive=True)
    gamma, gamma2, alpha, beta, m, c, o = symbols("gamma gammaprime alpha beta m c o", integer=True)
    residues = (alpha >= 0) & (alpha < a) & (beta >= 0) & (beta < b)  # as the seminar writes them: 0 <= alpha < a
    output = b * gamma + beta  # output channel o = b gamma + beta: group gamma, position beta in it
    block = Sum(KroneckerDelta(a * gamma2 + alpha, a * gamma + m) * K[output, m], (m, 0, a - 1))
    slide = ConvSpec((4, 4), (3, 3), in_channels=2, out_channels=2, groups=2)
    single = (
        conv_matrix(_single(slide), layer_kernel(slide)[0, 0]),
        conv_matrix(_single(slide), layer_kernel(slide)[1, 0]),
    )
    return Derivation(
        name="grouped-blocks",
        title="A grouped layer's matrix is block diagonal over groups; each block a grid of single-channel $C$",
        statement=(
            "With $C_{in} = g a$, $C_{out} = g b$: block $(o, c)$ is $\\sum_m \\delta_{c, a \\lfloor o/b \\rfloor + m} "
            "K_{o,m}$, $K_{o,m}$ the single-channel matrix of $W_{o,m}$. Writing $o = b\\gamma + \\beta$ and "
            "$c = a\\gamma' + \\alpha$ it is $\\delta_{\\gamma', \\gamma} K_{o,\\alpha}$: zero between groups, "
            "$K_{o,\\alpha}$ inside; depthwise ($a = 1$) leaves one matrix per output channel."
        ),
        steps=(
            Step(
                sympy.floor(output / b),
                gamma,
                "output channel $b\\gamma + \\beta$ lies in group $\\gamma$",
                integer_parts((beta, 0, b - 1)),
                where=residues,
            ),
            Step(
                block,
                KroneckerDelta(gamma2, gamma) * K[output, alpha],
                "$a\\gamma' + \\alpha = a\\gamma + m$ with $0 \\le \\alpha, m < a$ means $\\gamma' = \\gamma$, "
                "$m = \\alpha$: the block of input channel $a\\gamma' + \\alpha$",
                _unique_division(a, alpha, m),
                where=residues,
            ),
            Step(
                Sum(KroneckerDelta(c, sympy.floor(o / b) + m) * K[o, m], (m, 0, 0)),
                KroneckerDelta(c, sympy.floor(o / b)) * K[o, 0],
                "depthwise, $a = 1$: output channel $o$ reads input channel $\\lfloor o/b \\rfloor$ only",
                DOIT,
            ),
            Step.specialisation(
                conv_matrix(slide),
                sympy.diag(*single),
                "the seminar's $4 \\times 4$ input with two channels in two groups: $\\mathrm{diag}(C(W_{0,0}), "
                "C(W_{1,0}))$",
                STRUCTURAL,
                # the 8x32 matrix by its block structure (shapes checked): C_0 = C(W_{0,0}), C_1 = C(W_{1,0})
                named=(
                    sympy.MatrixSymbol("C", 8, 32),
                    sympy.BlockDiagMatrix(sympy.MatrixSymbol("C_0", 4, 16), sympy.MatrixSymbol("C_1", 4, 16)),
                ),
            ),
        ),
        checks=(Check("blocks of random grouped layers", _blocks),),
    )


def _transposes(rng: random.Random, count: int = 25) -> str:
    for _ in range(count):
        n = rng.randint(1, 2)
        groups, s = rng.randint(1, 3), [rng.randint(1, 3) for _ in range(n)]
        d = [rng.randint(1, 2) for _ in range(n)]
        a = [rng.randint(0, max(sj, dj) - 1) for sj, dj in zip(s, d)]
        t = TransposedConvSpec(
            [rng.randint(1, 3) for _ in range(n)],
            [rng.randint(1, 3) for _ in range(n)],
            stride=s,
            dilation=d,
            output_padding=a,
            in_channels=groups * rng.randint(1, 2),
            out_channels=groups * rng.randint(1, 2),
            groups=groups,
        )
        w, y = random_numbers(rng, t.weight_shape), random_numbers(rng, (t.in_channels, *t.input_shape))
        T, forward = transposed_conv_matrix(t, w.tolist()), conv_matrix(t.forward(), w.tolist())
        keep = [
            c * forward.rows // t.in_channels + int(np.ravel_multi_index(o, t.forward().out_shape))
            for c in range(t.in_channels)
            for o in np.ndindex(*t.input_shape)
        ]
        require(T == forward.extract(keep, list(range(forward.cols))).T, str(t))
        # against the seminar's recipe (zeros inserted, rotated kernel), one channel pair at a time
        single = TransposedConvSpec(
            t.input_shape, t.kernel_shape, stride=s, padding=t.padding, dilation=d, output_padding=a
        )
        per_in, per_out = t.in_channels // groups, t.out_channels // groups
        expected = np.zeros((t.out_channels, *t.out_shape))
        for c in range(t.in_channels):
            for m_ in range(per_out):
                recipe = conv_transpose(single, y[c].tolist(), w[c, m_].tolist())
                expected[(c // per_in) * per_out + m_] += np.array(recipe.tolist(), dtype=float)
        require(np.array_equal(to_numpy(T) @ y.ravel(), expected.ravel()), str(t))
    return f"{count} random grouped 1-D and 2-D specs: the forward rows transposed, and the recipe per channel pair"


def transposed_channels() -> Derivation:
    a, b, g, h, q, s, d = symbols("a b g h q s d", integer=True, positive=True)
    p = sympy.Symbol("p", integer=True, nonnegative=True)
    gamma, gamma2, alpha, beta, m, o, k, j = symbols("gamma gammaprime alpha beta m o k j", integer=True)
    c, n = a * gamma2 + alpha, b * gamma + beta  # input channel c of the transposed layer, output channel n
    spatial = Sum(W[c, m, k] * KroneckerDelta(j, input_position(o, k, s, p, d)), (k, 0, q - 1))
    forward_entry = Sum(KroneckerDelta(n, b * gamma2 + m) * spatial, (m, 0, b - 1))  # row (c, o), column (n, j) of C_F
    scatter = Sum(
        KroneckerDelta(gamma2, gamma) * W[c, beta, k] * KroneckerDelta(j, input_position(o, k, s, p, d)) * Y[c, o],
        (k, 0, q - 1),
        (o, 0, h - 1),
        (alpha, 0, a - 1),
        (gamma2, 0, g - 1),
    )
    t = TransposedConvSpec((2, 2), (3, 3), in_channels=2, out_channels=4, groups=2)
    return Derivation(
        name="transposed-channels",
        title="T1 with channels: the transposed layer's matrix is $C_F^T$, $F$ the grouped convolution back",
        statement=(
            "PyTorch's grouped ConvTranspose (weight $(C_{in}, C_{out}/g, q)$, $C_{in} = g a$, $C_{out} = g b$) "
            "adds $W_{c, \\beta, k} Y_{c, o}$ at output $(b\\gamma + \\beta, s o - p + d k)$ for the input "
            "channels $c$ of group $\\gamma$. The convolution $F$ back (in $g b$, out $g a$, the same weight) "
            "has $(C_F)_{(c,o),(n,j)} = \\sum_m \\delta_{n, b\\lfloor c/a \\rfloor + m} \\sum_k W_{c,m,k} "
            "\\delta_{j, s o - p + d k}$; so the layer is $C_F^T$."
        ),
        steps=(
            Step(
                Sum(forward_entry * Y[c, o], (o, 0, h - 1), (alpha, 0, a - 1), (gamma2, 0, g - 1)),
                scatter,
                "$(C_F^T Y)_{(n, j)}$ with $n = b\\gamma + \\beta$: division with remainder is unique, so "
                "$m = \\beta$ and $\\gamma' = \\gamma$; exchange the sums: the layer's scatter",
                _unique_division(b, beta, m),
                where=(beta >= 0) & (beta < b),
            ),
            Step(
                transposed_conv_matrix(t),
                Transpose(ImmutableMatrix(conv_matrix(t.forward()))),
                "$2 \\times 2$ inputs, 2 channels in 2 groups, 4 output channels: the layer's $64 \\times 8$ "
                "matrix $T$ is $C_F^T$, entry by entry",
                DOIT,
                # 512 entries are not printed to be compared: the sides by their names (shapes checked)
                named=(sympy.MatrixSymbol("T", 64, 8), Transpose(sympy.MatrixSymbol("C_F", 8, 64))),
            ),
        ),
        checks=(Check("transposed layers = transposed forward rows = the recipe per channel pair", _transposes),),
        fact="T1",
    )


def _products(rng: random.Random, count: int = 25) -> str:
    for _ in range(count):
        spec = _random_layer(rng, kernel=1)
        spec = ConvSpec(
            spec.input_shape, 1, in_channels=spec.in_channels, out_channels=spec.out_channels, groups=spec.groups
        )
        w = random_numbers(rng, spec.weight_shape).astype(int)  # exact integers: SymPy's 2.0 is not 2
        positions, a, b = (
            int(np.prod(spec.input_shape)),
            spec.in_channels // spec.groups,
            spec.out_channels // spec.groups,
        )
        mixing = np.zeros(
            (spec.out_channels, spec.in_channels), dtype=int
        )  # W as a C_out x C_in matrix, zero between groups
        for o in range(spec.out_channels):
            mixing[o, (o // b) * a : (o // b + 1) * a] = w[(o, slice(None)) + (0,) * spec.ndim]
        require(conv_matrix(spec, w.tolist()) == sympy.Matrix(np.kron(mixing, np.eye(positions, dtype=int))), str(spec))
        x = random_numbers(rng, (spec.in_channels, positions))
        require(np.array_equal(to_numpy(conv_matrix(spec, w.tolist())) @ x.ravel(), (mixing @ x).ravel()), str(spec))
    return (
        f"{count} random $1 \\times 1$ layers (groups included): $C = W \\otimes I$, "
        "$C \\, \\mathrm{vec}(X) = \\mathrm{vec}(W X)$"
    )


def one_by_one() -> Derivation:
    P = sympy.Symbol("P", integer=True, positive=True)
    o, c, x, y, k = symbols("o c x y k", integer=True)
    s, d = symbols("s d", integer=True, positive=True)
    p = sympy.Symbol("p", integer=True, nonnegative=True)
    C_in = sympy.Symbol("C_in", integer=True, positive=True)
    spec = ConvSpec((2, 2), 1, in_channels=3, out_channels=2)
    mixing = sympy.Matrix(2, 3, lambda o_, c_: W[o_, c_, 0, 0])
    return Derivation(
        name="one-by-one",
        title="A $1 \\times 1$ convolution is the matrix product $W X$ over channels at every position",
        statement=(
            "With $q = 1$, $s = 1$, $p = 0$ the index map is $i = o$: position $y$ of output channel $o$ reads "
            "position $y$ of every input channel, $Y_{o,y} = \\sum_c W_{o,c} X_{c,y}$, so $Y = W X$ with $X$ as "
            "a $C_{in} \\times P$ matrix, and $C = W \\otimes I_P$."
        ),
        steps=(
            Step(
                Sum(KroneckerDelta(x, input_position(y, k, s, p, d)), (k, 0, 0)),
                KroneckerDelta(x, input_position(y, 0, s, p, d)),
                "the only tap is $k = 0$: $i = s y - p$, and $i = y$ when $s = 1$, $p = 0$",
                DOIT,
            ),
            Step(
                Sum(W[o, c] * Sum(KroneckerDelta(x, y) * X[c, x], (x, 0, P - 1)), (c, 0, C_in - 1)),
                Sum(W[o, c] * X[c, y], (c, 0, C_in - 1)),
                "with $s = 1$, $p = 0$ the delta picks $x = y$: $(W X)_{o,y}$",
                within((y, 0, P - 1)),
                where=(y >= 0) & (y < P),
            ),
            Step(
                conv_matrix(spec),
                KroneckerProduct(ImmutableMatrix(mixing), ImmutableMatrix(sympy.eye(4))),
                "3 channels to 2 on a $2 \\times 2$ input: $C = W \\otimes I_4$",
                DOIT,
            ),
        ),
        checks=(Check("$1 \\times 1$ layers are $W \\otimes I$", _products),),
    )


def affine_layers() -> Derivation:
    first = ConvSpec(4, 2, out_channels=2)
    second = ConvSpec(3, 2, in_channels=2, out_channels=1)
    W2 = sympy.Array(np.array(input_symbols(4, "V").tolist(), dtype=object).reshape(second.weight_shape).tolist())
    b2 = [sympy.IndexedBase("c")[0]]
    A1, A2 = affine_matrix(first), affine_matrix(second, W2, b2)
    C1, C2 = conv_matrix(first), conv_matrix(second, W2)
    composed = (
        (C2 * C1)
        .row_join(C2 * bias_vector(first) + bias_vector(second, b2))
        .col_join(sympy.Matrix([[0] * C1.cols + [1]]))
    )
    return Derivation(
        name="affine-layers",
        title="Bias: a layer is the affine map $C X + b$, one matrix on $(X, 1)$; layers compose by products",
        statement=(
            "$b$ repeats the bias of each output channel over its positions. On $(\\mathrm{vec}(X), 1)$ the "
            "layer is $\\begin{pmatrix} C & b \\\\ 0 & 1 \\end{pmatrix}$, and two layers compose to "
            "$\\begin{pmatrix} C_2 C_1 & C_2 b_1 + b_2 \\\\ 0 & 1 \\end{pmatrix}$."
        ),
        steps=(
            Step(
                MatMul(ImmutableMatrix(A2), ImmutableMatrix(A1), evaluate=False),
                composed,
                "a 1-D layer (1 to 2 channels, bias $b$) then one with weight $V$, bias $c$",
                DOIT_EXPAND,
            ),
        ),
    )


def derivations() -> list[Derivation]:
    return [grouped_blocks(), transposed_channels(), one_by_one(), affine_layers()]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
