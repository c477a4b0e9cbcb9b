import itertools

import numpy as np
import pytest
import sympy
from hypothesis import given
from sequences import first_difference

from symconv import ConvSpec, SpecError, TooLargeError, index_map, input_position, nonzero_count
from symconv.strategies import conv_specs


def brute_force(spec):
    """Every (output, tap) pair, kept when its input position is inside: by enumeration."""
    triples = []
    for o in itertools.product(*[range(w) for w in spec.out_shape]):
        for k in itertools.product(*[range(q) for q in spec.kernel_shape]):
            i = tuple(
                s * oj - p + d * kj for oj, kj, s, p, d in zip(o, k, spec.stride, spec.padding_before, spec.dilation)
            )
            if all(0 <= ij < h for ij, h in zip(i, spec.input_shape)):
                triples.append((o, k, i))
    return triples


@given(conv_specs(max_size=7))
def test_index_map_is_every_pair_inside_the_input(spec):
    m = index_map(spec)
    got = [(tuple(o), tuple(k), tuple(i)) for o, k, i in zip(m.output.tolist(), m.tap.tolist(), m.input.tolist())]
    # same triples, same order (output, then tap)
    assert (difference := first_difference(got, brute_force(spec))) is None, difference
    assert len(m) == nonzero_count(spec)


def test_flat_positions_are_row_major():
    m = index_map(ConvSpec((4, 4), (3, 3)))
    assert m.flat_output.tolist()[:9] == [0] * 9
    assert m.flat_input.tolist()[:9] == [0, 1, 2, 4, 5, 6, 8, 9, 10]
    assert m.flat_tap.tolist()[:9] == list(range(9))
    assert np.array_equal(m.flat_input, np.ravel_multi_index(tuple(m.input.T), (4, 4)))


def test_input_position_is_one_formula_for_numbers_and_symbols():
    o, k, s, p, d = sympy.symbols("o k s p d", integer=True)
    assert input_position(o, k, s, p, d) == s * o - p + d * k
    assert input_position(2, 1, 3, 1, 2) == 7


def test_too_large_is_refused_before_building():
    spec = ConvSpec((100000, 100000), (3, 3))
    with pytest.raises(TooLargeError, match="limit") as info:
        index_map(spec)
    assert isinstance(info.value, SpecError)
    assert len(index_map(ConvSpec((10, 10), 3), max_nonzeros=10**6)) == 8 * 8 * 9


def test_limit_from_environment(monkeypatch):
    monkeypatch.setenv("SYMCONV_MAX_NONZEROS", "10")
    with pytest.raises(TooLargeError):
        index_map(ConvSpec((4, 4), (3, 3)))


def test_a_wrong_triple_is_reported_in_one_line():
    """A failing comparison names the first wrong triple, without a diff of thousands of them."""
    spec = ConvSpec((7, 7, 7), (3, 3, 3))
    expected = brute_force(spec)
    wrong = list(expected)
    wrong[100] = ((0, 0, 0), (0, 0, 0), (1, 1, 1))
    assert first_difference(expected, brute_force(spec)) is None
    n = len(expected)
    assert (
        first_difference(wrong, expected)
        == f"item 100: got {wrong[100]!r}, expected {expected[100]!r} ({n} items each)"
    )
    assert first_difference(expected[:-1], expected).startswith(f"got {n - 1} items, expected {n}")
