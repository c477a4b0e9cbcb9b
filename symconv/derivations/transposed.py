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
from typing import Any

import numpy as np
import sympy
from sympy import ImmutableMatrix, IndexedBase, Lambda, MatMul, Piecewise, Sum, Transpose, oo

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
from symconv.indexing import DEFINITIONS, RotatedKernel, SymbolicConv
from symconv.proof import (
    COLLAPSE,
    DOIT,
    DOIT_EXPAND,
    EXPAND,
    SUMS,
    Chained,
    Check,
    Derivation,
    Step,
    Transformation,
    reindex,
    require,
    within,
    written,
    zero_extension,
)
from symconv.proof.run import run
from symconv.recipe import recipe_padding, rotated_tap
from symconv.reference import random_numbers, to_numpy
from symconv.sampling import random_transposed_spec

W, X, Y, G = IndexedBase("W"), IndexedBase("X"), IndexedBase("Y"), IndexedBase("G")


#: Definitions of the vocabulary substituted (the padded and zero-inserted inputs, C, the rotated kernel).
DEFINITIONS_SUBSTITUTED = zero_extension(*DEFINITIONS)


def _landing_written(o: sympy.Expr, q: sympy.Expr, s: sympy.Expr, p: sympy.Expr, d: sympy.Expr) -> sympy.Expr:
    """``s o + d(q-1) - p`` as the seminar writes it (a display form of the landing position)."""
    A = lambda *terms: sympy.Add(*terms, evaluate=False)  # noqa: E731  (as the seminar writes it)
    return A(sympy.Mul(s, o, evaluate=False), sympy.Mul(d, A(q, -1), evaluate=False), -p)


def _stride_terms(h: sympy.Expr, s: sympy.Expr) -> tuple[sympy.Expr, ...]:
    """The terms of ``(h-1)s`` as written: ``(h - 1) s``, or ``h, -1`` for ``s = 1``."""
    return (h, -1) if s == 1 else (sympy.Mul(sympy.Add(h, -1, evaluate=False), s, evaluate=False),)


def _written_recipe(recipe_input: sympy.Basic) -> tuple[sympy.Expr, list[sympy.Expr]]:
    """The definition of ``Y^ins`` as the seminar writes it (checked equal to its ``unfold()``), and
    the recipe's last outputs ``(h-1)s - 2p + d(q-1) + a`` per axis, as written."""
    base, t, o, h, q, s, p, d, a = recipe_input.args
    n = range(len(t))
    A = lambda *terms: sympy.Add(*terms, evaluate=False)  # noqa: E731  (as the seminar writes it)
    M = lambda *factors: sympy.Mul(*factors, evaluate=False)  # noqa: E731
    landed = [sympy.KroneckerDelta(t[j], _landing_written(o[j], q[j], s[j], p[j], d[j]), evaluate=False) for j in n]
    values = Sum(M(*landed, base[tuple(o)]), *[(o[j], 0, A(h[j], -1)) for j in n])
    last = [A(*_stride_terms(h[j], s[j]), M(2, A(M(d[j], A(q[j], -1)), -p[j])), a[j]) for j in n]
    inside = Chained(
        *[c for j in n for c in (sympy.Le(0, t[j], evaluate=False), sympy.Le(t[j], last[j], evaluate=False))]
    )
    shown = Piecewise((values, inside), (0, True), evaluate=False)
    outputs = [A(*_stride_terms(h[j], s[j]), -2 * p[j], M(d[j], A(q[j], -1)), a[j]) for j in n]
    return shown, outputs


def _written_spread(
    conv: SymbolicConv, W: IndexedBase, Y: IndexedBase, j: Any, o: Any, m: Any, k: Any
) -> tuple[Any, Any]:
    """The recipe's sum after the definitions, as written: ``delta_{j + d m, s o + d(q-1) - p}``, and
    after ``m = q - 1 - k``: ``delta_{j + d(q - 1 - k), s o + d(q-1) - p}``."""
    A = lambda *terms: sympy.Add(*terms, evaluate=False)  # noqa: E731  (as the seminar writes it)
    M = lambda *factors: sympy.Mul(*factors, evaluate=False)  # noqa: E731
    h, q, s, p, d = conv.input_size, conv.kernel_size, conv.stride, conv.padding, conv.dilation
    n = range(len(j))
    inputs = [(o[i], 0, A(h[i], -1)) for i in n]

    def deltas(tap: Any) -> list[Any]:
        return [
            sympy.KroneckerDelta(
                A(j[i], M(d[i], tap[i])), _landing_written(o[i], q[i], s[i], p[i], d[i]), evaluate=False
            )
            for i in n
        ]

    spread = Sum(M(conv.rotated(W, m), Sum(M(*deltas(m), Y[o]), *inputs)), *[(m[i], 0, A(q[i], -1)) for i in n])
    rotated = [A(q[i], -1, -k[i]) for i in n]
    reindexed = Sum(M(W[k], Sum(M(*deltas(rotated), Y[o]), *inputs)), *[(k[i], 0, A(q[i], -1)) for i in n])
    return spread, reindexed


def _outputs_written(j: tuple[sympy.Expr, ...], last: list[sympy.Expr]) -> Chained:
    """``0 <= j <= last`` for every axis, as written."""
    return Chained(
        *[c for jn, ln in zip(j, last) for c in (sympy.Le(0, jn, evaluate=False), sympy.Le(jn, ln, evaluate=False))]
    )


def _between(variables: tuple[sympy.Symbol, ...], sizes: tuple[sympy.Expr, ...]) -> sympy.Basic:
    return sympy.And(*[(v >= 0) & (v <= n - 1) for v, n in zip(variables, sizes)])


def seminar_transposed() -> Derivation:
    tspec = TransposedConvSpec((2, 2), (3, 3))
    C = conv_matrix(tspec.forward())

    def rows_of_forward(rng: random.Random, count: int = 40) -> str:
        for _ in range(count):
            t = random_transposed_spec(rng)
            forward = conv_matrix(t.forward())
            keep = [int(np.ravel_multi_index(o, t.forward().out_shape)) for o in np.ndindex(*t.input_shape)]
            require(transposed_conv_matrix(t) == forward.extract(keep, list(range(forward.cols))).T, str(t))
        return f"{count} random specs (output_padding and dilation included): the forward rows, transposed"

    return Derivation(
        name="transposed-matrix",
        title="T1: the transposed convolution's matrix is $C^T$ ($16 \\times 4$ in the seminar's case)",
        statement=(
            "From a $2 \\times 2$ input (4x1) to a $4 \\times 4$ output (16x1) the matrix must be 16x4: "
            "the shape of $C^T$, the transpose of the 4x16 matrix of the convolution. Hence the name."
        ),
        steps=(
            Step(
                transposed_conv_matrix(tspec),
                Transpose(ImmutableMatrix(C)),
                "the matrix built for the transposed spec is the transpose of the slide's $C$",
                DOIT,
            ),
        ),
        checks=(Check("transposed matrix = transposed rows of the forward matrix", rows_of_forward),),
        fact="T1",
    )


def recipe_theorem(ndim: int) -> Derivation:
    conv = SymbolicConv.general(ndim)
    j, o, k, m = (conv.indices(x) for x in "jokm")
    Y = IndexedBase("Y")
    # the recipe, in the library's vocabulary: the rotated kernel slides with stride 1 over the
    # zero-inserted, padded input, taps d apart
    reads = tuple(jn + dn * mn for jn, dn, mn in zip(j, conv.dilation, m))
    recipe = Sum(conv.rotated(W, m) * conv.recipe_input(Y, reads, o), *conv.taps(m))
    landed = sympy.Mul(
        *[sympy.KroneckerDelta(r, x) for r, x in zip(reads, conv.landing(o))]
    )  # position j + d m holds input o
    spread = Sum(conv.rotated(W, m) * Sum(landed * Y[o], *conv.inputs(o)), *conv.taps(m))
    unrotated = {mn: rotated_tap(kn, qn) for mn, kn, qn in zip(m, k, conv.kernel_size)}
    reindexed = Sum(W[k] * Sum(landed.xreplace(unrotated) * Y[o], *conv.inputs(o)), *conv.taps(k))
    spread_shown, reindexed_shown = _written_spread(conv, W, Y, j, o, m, k)
    outputs = conv.transposed_output_size()
    transformation: Transformation = reindex(m[0], unrotated[m[0]], k[0])
    for n in range(1, ndim):
        transformation = transformation.then(
            reindex(m[n], unrotated[m[n]], k[n]), name="substitute $m = q - 1 - k$ in every dimension"
        )
    # the taps m take their bounds from their sums; j's bounds come from the step's where
    inside: Transformation = within((j[0], 0, outputs[0] - 1))
    for n in range(1, ndim):  # one axis at a time: each condition involves one axis only
        inside = inside.then(within((j[n], 0, outputs[n] - 1)), name=inside.name)

    defined = conv.recipe_input(Y, conv.indices("t"), o)
    defined_shown, last_output = _written_recipe(defined)
    rotated_shown = W[tuple(sympy.Add(qn, -1, -mn, evaluate=False) for qn, mn in zip(conv.kernel_size, m))]

    def recipe_is_matrix(rng: random.Random, count: int = 40) -> str:
        for _ in range(count):
            t = random_transposed_spec(rng, ndim)
            y, w = random_numbers(rng, t.input_shape), random_numbers(rng, t.kernel_shape)
            got = np.array(conv_transpose(t, sympy.Array(y.tolist()), sympy.Array(w.tolist())).tolist(), dtype=float)
            expected = to_numpy(transposed_conv_matrix(t, sympy.Array(w.tolist()))) @ y.ravel()
            require(np.array_equal(got.ravel(), expected), str(t))
        return f"{count} random {ndim}-D specs: recipe = matrix times input"

    return Derivation(
        name=f"transposed-recipe-{ndim}d",
        title=f"T2: the seminar's recipe equals $C^T Y$, every {ndim}-D spec, and the kernel is rotated",
        statement=(
            "Insert $s - 1$ zeros between inputs, pad $d(q-1) - p$ zeros on each side (a negative amount "
            "crops; $a$ more at the end), slide the kernel with stride 1: input $o$ sits at "
            "$o s + d(q-1) - p$ and the sliding kernel is $W_{q-1-m}$, the kernel rotated by 180 degrees. "
            "The result is $(C^T Y)_j = \\sum_o C_{o,j} Y_o$ for all $h, q, s, p, d, a$."
        ),
        steps=(
            Step.definition(
                defined,
                defined.unfold(),
                "zeros inserted and padded: input $o$ sits at $s o + d(q-1) - p$, the length is "
                "$(h-1)s + 1 + 2(d(q-1) - p) + a$",
                DEFINITIONS_SUBSTITUTED,
                display_rhs=defined_shown,
            ),
            Step.definition(
                conv.rotated(W, m),
                conv.rotated(W, m).unfold(),
                "the rotated kernel",
                DEFINITIONS_SUBSTITUTED,
                display_rhs=rotated_shown,
            ),
            Step(
                recipe,
                spread,
                "for an output $0 \\le j \\le w - 1$ every position $j + d m$ lies in the padded input",
                DEFINITIONS_SUBSTITUTED.then(inside).then(SUMS, name="definitions substituted; " + inside.name),
                where=_between(j, outputs),
                display_where=_outputs_written(j, last_output),
                display_rhs=spread_shown,
            ),
            Step(
                None,
                reindexed,
                "substitute $m = q - 1 - k$: the rotated kernel becomes $W_k$",
                DEFINITIONS_SUBSTITUTED.then(transformation),
                display_rhs=reindexed_shown,
            ),
            Step(
                None,
                Sum(conv.entry_symbol(o, j, k) * Y[o], *conv.inputs(o)),
                "a delta depends on the difference of its arguments: $j = s o - p + d k$; exchange the sums",
                DEFINITIONS_SUBSTITUTED.then(SUMS),
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
                MatMul(ImmutableMatrix(transposed_conv_matrix(t)), ImmutableMatrix(list(Yv)), evaluate=False),
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
                sympy.Array([[RotatedKernel(W, (m, n), (2, 2)) for n in range(2)] for m in range(2)]),
                "the library's rotation is $W^{\\text{rot}}_m = W_{q-1-m}$",
                DEFINITIONS_SUBSTITUTED,
            ),
            Step(
                None,
                sympy.Array([[W[1, 1], W[1, 0]], [W[0, 1], W[0, 0]]]),
                "in 2-D the rotation reverses both axes",
                DEFINITIONS_SUBSTITUTED,
            ),
        ),
        fact="T2",
    )


def stride_one_theorem() -> Derivation:
    general = SymbolicConv.general()
    h, q, p, d, a = (
        x[0]
        for x in (general.input_size, general.kernel_size, general.padding, general.dilation, general.output_padding)
    )
    conv = SymbolicConv((h,), (q,), (1,), (p,), (d,), (a,))  # stride 1
    j, o, m = (conv.indices(x) for x in "jom")
    border = recipe_padding(q, p, d)
    # the convolution that slides over the input padded by d(q-1) - p
    padded = SymbolicConv((h,), (q,), (1,), (border,), (d,), (0,))
    reads = (j[0] + d * m[0],)
    recipe = Sum(conv.rotated(W, m) * conv.recipe_input(Y, reads, o), *conv.taps(m))
    spread = Sum(
        conv.rotated(W, m) * Sum(sympy.KroneckerDelta(reads[0], conv.landing(o)[0]) * Y[o], *conv.inputs(o)),
        *conv.taps(m),
    )
    window = Sum(conv.rotated(W, m) * padded.padded(Y, padded.position(j, m)), *conv.taps(m))
    letters = {"j": j[0], "d": d, "m": m[0], "q": q, "p": p, "U": sympy.UnevaluatedExpr}
    outputs = conv.transposed_output_size()

    def same_matrix(rng: random.Random, count: int = 40) -> str:
        done = 0
        while done < count:
            t_ = random_transposed_spec(rng, max_stride=1)
            borders = [recipe_padding(q_, p_, d_) for d_, q_, p_ in zip(t_.dilation, t_.kernel_shape, t_.padding)]
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
        title="T3: with $s = 1$ a transposed convolution is a convolution",
        statement=(
            "With $s = 1$ no zeros are inserted: the recipe is the sliding window over the input padded "
            "by $d(q-1) - p$ (and $a$ more at the end), with the rotated kernel."
        ),
        steps=(
            Step(
                recipe,
                spread,
                "for an output $0 \\le j \\le w - 1$ every position $j + d m$ lies in the padded input",
                DEFINITIONS_SUBSTITUTED.then(within((j[0], 0, outputs[0] - 1))),
                where=_between(j, outputs),
                display_where=_outputs_written(j, _written_recipe(conv.recipe_input(Y, j, o))[1]),
            ),
            Step(
                None,
                window,
                "the delta picks $o = j + d m - (d(q-1) - p)$, 0 outside the input: the sliding window of the "
                "convolution with stride 1 and padding $d(q-1) - p$ over the zero-padded input",
                COLLAPSE.then(DEFINITIONS_SUBSTITUTED),
                display_rhs=Sum(
                    sympy.Mul(
                        conv.rotated(W, m),
                        padded.padded(Y, (written("j + d*m - U(d*(q - 1) - p)", **letters),)),
                        evaluate=False,
                    ),
                    (m[0], 0, written("q - 1", q=q)),
                ),
            ),
        ),
        checks=(Check("transposed matrix = convolution matrix with the rotated kernel", same_matrix),),
        fact="T3",
    )


def lattice_theorem() -> Derivation:
    conv = SymbolicConv.general()
    q, s, p, d = (x[0] for x in (conv.kernel_size, conv.stride, conv.padding, conv.dilation))
    unit = SymbolicConv(conv.input_size, conv.kernel_size, (1,), conv.padding, conv.dilation, (0,))  # stride 1
    o, i, k = (conv.indices(x) for x in "oik")
    o1 = sympy.Symbol("o1", integer=True)
    stride_one_row = Lambda(o1, unit.entry((o1,), i, k))
    selected = Sum(sympy.KroneckerDelta(o1, s * o[0]) * stride_one_row(o1), (o1, -oo, oo))
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
        return f"{count} random 1-D and 2-D specs: $C_s = S C_1$"

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
                stride_one_row(s * o[0]),
                "$(S C_1)_{o,i} = \\sum_{o_1} \\delta_{o_1, s o} (C_1)_{o_1,i}$ keeps row $s o$",
                COLLAPSE,
                display_lhs=written(
                    "Sum(KroneckerDelta(o1, s*o) * Sum(KroneckerDelta(i, o1 - p + d*k) * W[k], (k, 0, q - 1)),"
                    " (o1, -oo, oo))",
                    o1=o1,
                    s=s,
                    o=o[0],
                    i=i[0],
                    p=p,
                    d=d,
                    k=k[0],
                    q=q,
                    W=W,
                ),
            ),
            Step(
                None,
                conv.entry_symbol(o, i, k),
                "which is $(C_s)_{o,i}$, the index map with stride $s$",
                DEFINITIONS_SUBSTITUTED,
            ),
            Step(
                Cs,
                MatMul(ImmutableMatrix(S), ImmutableMatrix(C1), evaluate=False),
                "the case $h = 6, q = 3, s = 2, p = 1$ in full",
                DOIT,
            ),
            Step(
                Transpose(ImmutableMatrix(Cs)),
                MatMul(
                    ImmutableMatrix(C1.T),
                    ImmutableMatrix(zero_insert(spec.out_shape, 2, spec1.out_shape)),
                    evaluate=False,
                ),
                "transposed: columns deleted; $S^T$ inserts the zeros",
                DOIT,
            ),
        ),
        checks=(Check("$C_s = S C_1$ on random specs", random_lattices),),
        fact="T4",
    )


def backprop_theorem() -> Derivation:
    conv = SymbolicConv.general()
    o, k, i, j, m = (conv.indices(x) for x in "okijm")
    w = sympy.Symbol("w", integer=True, positive=True)
    # the sliding window with X zero-extended beyond the input (that is the zero padding)
    output = Sum(W[k] * Sum(conv.delta(i, o, k) * X[i], (i[0], -oo, oo)), *conv.taps(k))
    loss_gradient_x = Sum(G[o] * sympy.Derivative(output, X[j]), *conv.outputs(o, w))
    loss_gradient_w = Sum(G[o] * sympy.Derivative(output, W[m]), *conv.outputs(o, w))

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
                Sum(G[o] * conv.entry(o, j, k), *conv.outputs(o, w)),
                "chain rule; $\\partial X_i / \\partial X_j = \\delta_{i,j}$ collapses the sum over $i$",
                COLLAPSE,
            ),
            Step(
                None,
                Sum(conv.entry_symbol(o, j, k) * G[o], *conv.outputs(o, w)),
                "$= \\sum_o C_{o,j} G_o = (C^T G)_j$: a transposed convolution of $G$",
                DEFINITIONS_SUBSTITUTED.then(SUMS),
            ),
            Step(
                loss_gradient_w,
                Sum(
                    G[o]
                    * Piecewise((X[conv.position(o, m)], (m[0] >= 0) & (m[0] <= conv.kernel_size[0] - 1)), (0, True)),
                    *conv.outputs(o, w),
                ),
                "$\\partial W_k / \\partial W_m = \\delta_{k,m}$ for a tap $m$ of the kernel",
                COLLAPSE,
                display_rhs=written(
                    "Sum(Piecewise((G[o] * X[s*o - p + d*m], (m >= 0) & (m <= q - 1)), (0, True)), (o, 0, w - 1))",
                    G=G,
                    X=X,
                    o=o[0],
                    s=conv.stride[0],
                    p=conv.padding[0],
                    d=conv.dilation[0],
                    m=m[0],
                    q=conv.kernel_size[0],
                    w=w,
                ),
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
