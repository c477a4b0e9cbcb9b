import itertools

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from numpy_reference import numeric_matrix

from symconv import (
    ConvSpec,
    SpecError,
    TransposedConvSpec,
    conv_matrix,
    conv_transpose,
    input_symbols,
    kernel_symbols,
    recipe_stages,
    rotate_kernel,
    stride_selection,
    transposed_conv_matrix,
    zero_insert,
)
from symconv.strategies import inputs, kernels, transposed_specs


def scatter(tspec, y, w):
    """Independent reference: every input scatters its kernel, y[i s - p + d k] += x[i] w[k]."""
    y, w = np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    out = np.zeros(tspec.out_shape)
    for i in np.ndindex(*tspec.input_shape):
        for k in np.ndindex(*tspec.kernel_shape):
            j = tuple(ij * s - p + d * kj for ij, kj, s, p, d in zip(i, k, tspec.stride, tspec.padding, tspec.dilation))
            if all(0 <= jj < n for jj, n in zip(j, tspec.out_shape)):
                out[j] += y[i] * w[k]
    return out


def test_seminar_transposed_is_C_transposed():
    t = TransposedConvSpec((2, 2), (3, 3))
    assert t.out_shape == (4, 4) and t.forward() == ConvSpec((4, 4), (3, 3))
    T = transposed_conv_matrix(t)
    assert T.shape == (16, 4)
    assert T == conv_matrix(ConvSpec((4, 4), (3, 3))).T


@given(transposed_specs())
def test_matrix_is_transpose_of_forward_rows(tspec):
    forward = tspec.forward()
    C = conv_matrix(forward)
    T = transposed_conv_matrix(tspec)
    assert T.shape == (int(np.prod(tspec.out_shape)), int(np.prod(tspec.input_shape)))
    # the rows of C that belong to the h inputs, transposed
    keep = [int(np.ravel_multi_index(o, forward.out_shape)) for o in np.ndindex(*tspec.input_shape)]
    assert T == C.extract(keep, list(range(C.cols))).T
    if all(a < s for a, s in zip(tspec.output_padding, tspec.stride)):
        assert forward.out_shape == tspec.input_shape and T == C.T


@given(st.data(), transposed_specs())
def test_matrix_and_recipe_agree_with_scatter(data, tspec):
    w, y = data.draw(kernels(tspec)), data.draw(inputs(tspec))
    expected = scatter(tspec, y, w)
    assert np.array_equal(numeric_matrix(transposed_conv_matrix(tspec, w)) @ y.astype(float).ravel(), expected.ravel())
    recipe = np.array(conv_transpose(tspec, y, w).tolist(), dtype=float)
    assert recipe.shape == tspec.out_shape and np.array_equal(recipe, expected)


@given(transposed_specs(max_ndim=2, max_size=4, max_kernel=3))
def test_symbolic_recipe_equals_matrix(tspec):
    Y = input_symbols(tspec.input_shape, "Y")
    recipe = list(conv_transpose(tspec, Y).reshape(int(np.prod(tspec.out_shape))))
    product = list(transposed_conv_matrix(tspec) * sympy.Matrix(list(Y.reshape(len(Y)))))
    assert [sympy.expand(a - b) for a, b in zip(recipe, product)] == [0] * len(recipe)


def test_the_unrotated_kernel_is_wrong():
    t = TransposedConvSpec(2, 2)
    W = sympy.IndexedBase("W")
    Y = input_symbols(2, "Y")
    assert list(conv_transpose(t, Y)) == [W[0] * Y[0], W[0] * Y[1] + W[1] * Y[0], W[1] * Y[1]]
    assert rotate_kernel(kernel_symbols(2)).tolist() == [W[1], W[0]]


def test_recipe_stages_of_the_seminar_case():
    stages = recipe_stages(TransposedConvSpec((2, 2), (3, 3), stride=2, padding=1), input_symbols((2, 2), "Y"))
    assert [s.name for s in stages] == ["input", "zeros inserted", "padded", "output"]
    assert [s.array.shape for s in stages] == [(2, 2), (3, 3), (5, 5), (3, 3)]
    Y = sympy.IndexedBase("Y")
    assert stages[1].array.tolist() == [[Y[0], 0, Y[1]], [0, 0, 0], [Y[2], 0, Y[3]]]


def test_negative_border_crops():
    # d(q-1) - p = 1 - 3 < 0: the spread input is cropped
    t = TransposedConvSpec(4, 2, stride=2, padding=3)
    assert t.out_shape == (2,)
    assert np.array_equal(
        np.array(conv_transpose(t, [1, 2, 3, 4], [1, 10]).tolist(), dtype=float), scatter(t, [1, 2, 3, 4], [1, 10])
    )


@pytest.mark.parametrize(
    "kwargs, parameter",
    [
        (dict(input_shape=4, kernel_shape=3, stride=2, output_padding=2), "output_padding"),
        (dict(input_shape=4, kernel_shape=3, stride=2, dilation=2, output_padding=2), "output_padding"),
        (dict(input_shape=1, kernel_shape=1, padding=1), "padding"),
        (dict(input_shape=4, kernel_shape=3, padding="same"), "padding"),
        (dict(input_shape=4, kernel_shape=3, output_padding=-1), "output_padding"),
        (dict(input_shape=(4, 4), kernel_shape=3, output_padding=(0, 0, 0)), "output_padding"),
    ],
)
def test_invalid_transposed_specs(kwargs, parameter):
    with pytest.raises(SpecError) as info:
        TransposedConvSpec(**kwargs)
    assert str(info.value).startswith(parameter + ":")


def test_output_padding_beyond_stride_with_dilation():
    t = TransposedConvSpec(3, 3, stride=1, dilation=3, output_padding=2)
    assert t.out_shape == (11,) and t.forward().out_shape == (5,)
    assert transposed_conv_matrix(t).shape == (11, 3)


def test_lattice_matrices():
    S = stride_selection((2, 2), 2, (3, 4))
    assert S.shape == (4, 12)
    assert [c for r in range(4) for c in range(12) if S[r, c] == 1] == [0, 2, 8, 10]
    assert zero_insert((2, 2), 2, (3, 4)) == S.T


@given(st.integers(1, 6), st.integers(1, 4), st.integers(1, 3), st.integers(0, 2), st.integers(1, 2))
def test_strided_matrix_is_selected_rows(h, q, s, p, d):
    if d * (q - 1) + 1 > h + 2 * p:
        return
    Cs = conv_matrix(ConvSpec(h, q, stride=s, padding=p, dilation=d))
    spec1 = ConvSpec(h, q, stride=1, padding=p, dilation=d)
    S = stride_selection(Cs.rows, s, spec1.out_shape)
    assert Cs == S * conv_matrix(spec1)


def _all_1d_transposed(max_h, max_q, max_s, max_p, max_d):
    for h, q, s, p, d in itertools.product(
        range(1, max_h + 1), range(1, max_q + 1), range(1, max_s + 1), range(max_p + 1), range(1, max_d + 1)
    ):
        for a in range(max(s, d)):
            if (h - 1) * s - 2 * p + d * (q - 1) + a + 1 >= 1:
                yield TransposedConvSpec(h, q, stride=s, padding=p, dilation=d, output_padding=a)


def _check_transposed(specs):
    from symconv import subpixel_conv_transpose

    rng = np.random.default_rng(2)
    count = 0
    for t in specs:
        y, w = rng.integers(-5, 6, t.input_shape), rng.integers(-5, 6, t.kernel_shape)
        expected = scatter(t, y, w)
        assert np.array_equal(numeric_matrix(transposed_conv_matrix(t, w.tolist())) @ y, expected), t
        assert np.array_equal(np.array(conv_transpose(t, y, w).tolist(), dtype=float), expected), t
        assert np.array_equal(np.array(subpixel_conv_transpose(t, y, w).tolist(), dtype=float), expected), t
        count += 1
    return count


def test_every_small_1d_transposed_spec():
    """Exhaustive: h <= 4, q <= 3, s <= 3, p <= 2, d <= 3, every valid output padding."""
    assert _check_transposed(_all_1d_transposed(4, 3, 3, 2, 3)) == 699


@pytest.mark.slow
def test_every_1d_transposed_spec_slow():
    assert _check_transposed(_all_1d_transposed(8, 5, 4, 3, 3)) == 5128
