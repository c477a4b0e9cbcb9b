r"""Output sizes (T6): the seminar's derivation of ``w = (h-1)s - 2p + q`` and the theorems around it.

- ``transposed-size``: the seminar's five steps, then the general form with ``d`` and ``a``;
- ``conv-size``: where ``floor((h + 2p - d(q-1) - 1)/s) + 1`` comes from;
- ``size-inverse``: the transposed convolution inverts the size map when ``a < s``;
- ``size-ambiguity``: exactly ``s`` input sizes give the same output; ``a = (h + 2p - d(q-1) - 1) mod s``
  picks the one you started from;
- ``same-padding``: total ``d(q-1)``, PyTorch's split, output ``h``;
- ``receptive-field``: the recursion, from composing index maps.

The builders take optional numbers, so that ``symconv size --explain`` shows the same steps
with the numbers put in.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import sympy

from symconv import ConvSpec, conv_output_size, input_position, transposed_output_size
from symconv.proof import DOIT_EXPAND, EXPAND, Check, Derivation, Step, integer_parts, require, written
from symconv.proof.display import unevaluated as _unevaluated
from symconv.proof.run import run
from symconv.receptive import ReceptiveField, receptive_field, receptive_step
from symconv.recipe import padded_length, recipe_padding, zero_inserted_length
from symconv.symbols import symbols

h, q, s, w, o = symbols("h q s w o", integer=True, positive=True)
d = sympy.Symbol("d", integer=True, positive=True)
p = sympy.Symbol("p", integer=True, nonnegative=True)
a = sympy.Symbol("a", integer=True, nonnegative=True)
LETTERS = {"h": h, "q": q, "s": s, "p": p, "d": d, "a": a, "U": sympy.UnevaluatedExpr}


def _put(expr: Any, values: dict[str, Any] | None) -> Any:
    """``expr`` with the numbers put in, left unevaluated so the arithmetic stays visible."""
    if not values:
        return expr
    with _unevaluated():
        return expr.xreplace({LETTERS[k]: sympy.sympify(v) for k, v in values.items()})


def unevaluated(build: Any) -> Any:
    """``build()`` with SymPy's evaluation off: the formula as written, numbers and all."""
    with _unevaluated():
        return build()


def transposed_size_derivation(values: dict[str, Any] | None = None) -> Derivation:
    """The seminar's T6, then the general form; ``values`` (``{"h": 2, ...}``) puts numbers in:
    each step then reads "formula with the numbers = value"."""
    A = lambda *terms: sympy.Add(*terms, evaluate=False)  # noqa: E731  (as the seminar writes it)
    M = lambda *factors: sympy.Mul(*factors, evaluate=False)  # noqa: E731
    gap = A(q, -1, -p)
    zeros = A(h, M(A(h, -1), A(s, -1)))
    spread = A(M(A(h, -1), s), 1)
    total = M(2, gap)
    transformed = A(M(A(h, -1), s), 1, M(2, gap))
    output = A(M(A(h, -1), s), 1, M(2, gap), M(-1, A(q, -1)))
    seminar = A(M(A(h, -1), s), M(-2, p), q)
    general = A(M(A(h, -1), s), M(-2, p), M(d, A(q, -1)), a, 1)
    # the same stages from the library's recipe (symconv.recipe), which conv_transpose computes with
    library_spread = zero_inserted_length(h, s)
    library_total = 2 * recipe_padding(q, p)
    library_transformed = padded_length(h, q, s, p)
    library_output = conv_output_size(library_transformed, q)  # a stride-1 convolution, q-wide kernel
    with _unevaluated():  # the dilated kernel slides with stride 1 over the padded input
        library_general = conv_output_size(padded_length(h, q, s, p, d, a), q, 1, 0, d)
    if values:
        number = lambda e: _put(e, values).doit()  # noqa: E731
        rows = [
            (spread, library_spread, "zeros inserted: $(h-1)s + 1$"),
            (total, library_total, "total padding: $2(q - 1 - p)$"),
            (transformed, library_transformed, "transformed input: $w' = (h-1)s + 1 + 2(q-1-p)$"),
            (output, library_output, "stride-1 convolution: $w = w' - (q - 1)$"),
            (general, library_general, "in general: $w = (h-1)s - 2p + d(q-1) + a + 1$"),
        ]
        steps = tuple(Step(_put(e, values), number(value), text, EXPAND) for e, value, text in rows)
    else:
        W = lambda text: written(text, **LETTERS)  # noqa: E731  (the seminar's order, checked equal)
        steps = (
            Step(
                zeros,
                library_spread,
                "inputs with $s - 1$ zeros in each of the $h - 1$ gaps",
                EXPAND,
                display_lhs=zeros,
                display_rhs=W("(h - 1)*s + 1"),
            ),
            Step(
                A(gap, gap),
                library_total,
                "padding $q - 1 - p$ on each side",
                EXPAND,
                display_lhs=W("2*(q - 1 - p)"),
                display_rhs=W("2*q - 2 - 2*p"),
            ),
            Step(
                A(spread, total),
                library_transformed,
                "the transformed input $w'$",
                EXPAND,
                display_lhs=transformed,
                display_rhs=W("(h - 1)*s - 2*p + 2*q - 1"),
            ),
            Step(
                output,
                library_output,
                "a stride-1 convolution with a $q$-wide kernel: $w = w' - (q - 1)$",
                EXPAND,
                display_lhs=output,
                display_rhs=seminar,
            ),
            Step(
                library_general,
                transposed_output_size(h, q, s, p, d, a),
                "with dilation $d$ (kernel span $d(q-1) + 1$) and output padding $a$: the size formula",
                EXPAND,
                display_lhs=W("(h - 1)*s + 1 + 2*(d*(q - 1) - p) + a - d*(q - 1)"),
                display_rhs=W("(h - 1)*s - 2*p + d*(q - 1) + a + 1"),
            ),
        )
    return Derivation(
        name="transposed-size",
        title="T6: the transposed convolution's output size, $w = (h-1)s - 2p + q$",
        statement=(
            "Input $h$, kernel $q$, stride $s$, padding $p$: insert the zeros, pad, and slide a $q$-wide "
            "kernel with stride 1. With dilation $d$ the kernel spans $d(q-1) + 1$; output padding $a$ "
            "adds zeros at one end. The stages' lengths are the library's recipe."
        ),
        steps=steps,
        checks=(Check("the stages of the recipe have these lengths", _stage_lengths),),
        fact="T6",
    )


def _stage_lengths(rng: random.Random, count: int = 60) -> str:
    from symconv import TransposedConvSpec, recipe_stages

    for _ in range(count):
        h_, q_, s_, d_ = rng.randint(1, 5), rng.randint(1, 4), rng.randint(1, 3), rng.randint(1, 3)
        a_ = rng.randint(0, max(s_, d_) - 1)
        p_ = rng.randint(0, max(0, ((h_ - 1) * s_ + d_ * (q_ - 1) + a_) // 2))
        t = TransposedConvSpec(h_, q_, stride=s_, padding=p_, dilation=d_, output_padding=a_)
        lengths = [stage.array.shape[0] for stage in recipe_stages(t, list(range(h_)))]
        require(
            lengths
            == [
                h_,
                (h_ - 1) * s_ + 1,
                (h_ - 1) * s_ + 1 + 2 * (d_ * (q_ - 1) - p_) + a_,
                (h_ - 1) * s_ - 2 * p_ + d_ * (q_ - 1) + a_ + 1,
            ],
            (str(t), lengths),
        )
    return f"{count} random specs: input, zeros inserted, padded, output"


def conv_size_derivation(values: dict[str, Any] | None = None) -> Derivation:
    """Where the convolution's size formula comes from; ``values`` puts numbers in."""
    A = lambda *terms: sympy.Add(*terms, evaluate=False)  # noqa: E731
    M = lambda *factors: sympy.Mul(*factors, evaluate=False)  # noqa: E731
    padded = A(h, M(2, p))
    span = A(M(d, A(q, -1)), 1)
    starts = A(h, M(2, p), M(-1, d, A(q, -1)))
    output = A(
        sympy.floor(M(A(h, M(2, p), M(-1, d, A(q, -1)), -1), sympy.Pow(s, -1, evaluate=False)), evaluate=False), 1
    )
    if values:
        number = lambda e: _put(e, values).doit()  # noqa: E731
        rows = [
            (padded, "the padded input: $h + 2p$"),
            (span, "the dilated kernel spans $d(q-1) + 1$"),
            (starts, "window starts: $h + 2p - d(q-1)$"),
            (output, "every $s$-th start: $\\lfloor (h + 2p - d(q-1) - 1)/s \\rfloor + 1$"),
        ]
        steps = tuple(Step(_put(e, values), number(e), text, EXPAND) for e, text in rows)
    else:
        steps = (
            Step(
                A(padded, M(-1, span), 1),
                starts,
                "window starts in the padded input",
                EXPAND,
                display_lhs=A(padded, M(-1, span), 1),
                display_rhs=written("h + 2*p - d*(q - 1)", **LETTERS),
            ),
            Step(
                output,
                conv_output_size(h, q, s, p, d),
                "starts $0, s, 2s, \\dots$ up to the last one",
                EXPAND,
                # the number of starts, h + 2p - d(q-1), kept as one term: every s-th of them
                display_lhs=sympy.Add(
                    sympy.floor(
                        sympy.Mul(
                            sympy.Add(
                                sympy.UnevaluatedExpr(written("h + 2*p - d*(q - 1)", **LETTERS)), -1, evaluate=False
                            ),
                            sympy.Pow(s, -1),
                            evaluate=False,
                        ),
                        evaluate=False,
                    ),
                    1,
                    evaluate=False,
                ),
                display_rhs=output,
            ),
        )
    return Derivation(
        name="conv-size",
        title="The convolution's output size, $\\lfloor (h + 2p - d(q-1) - 1)/s \\rfloor + 1$",
        statement=(
            "The padded input has $h + 2p$ positions; the dilated kernel spans $d(q-1) + 1$ of them; a "
            "window can start at $h + 2p - d(q-1)$ positions, of which stride $s$ keeps every $s$-th."
        ),
        steps=steps,
    )


def size_derivation(values: Mapping[str, Any], *, transposed: bool = False) -> Derivation:
    """The derivation of one dimension's output size with ``values`` (``{"h": 2, "q": 3, ...}``, as in
    :attr:`symconv.sizes.OutputSizes.dimensions`) put in; the seminar's own derivation when every
    value is its own letter or the default (``d = 1``, ``a = 0``).

    >>> size_derivation({"h": 2, "q": 3, "s": 2, "p": 1, "d": 1, "a": 0}, transposed=True).steps[-1].rhs
    3
    """
    defaults = {"d": 1, "a": 0}
    given = {letter: value for letter, value in values.items() if transposed or letter != "a"}
    if all(
        isinstance(value, sympy.Symbol) and value.name == letter or value == defaults.get(letter)
        for letter, value in given.items()
    ):
        given = {}  # the seminar's own letters: the derivation as the seminar writes it
    return (transposed_size_derivation if transposed else conv_size_derivation)(given or None)


def inverse_theorem() -> Derivation:
    n = (h - 1) * s + a
    return Derivation(
        name="size-inverse",
        title="The transposed convolution inverts the size map when $a < s$",
        statement=(
            "$\\lfloor (w + 2p - d(q-1) - 1)/s \\rfloor + 1 = h$ for $w = (h-1)s - 2p + d(q-1) + a + 1$ "
            "and $0 \\le a < s$."
        ),
        steps=(
            Step(
                unevaluated(lambda: conv_output_size(transposed_output_size(h, q, s, p, d, a), q, s, p, d)),
                sympy.floor(n / s) + 1,
                "$w + 2p - d(q-1) - 1 = (h-1)s + a$",
                EXPAND,
                display_lhs=written(
                    "floor((U((h - 1)*s - 2*p + d*(q - 1) + a + 1) + 2*p - d*(q - 1) - 1)/s) + 1", **LETTERS
                ),
                display_rhs=written("floor(((h - 1)*s + a)/s) + 1", **LETTERS),
            ),
            Step(
                None,
                h,
                "$\\lfloor h - 1 + a/s \\rfloor = h - 1$ because $0 \\le a/s < 1$",
                integer_parts((a, 0, s - 1)),
            ),
        ),
        hypotheses=sympy.StrictLessThan(a, s),
        checks=(
            Check.exhaustive(
                "the convolution's size of the transposed size is $h$",
                r"$h \le 12$, $q \le 5$, $s \le 4$, $p \le 3$, $d \le 3$, $a < s$",
                _inverse_exhaustive,
            ),
        ),
    )


def _inverse_exhaustive(rng: random.Random) -> str:
    count = 0
    for h_ in range(1, 13):
        for q_ in range(1, 6):
            for s_ in range(1, 5):
                for p_ in range(4):
                    for d_ in range(1, 4):
                        for a_ in range(s_):
                            w_ = (h_ - 1) * s_ - 2 * p_ + d_ * (q_ - 1) + a_ + 1
                            if w_ < 1:
                                continue
                            require(conv_output_size(w_, q_, s_, p_, d_) == h_, (h_, q_, s_, p_, d_, a_))
                            count += 1
    return f"{count} integer cases"


def ambiguity_theorem() -> Derivation:
    n = h + 2 * p - d * (q - 1) - 1
    first = transposed_output_size(o, q, s, p, d, 0)
    last = transposed_output_size(o, q, s, p, d, s - 1)
    return Derivation(
        name="size-ambiguity",
        title="Exactly $s$ input sizes give the same output; $a = (h + 2p - d(q-1) - 1) \\bmod s$ picks one",
        statement=(
            "The sizes $(o-1)s - 2p + d(q-1) + 1 + a$, $0 \\le a < s$, all give output $o$; the size before "
            "them gives $o - 1$ and the one after gives $o + 1$; they are $s$ consecutive sizes, and the size "
            "map is nondecreasing ($\\lfloor \\cdot \\rfloor$ is), so these $s$ are all, for every $q, s, p, d$. "
            "The output padding $a = (h + 2p - d(q-1) - 1) \\bmod s$ recovers $h$."
        ),
        steps=(
            Step(
                unevaluated(lambda: conv_output_size(transposed_output_size(o, q, s, p, d, a), q, s, p, d)),
                o,
                "each of the sizes, $0 \\le a \\le s - 1$, gives $o$",
                integer_parts((a, 0, s - 1)),
                display_lhs=written(
                    "floor((U((o - 1)*s - 2*p + d*(q - 1) + 1 + a) + 2*p - d*(q - 1) - 1)/s) + 1", o=o, **LETTERS
                ),
                where=sympy.StrictLessThan(a, s),
            ),
            Step(
                sympy.Add(last, sympy.Mul(-1, first, evaluate=False), 1, evaluate=False),
                s,
                "they are $s$ consecutive sizes",
                EXPAND,
                display_lhs=written(
                    "U((o - 1)*s - 2*p + d*(q - 1) + 1 + U(s - 1)) - ((o - 1)*s - 2*p + d*(q - 1) + 1) + 1",
                    o=o,
                    **LETTERS,
                ),
            ),
            Step(
                conv_output_size(first - 1, q, s, p, d),
                o - 1,
                "one size less gives $o - 1$",
                integer_parts(),
                display_lhs=written("floor(((o - 1)*s - 1)/s) + 1", o=o, **LETTERS),
            ),
            Step(
                conv_output_size(last + 1, q, s, p, d),
                o + 1,
                "one size more gives $o + 1$",
                integer_parts(),
                display_lhs=written("floor(((o - 1)*s + s)/s) + 1", o=o, **LETTERS),
            ),
            Step(
                transposed_output_size(conv_output_size(h, q, s, p, d), q, s, p, d, sympy.Mod(n, s)),
                h,
                "$s \\lfloor n/s \\rfloor + (n \\bmod s) = n$ for $n = h + 2p - d(q-1) - 1$",
                integer_parts(),
                display_lhs=written(
                    "s*floor((h + 2*p - d*(q - 1) - 1)/s) + Mod(h + 2*p - d*(q - 1) - 1, s) - 2*p + d*(q - 1) + 1",
                    Mod=lambda x, m: sympy.Mod(x, m, evaluate=False),
                    floor=lambda x: sympy.floor(x, evaluate=False),
                    **LETTERS,
                ),
            ),
        ),
        checks=(
            Check.exhaustive(
                "preimages counted: each output has $s$ input sizes, $a$ picks each one",
                r"$q, s \le 4$, $p \le 2$, $d \le 2$, $h < 40$",
                _ambiguity_exhaustive,
            ),
        ),
    )


def _ambiguity_exhaustive(rng: random.Random) -> str:
    count = 0
    for q_ in range(1, 5):
        for s_ in range(1, 5):
            for p_ in range(3):
                for d_ in range(1, 3):
                    smallest = max(1, d_ * (q_ - 1) + 1 - 2 * p_)
                    preimages: dict[int, list[int]] = {}
                    for h_ in range(smallest, 40):
                        preimages.setdefault(conv_output_size(h_, q_, s_, p_, d_), []).append(h_)
                    for o_, sizes in list(preimages.items())[:-1]:  # the last output may lack larger inputs
                        # the s candidates (o-1)s - 2p + d(q-1) + 1 + a, minus those too small to be inputs
                        candidates = [(o_ - 1) * s_ - 2 * p_ + d_ * (q_ - 1) + 1 + a_ for a_ in range(s_)]
                        require(sizes == [c for c in candidates if c >= smallest], (q_, s_, p_, d_, o_, sizes))
                        for h_ in sizes:
                            a_ = (h_ + 2 * p_ - d_ * (q_ - 1) - 1) % s_
                            require(transposed_output_size(o_, q_, s_, p_, d_, a_) == h_, (o_, q_, s_, p_, d_, a_, h_))
                            count += 1
    return f"{count} input sizes"


def same_padding_theorem() -> Derivation:
    total = d * (q - 1)
    before = sympy.floor(total / 2)
    after = total - before
    return Derivation(
        name="same-padding",
        title="Same padding (stride 1): total $d(q-1)$, $\\lfloor d(q-1)/2 \\rfloor$ before, the rest after",
        statement=(
            "PyTorch pads $\\lfloor d(q-1)/2 \\rfloor$ before and the rest after (the extra zero goes "
            "after, as in TensorFlow); the output keeps the input's size."
        ),
        steps=(
            Step(
                sympy.Add(before, after, evaluate=False),
                total,
                "the two sides add up to $d(q-1)$",
                EXPAND,
                display_lhs=written(  # before, then after, as PyTorch pads them
                    "floor(d*(q - 1)/2) + U(d*(q - 1) - floor(d*(q - 1)/2))",
                    floor=lambda x: sympy.floor(x, evaluate=False),
                    **LETTERS,
                ),
            ),
            Step(
                unevaluated(lambda: conv_output_size(h, q, 1, (before, after), d)),
                h,
                "stride 1: $h + d(q-1) - d(q-1) - 1 + 1 = h$",
                EXPAND,
                display_lhs=written(
                    "h + floor(d*(q - 1)/2) + U(d*(q - 1) - floor(d*(q - 1)/2)) - d*(q - 1) - 1 + 1",
                    floor=lambda x: sympy.floor(x, evaluate=False),
                    **LETTERS,
                ),
            ),
            Step(
                after - before, sympy.Mod(total, 2), "the extra zero, when $d(q-1)$ is odd, goes after", integer_parts()
            ),
        ),
        checks=(
            Check.exhaustive("“same” padding keeps the size", r"$h \le 9$, $q \le 5$, $d \le 3$", _same_exhaustive),
        ),
    )


def _same_exhaustive(rng: random.Random) -> str:
    count = 0
    for h_ in range(1, 10):
        for q_ in range(1, 6):
            for d_ in range(1, 4):
                spec = ConvSpec(h_, q_, padding="same", dilation=d_)
                require(spec.out_shape == (h_,) and spec.padding_before[0] == d_ * (q_ - 1) // 2, str(spec))
                count += 1
    return f"{count} specs"


def receptive_field_theorem() -> Derivation:
    o_, k1, k2 = symbols("o k1 k2", integer=True)
    s1, s2, q1, q2, d1, d2 = symbols("s1 s2 q1 q2 d1 d2", integer=True, positive=True)
    p1, p2 = symbols("p1 p2", integer=True, nonnegative=True)
    # the input position reached from output o of layer 2 through taps k2 and k1: the index maps composed
    position = input_position(input_position(o_, k2, s2, p2, d2), k1, s1, p1, d1)
    one = receptive_step(ReceptiveField(1, 1, 0), q1, s1, p1, d1)
    two = receptive_step(one, q2, s2, p2, d2)
    span = position.subs({k1: q1 - 1, k2: q2 - 1}) - position.subs({k1: 0, k2: 0})
    letters: dict[str, Any] = {str(x): x for x in (o_, k1, k2, s1, s2, q1, q2, d1, d2, p1, p2)}
    letters["U"] = sympy.UnevaluatedExpr  # a part kept in parentheses, as written
    W = lambda text: written(text, **letters)  # noqa: E731
    return Derivation(
        name="receptive-field",
        title="Receptive field and jump: $r_l = r_{l-1} + (k_l - 1) j_{l-1}$, $j_l = j_{l-1} s_l$",
        statement=(
            "Composing the index maps of two layers, output $o$ reads input "
            "$s_1(s_2 o - p_2 + d_2 k_2) - p_1 + d_1 k_1$: the coefficient of $o$ is the jump, the spread "
            "over the taps plus one is the receptive field, the value at $o = 0$ and no taps the start."
        ),
        steps=(
            Step(
                sympy.Add(position.xreplace({o_: o_ + 1}), sympy.Mul(-1, position, evaluate=False), evaluate=False),
                two.jump,
                "jump: the next output reads $j_2 = s_1 s_2$ positions further",
                EXPAND,
                display_lhs=W("U(s1*(s2*(o + 1) - p2 + d2*k2) - p1 + d1*k1) - (s1*(s2*o - p2 + d2*k2) - p1 + d1*k1)"),
                display_rhs=W("s1*s2"),
            ),
            Step(
                span + 1,
                two.size,
                "receptive field: $r_2 = 1 + d_1(q_1 - 1) + d_2(q_2 - 1) s_1$",
                EXPAND,
                display_lhs=W("U(s1*(s2*o - p2 + d2*(q2 - 1)) - p1 + d1*(q1 - 1)) - (s1*(s2*o - p2) - p1) + 1"),
                display_rhs=W("1 + d1*(q1 - 1) + d2*(q2 - 1)*s1"),
            ),
            Step(
                sympy.Subs(position, (o_, k1, k2), (0, 0, 0)),
                two.start,
                "start: $-(p_1 + s_1 p_2)$",
                DOIT_EXPAND,
                display_lhs=sympy.Subs(W("s1*(s2*o - p2 + d2*k2) - p1 + d1*k1"), (o_, k1, k2), (0, 0, 0)),
                display_rhs=W("-U(p1 + s1*p2)"),
            ),
        ),
        checks=(Check("the receptive field against composed index maps of random stacks", _receptive_check),),
    )


def _receptive_check(rng: random.Random, count: int = 40) -> str:
    for _ in range(count):
        layers = []
        size = rng.randint(12, 30)
        for _ in range(rng.randint(1, 3)):
            q_, d_ = rng.randint(1, 3), rng.randint(1, 2)
            if d_ * (q_ - 1) + 1 > size:
                break
            spec = ConvSpec(size, q_, stride=rng.randint(1, 2), padding=rng.randint(0, 1), dilation=d_)
            layers.append(spec)
            size = spec.out_shape[0]
        if not layers:
            continue
        # positions of the input reached from output 0 and output 1 (padding positions included)
        reach = {0: {0}, 1: {1}}
        for spec in reversed(layers):
            s_, p_, d_, q_ = spec.stride[0], spec.padding_before[0], spec.dilation[0], spec.kernel_shape[0]
            reach = {
                key: {input_position(x, k, s_, p_, d_) for x in xs for k in range(q_)} for key, xs in reach.items()
            }
        field = receptive_field(layers)[0]
        require(max(reach[0]) - min(reach[0]) + 1 == field.size and min(reach[0]) == field.start, (layers, field))
        require(min(reach[1]) - min(reach[0]) == field.jump, (layers, field))
    return f"{count} random stacks of 1–3 layers"


def derivations() -> list[Derivation]:
    return [
        transposed_size_derivation(),
        conv_size_derivation(),
        inverse_theorem(),
        ambiguity_theorem(),
        same_padding_theorem(),
        receptive_field_theorem(),
    ]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
