import itertools
import time

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from numpy_reference import conv, numeric_matrix
from sympy import IndexedBase

from symconv import ConvSpec, conv_matrix, kernel_symbols, vec
from symconv.sparse import nonzero_rows
from symconv.strategies import conv_specs, inputs, kernels

W = IndexedBase("W")


def test_the_slide_matrix():
    rows = [
        "W00 W01 W02 0 W10 W11 W12 0 W20 W21 W22 0 0 0 0 0",
        "0 W00 W01 W02 0 W10 W11 W12 0 W20 W21 W22 0 0 0 0",
        "0 0 0 0 W00 W01 W02 0 W10 W11 W12 0 W20 W21 W22 0",
        "0 0 0 0 0 W00 W01 W02 0 W10 W11 W12 0 W20 W21 W22",
    ]
    slide = sympy.Matrix([[W[int(c[1]), int(c[2])] if c != "0" else 0 for c in r.split()] for r in rows])
    C = conv_matrix(ConvSpec((4, 4), (3, 3)))
    assert C.shape == (4, 16)
    assert C == slide


def test_held_sparse():
    C = conv_matrix(ConvSpec((32, 32), (3, 3)))
    assert C._rep.rep.fmt == "sparse"
    assert sum(len(r) for r in nonzero_rows(C).values()) == 30 * 30 * 9
    assert C.T._rep.rep.fmt == "sparse"


@given(st.data(), conv_specs())
def test_matrix_times_input_is_the_convolution(data, spec):
    w = data.draw(kernels(spec))
    x = data.draw(inputs(spec))
    C = numeric_matrix(conv_matrix(spec, w))
    assert C.shape == (np.prod(spec.out_shape), np.prod(spec.input_shape))
    assert np.array_equal(C @ x.astype(float).ravel(), conv(spec, x, w).ravel())


@given(conv_specs(max_size=6))
def test_entries_follow_the_index_formula(spec):
    """C[o, i] = W[k] exactly when i = s o - p + d k (per dimension), 0 otherwise."""
    C = conv_matrix(spec)
    rows = nonzero_rows(C)
    for o in itertools.product(*[range(w) for w in spec.out_shape]):
        r = int(np.ravel_multi_index(o, spec.out_shape))
        expected = {}
        for k in itertools.product(*[range(q) for q in spec.kernel_shape]):
            i = [s * oj - p + d * kj for oj, kj, s, p, d in zip(o, k, spec.stride, spec.padding_before, spec.dilation)]
            if all(0 <= ij < h for ij, h in zip(i, spec.input_shape)):
                expected[int(np.ravel_multi_index(i, spec.input_shape))] = W[k]
        assert rows.get(r, {}) == expected


def _all_1d_specs():
    for h, q, s, p, d in itertools.product(range(1, 9), range(1, 5), range(1, 4), range(3), range(1, 3)):
        if d * (q - 1) + 1 <= h + 2 * p:
            yield ConvSpec(h, q, stride=s, padding=p, dilation=d)


def test_every_small_1d_spec():
    """Exhaustive: every valid 1-D spec with h <= 8, q <= 4, s <= 3, p <= 2, d <= 2."""
    rng = np.random.default_rng(0)
    count = 0
    for spec in _all_1d_specs():
        x = rng.integers(-5, 6, spec.input_shape)
        w = rng.integers(-5, 6, spec.kernel_shape)
        assert np.array_equal(numeric_matrix(conv_matrix(spec, w.tolist())) @ x, conv(spec, x, w)), spec
        count += 1
    assert count == 495  # all valid (h, q, s, p, d) in the ranges


def _grid_specs(ndim, sizes, kernels_, strides, paddings, dilations):
    for h, q, s, p, d in itertools.product(sizes, kernels_, strides, paddings, dilations):
        if d * (q - 1) + 1 <= h + 2 * p:
            yield ConvSpec((h,) * ndim, (q,) + (max(1, q - 1),) * (ndim - 1), stride=s, padding=p, dilation=d)


def _check_specs(specs):
    rng = np.random.default_rng(1)
    count = 0
    for spec in specs:
        x = rng.integers(-5, 6, spec.input_shape)
        w = rng.integers(-5, 6, spec.kernel_shape)
        got = numeric_matrix(conv_matrix(spec, w.tolist())) @ x.ravel()
        assert np.array_equal(got, conv(spec, x, w).ravel()), spec
        count += 1
    return count


def test_a_few_hundred_2d_and_3d_specs():
    n2 = _check_specs(_grid_specs(2, (3, 5, 6), (1, 2, 3), (1, 2, 3), (0, 1, 2), (1, 2)))
    n3 = _check_specs(_grid_specs(3, (3, 4), (1, 2, 3), (1, 2), (0, 1), (1, 2)))
    assert n2 + n3 >= 200


def _product_specs(ndim, sizes, kernels_, strides, paddings, dilations):
    """Kernel sizes chosen independently per dimension."""
    for h, q, s, p, d in itertools.product(
        sizes, itertools.product(kernels_, repeat=ndim), strides, paddings, dilations
    ):
        if all(d * (qj - 1) + 1 <= h + 2 * p for qj in q):
            yield ConvSpec((h,) * ndim, q, stride=s, padding=p, dilation=d)


@pytest.mark.slow
def test_sweep_2d_3d_slow():
    n2 = _check_specs(_product_specs(2, range(1, 9), range(1, 5), range(1, 4), range(3), range(1, 3)))
    n3 = _check_specs(_product_specs(3, range(2, 6), range(1, 4), range(1, 3), range(2), range(1, 3)))
    assert n2 + n3 > 2000


def test_kernel_forms_and_bad_kernels():
    spec = ConvSpec((3, 3), (2, 2))
    as_list = conv_matrix(spec, [[1, 2], [3, 4]])
    assert conv_matrix(spec, np.array([[1, 2], [3, 4]])) == as_list
    assert conv_matrix(spec, sympy.Array([[1, 2], [3, 4]])) == as_list
    a = sympy.Symbol("a")
    assert conv_matrix(spec, [[a, 0], [0, a**2]])[0, 0] == a
    from symconv import SpecError

    with pytest.raises(SpecError, match="kernel: has shape"):
        conv_matrix(spec, [[1, 2, 3]])
    with pytest.raises(SpecError, match="kernel"):
        conv_matrix(spec, [["x", object()], [1, 2]])


def test_zero_taps_are_not_stored():
    C = conv_matrix(ConvSpec(5, 3), [1, 0, 1])
    assert sum(len(r) for r in nonzero_rows(C).values()) == 6


def test_time_grows_with_nonzeros_not_cells():
    """64x64 -> 128x128 has 4x the non-zeros and 16x the cells: time must grow far less than 16x."""

    def best(n):
        spec = ConvSpec((n, n), (3, 3))
        times = []
        for _ in range(3):
            t = time.perf_counter()
            conv_matrix(spec)
            times.append(time.perf_counter() - t)
        return min(times)

    ratio = best(128) / best(64)
    assert ratio < 9, ratio


def test_vec_is_row_major():
    assert list(vec(kernel_symbols((2, 2)))) == [W[0, 0], W[0, 1], W[1, 0], W[1, 1]]
