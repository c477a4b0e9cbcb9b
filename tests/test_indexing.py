"""The symbolic vocabulary (symconv.indexing, symconv.recipe): printing, definitions, and one
definition shared by the numbers and the proofs."""

import random

import numpy as np
import pytest
import sympy
from sympy import IndexedBase, latex
from sympy.printing.latex import LatexPrinter

from symconv import ConvSpec, TransposedConvSpec, conv_matrix, index_map, recipe_stages, rotate_kernel
from symconv.errors import SpecError
from symconv.indexing import (
    DEFINITIONS,
    ConvEntry,
    RecipeInput,
    RotatedKernel,
    SymbolicConv,
    ZeroPadded,
    print_index,
    unfold,
)
from symconv.recipe import landing_position, padded_length, rotated_tap, zero_inserted_length

X, Y, W = IndexedBase("X"), IndexedBase("Y"), IndexedBase("W")
conv = SymbolicConv.general()
o, k, i, j, m, t = (conv.indices(letter) for letter in "okijmt")
h, q, s, p, d, a = (
    x[0] for x in (conv.input_size, conv.kernel_size, conv.stride, conv.padding, conv.dilation, conv.output_padding)
)


def test_the_seminar_notation_in_latex():
    assert latex(conv.padded(X, conv.position(o, k))) == r"X^{\text{pad}}_{s o - p + d k}"
    assert latex(conv.entry_symbol(o, i, k)) == "C_{o, i}"
    assert latex(conv.recipe_input(Y, (j[0] + d * m[0],), o)) == r"Y^{\text{ins}}_{j + d m}"
    assert latex(conv.rotated(W, m)) == r"W^{\text{rot}}_{m}"
    two = SymbolicConv.general(2)
    entry = two.entry_symbol(two.indices("o"), two.indices("i"), two.indices("k"))
    assert latex(entry) == "C_{(o_{0}, o_{1}), (i_{0}, i_{1})}"
    assert latex(two.padded(X, two.position(two.indices("o"), two.indices("k")))) == (
        r"X^{\text{pad}}_{s_{0} o_{0} - p_{0} + d_{0} k_{0}, s_{1} o_{1} - p_{1} + d_{1} k_{1}}"
    )


def test_the_seminar_notation_in_text():
    assert sympy.sstr(conv.padded(X, conv.position(o, k))) == "X_pad[s*o - p + d*k]"
    assert sympy.sstr(conv.entry_symbol(o, i, k)) == "C[o; i]"
    assert sympy.sstr(conv.rotated(W, m)) == "W_rot[m]"
    assert sympy.sstr(conv.recipe_input(Y, t, o)) == "Y_ins[t]"


@pytest.mark.parametrize(
    "expr, shown",
    [
        (lambda: s * o[0] - p + d * k[0], "s o - p + d k"),
        (lambda: m[0] + 1 - t[0], "m - t + 1"),
        (lambda: q - 1 - m[0], "q - m - 1"),
        (lambda: j[0] + d * m[0], "j + d m"),
        (lambda: j[0] + p - d * k[0], "j + p - d k"),
        (lambda: s * o[0] + d * (q - 1) - p, r"s o + d \left(q - 1\right) - p"),  # the landing: constants added first
        (lambda: o[0] ** 2 + 1, "o^{2} + 1"),  # not linear: as SymPy prints it
    ],
)
def test_indices_print_in_the_seminar_order(expr, shown):
    assert print_index(expr(), LatexPrinter()) == shown


def test_definitions_unfold():
    assert conv.padded(X, i).unfold() == sympy.Piecewise((X[i[0]], (i[0] >= 0) & (i[0] <= h - 1)), (0, True))
    assert conv.rotated(W, m).unfold() == W[q - 1 - m[0]]
    assert conv.entry(o, i, k) == sympy.Sum(
        W[k[0]] * sympy.KroneckerDelta(i[0], s * o[0] - p + d * k[0]), (k[0], 0, q - 1)
    )
    recipe = conv.recipe_input(Y, t, o).unfold()
    assert recipe.args[0][0] == sympy.Sum(
        sympy.KroneckerDelta(t[0], s * o[0] + d * (q - 1) - p) * Y[o[0]], (o[0], 0, h - 1)
    )
    assert recipe.args[0][1] == (t[0] >= 0) & (t[0] <= (h - 1) * s + 1 + 2 * (d * (q - 1) - p) + a - 1)
    nested = 2 * conv.padded(X, i) + conv.rotated(W, m)
    assert not unfold(nested).has(ZeroPadded, RotatedKernel)
    assert {cls for cls, _ in DEFINITIONS} == {ZeroPadded, RotatedKernel, ConvEntry, RecipeInput}


def test_objects_rebuild_from_their_args_and_keep_bound_variables_bound():
    entry = conv.entry_symbol(o, i, k)
    assert entry.func(*entry.args) == entry
    assert k[0] not in entry.free_symbols and {o[0], i[0], q, s, p, d} <= entry.free_symbols
    assert o[0] not in conv.recipe_input(Y, t, o).free_symbols
    assert conv.padded(X, i).xreplace({i[0]: 3}).unfold() == sympy.Piecewise((X[3], h >= 4), (0, True))
    assert entry.doit() == entry.unfold().doit()


def test_one_value_per_dimension():
    with pytest.raises(SpecError, match="indices"):
        conv.position((o[0], o[0]), k)
    with pytest.raises(SpecError, match="indices"):
        ZeroPadded(X, (i[0], i[0]), (h,))


def _written_out(expr):
    """Finite sums with numeric limits written out term by term (no delta summation)."""
    if isinstance(expr, sympy.Sum):
        body, limits = expr.function, list(expr.limits)
        variable, low, high = limits[-1]
        inner = sympy.Sum(body, *limits[:-1]) if len(limits) > 1 else body
        return sympy.Add(*[_written_out(inner.xreplace({variable: v})) for v in range(int(low), int(high) + 1)])
    if isinstance(expr, sympy.Basic) and expr.args and not isinstance(expr, sympy.Indexed):
        return expr.func(*[_written_out(x) for x in expr.args])
    return expr


def _spec(rng):
    n = rng.randint(1, 2)
    q_ = [rng.randint(1, 3) for _ in range(n)]
    d_ = [rng.randint(1, 2) for _ in range(n)]
    p_ = [rng.randint(0, 2) for _ in range(n)]
    h_ = [max(1, d_[x] * (q_[x] - 1) + 1 - 2 * p_[x]) + rng.randint(0, 3) for x in range(n)]
    return ConvSpec(h_, q_, stride=[rng.randint(1, 3) for _ in range(n)], padding=p_, dilation=d_)


@pytest.mark.parametrize("seed", range(8))
def test_the_numeric_map_and_the_symbolic_entry_are_one_definition(seed):
    spec = _spec(random.Random(seed))
    numbers = SymbolicConv(
        spec.input_shape, spec.kernel_shape, spec.stride, spec.padding_before, spec.dilation, (0,) * spec.ndim
    )
    taps = numbers.indices("k")
    imap = index_map(spec)
    for output, tap, inp in zip(imap.output, imap.tap, imap.input):
        assert numbers.position(tuple(int(x) for x in output), tuple(int(x) for x in tap)) == tuple(inp)
    C = conv_matrix(spec)
    outputs, inputs = list(np.ndindex(*spec.out_shape)), list(np.ndindex(*spec.input_shape))
    for r, output in enumerate(outputs):
        for c, inp in enumerate(inputs):
            entry = numbers.entry(tuple(int(x) for x in output), tuple(int(x) for x in inp), taps)
            assert _written_out(entry) == C[r, c]


@pytest.mark.parametrize("seed", range(8))
def test_the_recipe_puts_input_o_where_the_vocabulary_says(seed):
    rng = random.Random(seed)
    h_, q_, s_, d_ = rng.randint(1, 4), rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 3)
    a_ = rng.randint(0, max(s_, d_) - 1)
    p_ = rng.randint(0, max(0, min(2, ((h_ - 1) * s_ + d_ * (q_ - 1) + a_) // 2)))
    tspec = TransposedConvSpec(h_, q_, stride=s_, padding=p_, dilation=d_, output_padding=a_)
    values = list(range(1, h_ + 1))
    _, spread, padded, _ = (stage.array for stage in recipe_stages(tspec, values))
    assert spread.shape == (zero_inserted_length(h_, s_),)
    assert padded.shape == (padded_length(h_, q_, s_, p_, d_, a_),)
    expected = [0] * padded.shape[0]
    for o_, value in enumerate(values):
        position = landing_position(o_, q_, s_, p_, d_)
        if 0 <= position < len(expected):
            expected[position] = value
    assert list(padded) == expected
    # and the symbolic recipe input, with these numbers put in, holds the same values
    numbers = SymbolicConv((h_,), (q_,), (s_,), (p_,), (d_,), (a_,))
    symbolic = [_written_out(numbers.recipe_input(sympy.Array(values), (x,), o).unfold()) for x in range(len(expected))]
    assert symbolic == expected


def test_rotate_kernel_uses_the_rotated_tap():
    kernel = [[1, 2, 3], [4, 5, 6]]
    rotated = rotate_kernel(kernel)
    assert all(rotated[a_, b_] == kernel[rotated_tap(a_, 2)][rotated_tap(b_, 3)] for a_ in range(2) for b_ in range(3))
