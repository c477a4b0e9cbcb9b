r"""T1-T4 and backpropagation: the transposed convolution for every spec.

1. T1: the seminar's transposed matrix is the 16x4 ``C^T``; for every spec the matrix is
   the transpose of the forward rows that belong to the ``h`` inputs.
2. T2: the seminar's recipe (insert ``s-1`` zeros, pad ``d(q-1) - p``, slide with stride 1)
   equals ``C^T Y`` for all ``h, q, s, p, d, a``; the sliding kernel is ``W`` rotated by 180 degrees.
3. T3: with ``s = 1`` the transposed convolution is an ordinary convolution (rotated kernel,
   padding ``d(q-1) - p``).
4. T4: ``C_s = S C_1``, ``C_s^T = C_1^T S^T``, and ``S^T`` inserts the zeros.
5. Backpropagation: ``dL/dX = C^T dL/dY``; ``dL/dW`` is a correlation of ``X`` with ``dL/dY``.
"""

from __future__ import annotations

import random

import numpy as np
import sympy
from sympy import Function, IndexedBase, KroneckerDelta, Lambda, Mul, Piecewise, Sum, oo

from symconv import (
    ConvSpec,
    TransposedConvSpec,
    conv_matrix,
    conv_transpose,
    input_symbols,
    kernel_symbols,
    rotate_kernel,
    sliding_window,
    stride_selection,
    transposed_conv_matrix,
    zero_insert,
)
from symconv.derivations.sampling import random_tspec
from symconv.proof import (
    COLLAPSE,
    DOIT_EXPAND,
    EXPAND,
    STRUCTURAL,
    SUMS,
    Check,
    Derivation,
    Step,
    Transformation,
    reindex,
    require,
    run,
    symbols,
    zero_extension,
)
from symconv.reference import random_numbers, to_numpy

W, X, Y, G = IndexedBase("W"), IndexedBase("X"), IndexedBase("Y"), IndexedBase("G")


def _letters(ndim: int):
    suffix = [str(j) for j in range(ndim)] if ndim > 1 else [""]

    def per_dim(name: str, **assumptions: bool | None) -> tuple[sympy.Symbol, ...]:
        return symbols(" ".join(f"{name}{x}" for x in suffix), **assumptions)

    integer = dict(integer=True)
    positive = dict(integer=True, positive=True)
    return dict(
        j=per_dim("j", **integer),
        o=per_dim("o", **integer),
        k=per_dim("k", **integer),
        m=per_dim("m", **integer),
        s=per_dim("s", **positive),
        d=per_dim("d", **positive),
        h=per_dim("h", **positive),
        q=per_dim("q", **positive),
        p=per_dim("p", integer=True, nonnegative=True),
    )


def seminar_transposed() -> Derivation:
    tspec = TransposedConvSpec((2, 2), (3, 3))
    C = conv_matrix(tspec.forward())

    def rows_of_forward(rng: random.Random, count: int = 40) -> str:
        for _ in range(count):
            t = random_tspec(rng)
            forward = conv_matrix(t.forward())
            keep = [int(np.ravel_multi_index(o, t.forward().out_shape)) for o in np.ndindex(*t.input_shape)]
            require(transposed_conv_matrix(t) == forward.extract(keep, list(range(forward.cols))).T, str(t))
        return f"{count} random specs (output_padding and dilation included): the forward rows, transposed"

    return Derivation(
        name="transposed-matrix",
        title="T1: the transposed convolution's matrix is $C^T$ (16x4 in the seminar's case)",
        statement=(
            "From a $2 \\times 2$ input (4x1) to a $4 \\times 4$ output (16x1) the matrix must be 16x4: "
            "the shape of $C^T$, the transpose of the 4x16 matrix of the convolution. Hence the name."
        ),
        steps=(
            Step(
                transposed_conv_matrix(tspec),
                C.T,
                "the matrix built for the transposed spec is the transpose of the slide's $C$",
                STRUCTURAL,
            ),
        ),
        checks=(Check("transposed matrix = transposed rows of the forward matrix", rows_of_forward),),
        fact="T1",
    )


def recipe_theorem(ndim: int) -> Derivation:
    L = _letters(ndim)
    j, o, k, m, s, d, h, q, p = (L[n] for n in "j o k m s d h q p".split())
    border = [d[n] * (q[n] - 1) - p[n] for n in range(ndim)]  # zeros on each side (negative: crop)
    inputs = [(o[n], 0, h[n] - 1) for n in range(ndim)]
    rotated_taps = [(m[n], 0, q[n] - 1) for n in range(ndim)]
    taps = [(k[n], 0, q[n] - 1) for n in range(ndim)]
    # the zero-inserted, padded input read at j + d m: input o sits at o s + d(q-1) - p
    spread = Sum(
        Mul(*[KroneckerDelta(j[n] + d[n] * m[n], o[n] * s[n] + border[n]) for n in range(ndim)]) * Y[o], *inputs
    )
    recipe = Sum(W[tuple(q[n] - 1 - m[n] for n in range(ndim))] * spread, *rotated_taps)
    reindexed = Sum(
        W[k]
        * Sum(
            Mul(*[KroneckerDelta(j[n] + d[n] * (q[n] - 1 - k[n]), o[n] * s[n] + border[n]) for n in range(ndim)])
            * Y[o],
            *inputs,
        ),
        *taps,
    )
    matrix_entry = Sum(
        W[k] * Mul(*[KroneckerDelta(j[n], s[n] * o[n] - p[n] + d[n] * k[n]) for n in range(ndim)]), *taps
    )
    transformation: Transformation = reindex(m[0], q[0] - 1 - k[0], k[0])
    for n in range(1, ndim):
        transformation = transformation.then(
            reindex(m[n], q[n] - 1 - k[n], k[n]), name="substitute $m = q - 1 - k$ in every dimension"
        )

    def recipe_is_matrix(rng: random.Random, count: int = 40) -> str:
        for _ in range(count):
            t = random_tspec(rng, ndim)
            y, w = random_numbers(rng, t.input_shape), random_numbers(rng, t.kernel_shape)
            got = np.array(conv_transpose(t, sympy.Array(y.tolist()), sympy.Array(w.tolist())).tolist(), dtype=float)
            expected = to_numpy(transposed_conv_matrix(t, sympy.Array(w.tolist()))) @ y.ravel()
            require(np.array_equal(got.ravel(), expected), str(t))
        return f"{count} random {ndim}-D specs: recipe = matrix times input"

    return Derivation(
        name=f"transposed-recipe-{ndim}d",
        title=f"T2: the seminar's recipe equals C^T Y, every {ndim}-D spec, and the kernel is rotated",
        statement=(
            "Insert $s - 1$ zeros between inputs, pad $d(q-1) - p$ zeros on each side (a negative amount "
            "crops; $a$ more at the end), slide the kernel with stride 1: input $o$ sits at "
            "$o s + d(q-1) - p$ and the sliding kernel is $W_{q-1-m}$, the kernel rotated by 180 degrees. "
            "The result is $(C^T Y)_j = \\sum_o C_{o,j} Y_o$ for all $h, q, s, p, d, a$."
        ),
        steps=(
            Step(recipe, reindexed, "substitute $m = q - 1 - k$: the rotated kernel becomes $W_k$", transformation),
            Step(
                None,
                Sum(matrix_entry * Y[o], *inputs),
                "a delta depends on the difference of its arguments: $j = s o - p + d k$; exchange the sums",
                SUMS,
            ),
        ),
        checks=(Check("the recipe (computed by zero insertion and padding) against the matrix", recipe_is_matrix),),
        fact="T2",
    )


def rotation_is_needed() -> Derivation:
    t = TransposedConvSpec(2, 2)
    Yv = input_symbols(2, "Y")
    unrotated = sliding_window(ConvSpec(2, 2, padding=1), Yv, kernel_symbols(2))
    recipe = conv_transpose(t, Yv)
    return Derivation(
        name="kernel-rotation",
        title="The seminar's symmetric example hides it: the sliding kernel must be rotated",
        statement=(
            "For $h = 2, q = 2, s = 1, p = 0$: sliding the kernel as it is gives a different result; "
            "sliding it rotated by 180 degrees gives $C^T Y$."
        ),
        steps=(
            Step(
                sympy.Matrix(list(recipe)),
                transposed_conv_matrix(t) * sympy.Matrix(list(Yv)),
                "the recipe with the rotated kernel is $C^T Y$",
                DOIT_EXPAND,
            ),
            Step(
                unrotated[0] - recipe[0],
                (W[1] - W[0]) * Yv[0],
                "the unrotated kernel differs: it puts $W_1$ where $C^T$ has $W_0$ (not 0 unless $W_0 = W_1$)",
                EXPAND,
            ),
            Step(
                rotate_kernel(kernel_symbols((2, 2))),
                sympy.Array([[W[1, 1], W[1, 0]], [W[0, 1], W[0, 0]]]),
                "in 2-D the rotation reverses both axes",
                STRUCTURAL,
            ),
        ),
        fact="T2",
    )


def stride_one_theorem() -> Derivation:
    L = _letters(1)
    j, o, m, d, h, q, p = (L[n][0] for n in "j o m d h q p".split())
    border = d * (q - 1) - p
    padded = Function("Y_pad")
    t = sympy.Symbol("t", integer=True)
    definition = Lambda(t, Piecewise((Y[t - border], (t >= border) & (t < border + h)), (0, True)))
    recipe = Sum(W[q - 1 - m] * Sum(KroneckerDelta(j + d * m, o + border) * Y[o], (o, 0, h - 1)), (m, 0, q - 1))
    collapsed = Sum(
        W[q - 1 - m]
        * Piecewise((Y[j + d * m - border], (j + d * m - border >= 0) & (j + d * m - border <= h - 1)), (0, True)),
        (m, 0, q - 1),
    )
    window = Sum(W[q - 1 - m] * padded(j + d * m), (m, 0, q - 1))

    def same_matrix(rng: random.Random, count: int = 40) -> str:
        done = 0
        while done < count:
            t_ = random_tspec(rng, stride_one=True)
            borders = [d_ * (q_ - 1) - p_ for d_, q_, p_ in zip(t_.dilation, t_.kernel_shape, t_.padding)]
            if min(borders) < 0:
                continue
            w = random_numbers(rng, t_.kernel_shape)
            conv = ConvSpec(
                t_.input_shape,
                t_.kernel_shape,
                dilation=t_.dilation,
                padding=[(b, b + a) for b, a in zip(borders, t_.output_padding)],
            )
            require(
                transposed_conv_matrix(t_, sympy.Array(w.tolist()))
                == conv_matrix(conv, rotate_kernel(sympy.Array(w.tolist()))),
                str(t_),
            )
            done += 1
        return f"{count} random stride-1 specs: the same matrix as the convolution"

    return Derivation(
        name="transposed-stride-1",
        title="T3: with s = 1 a transposed convolution is a convolution",
        statement=(
            "With $s = 1$ no zeros are inserted: the recipe is the sliding window over the input padded "
            "by $d(q-1) - p$ (and $a$ more at the end), with the rotated kernel."
        ),
        steps=(
            Step(recipe, collapsed, "the delta picks $o = j + d m - (d(q-1) - p)$; other positions give 0", COLLAPSE),
            Step(
                None,
                window,
                "the zero-padded input $Y_{pad}$: a sliding window with stride 1 (S1)",
                zero_extension((padded, definition)),
            ),
        ),
        checks=(Check("transposed matrix = convolution matrix with the rotated kernel", same_matrix),),
        fact="T3",
    )


def lattice_theorem() -> Derivation:
    o, o1, i, k = symbols("o o1 i k", integer=True)
    s, d, q = symbols("s d q", integer=True, positive=True)
    p = sympy.Symbol("p", integer=True, nonnegative=True)
    stride_one_row = Lambda(o1, Sum(W[k] * KroneckerDelta(i, o1 - p + d * k), (k, 0, q - 1)))
    selected = Sum(KroneckerDelta(o1, s * o) * stride_one_row(o1), (o1, -oo, oo))
    spec = ConvSpec(6, 3, stride=2, padding=1)
    spec1 = ConvSpec(6, 3, stride=1, padding=1)
    Cs, C1 = conv_matrix(spec), conv_matrix(spec1)
    S = stride_selection(spec.out_shape, 2, spec1.out_shape)

    def random_lattices(rng: random.Random, count: int = 40) -> str:
        for _ in range(count):
            n = rng.randint(1, 2)
            q_ = [rng.randint(1, 3) for _ in range(n)]
            d_ = [rng.randint(1, 2) for _ in range(n)]
            h_ = [d_[j] * (q_[j] - 1) + 1 + rng.randint(0, 4) for j in range(n)]
            s_ = [rng.randint(1, 3) for _ in range(n)]
            p_ = [rng.randint(0, 2) for _ in range(n)]
            strided = ConvSpec(h_, q_, stride=s_, padding=p_, dilation=d_)
            unit = ConvSpec(h_, q_, stride=1, padding=p_, dilation=d_)
            sel = stride_selection(strided.out_shape, s_, unit.out_shape)
            require(conv_matrix(strided) == sel * conv_matrix(unit), str(strided))
            require(zero_insert(strided.out_shape, s_, unit.out_shape) == sel.T, str(strided))
        return f"{count} random 1-D and 2-D specs: C_s = S C_1"

    return Derivation(
        name="stride-lattice",
        title="T4: rows deleted on a lattice, columns deleted, zeros inserted",
        statement=(
            "$S$ keeps the rows $s o$ of the stride-1 matrix: $C_s = S C_1$, so $C_s^T = C_1^T S^T$, "
            "and $S^T$ spreads its input with $s - 1$ zeros between neighbours: going back from $s > 1$ to "
            "$s = 1$ is inserting zeros and applying a stride-1 (transposed) convolution."
        ),
        steps=(
            Step(
                selected,
                stride_one_row(s * o),
                "$(S C_1)_{o,i} = \\sum_{o'} \\delta_{o', s o} (C_1)_{o',i}$ keeps row $s o$",
                COLLAPSE,
            ),
            Step(
                None,
                Sum(W[k] * KroneckerDelta(i, s * o - p + d * k), (k, 0, q - 1)),
                "which is $(C_s)_{o,i}$, the index map with stride $s$",
                STRUCTURAL,
            ),
            Step(Cs, S * C1, "the case $h = 6, q = 3, s = 2, p = 1$ in full", STRUCTURAL),
            Step(
                Cs.T,
                C1.T * zero_insert(spec.out_shape, 2, spec1.out_shape),
                "transposed: columns deleted; $S^T$ inserts the zeros",
                STRUCTURAL,
            ),
        ),
        checks=(Check("C_s = S C_1 on random specs", random_lattices),),
        fact="T4",
    )


def backprop_theorem() -> Derivation:
    o, k, i, j, m = symbols("o k i j m", integer=True)
    s, d, q, w = symbols("s d q w", integer=True, positive=True)
    p = sympy.Symbol("p", integer=True, nonnegative=True)
    # the sliding window with X zero-extended beyond the input (that is the zero padding)
    output = Lambda(o, Sum(W[k] * Sum(KroneckerDelta(i, s * o - p + d * k) * X[i], (i, -oo, oo)), (k, 0, q - 1)))
    loss_gradient_x = Sum(G[o] * sympy.Derivative(output(o), X[j]), (o, 0, w - 1))
    loss_gradient_w = Sum(G[o] * sympy.Derivative(output(o), W[m]), (o, 0, w - 1))

    def against_autodiff(rng: random.Random, count: int = 15) -> str:
        for _ in range(count):
            n = 1
            q_, d_, p_ = rng.randint(1, 3), rng.randint(1, 2), rng.randint(0, 2)
            h_ = d_ * (q_ - 1) + 1 + rng.randint(0, 3)
            spec = ConvSpec(h_, q_, stride=rng.randint(1, 3), padding=p_, dilation=d_)
            Xs, Ws = input_symbols(spec.input_shape), kernel_symbols(spec.kernel_shape)
            g = random_numbers(rng, spec.out_shape)
            Yw = sliding_window(spec, Xs, Ws)
            loss = sum(float(g[idx]) * Yw[idx] for idx in np.ndindex(*spec.out_shape))
            grad_x = [sympy.diff(loss, x) for x in Xs]
            t = TransposedConvSpec(
                spec.out_shape,
                q_,
                stride=spec.stride,
                padding=p_,
                dilation=d_,
                output_padding=spec.input_shape[0]
                - ((spec.out_shape[0] - 1) * spec.stride[0] - 2 * p_ + d_ * (q_ - 1) + 1),
            )
            expected = transposed_conv_matrix(t) * sympy.Matrix(g.ravel().tolist())
            require(all(sympy.expand(a - b) == 0 for a, b in zip(grad_x, expected)), str(spec))
            # dL/dW: a correlation of X with G (stride and dilation swap roles), its first q outputs
            corr = ConvSpec(h_, spec.out_shape, stride=d_, padding=p_, dilation=spec.stride)
            grad_w = sliding_window(corr, Xs, sympy.Array(g.tolist()))
            require(all(sympy.expand(sympy.diff(loss, Ws[k_]) - grad_w[k_]) == 0 for k_ in range(q_)), str(spec))
            n += 1
        return f"{count} random specs: SymPy's derivatives of the sliding window"

    return Derivation(
        name="backpropagation",
        title="Backpropagation: $dL/dX = C^T dL/dY$, and $dL/dW$ correlates $X$ with $dL/dY$",
        statement=(
            "For a scalar loss $L$ with $G_o = \\partial L / \\partial Y_o$: the gradient with respect to "
            "the input is the transposed convolution of $G$; the gradient with respect to the kernel reads "
            "$X$ at $s o - p + d m$: a correlation of $X$ with $G$ in which stride and dilation swap roles."
        ),
        steps=(
            Step(
                loss_gradient_x,
                Sum(G[o] * Sum(W[k] * KroneckerDelta(j, s * o - p + d * k), (k, 0, q - 1)), (o, 0, w - 1)),
                "chain rule; $\\partial X_i / \\partial X_j = \\delta_{i,j}$ collapses the sum over $i$",
                COLLAPSE,
            ),
            Step(
                None,
                Sum(Sum(W[k] * KroneckerDelta(j, s * o - p + d * k), (k, 0, q - 1)) * G[o], (o, 0, w - 1)),
                "$= \\sum_o C_{o,j} G_o = (C^T G)_j$: a transposed convolution of $G$",
                SUMS,
            ),
            Step(
                loss_gradient_w,
                Sum(G[o] * Piecewise((X[s * o - p + d * m], (m >= 0) & (m <= q - 1)), (0, True)), (o, 0, w - 1)),
                "$\\partial W_k / \\partial W_m = \\delta_{k,m}$ for a tap $m$ of the kernel",
                COLLAPSE,
            ),
        ),
        checks=(Check("gradients of the symbolic sliding window on random specs", against_autodiff),),
    )


def derivations() -> list[Derivation]:
    return [
        seminar_transposed(),
        recipe_theorem(1),
        recipe_theorem(2),
        rotation_is_needed(),
        stride_one_theorem(),
        lattice_theorem(),
        backprop_theorem(),
    ]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
