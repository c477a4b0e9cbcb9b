import numpy as np
import sympy
from hypothesis import given
from hypothesis import strategies as st
from numpy_reference import conv, numeric_matrix

from symconv import ConvSpec, col2im, conv_matrix, im2col, input_symbols, kernel_row, vec
from symconv.strategies import conv_specs, inputs, kernels


def test_seminar_im2col_shape_and_columns():
    X = input_symbols((4, 4))
    M = im2col(ConvSpec((4, 4), (3, 3)), X)
    assert M.shape == (9, 4)  # N x K: taps x output positions
    Xb = sympy.IndexedBase("X")
    assert list(M[:, 0]) == [Xb[k] for k in (0, 1, 2, 4, 5, 6, 8, 9, 10)]


@given(st.data(), conv_specs())
def test_kernel_row_times_im2col_is_the_output_row(data, spec):
    w, x = data.draw(kernels(spec)), data.draw(inputs(spec))
    row = numeric_matrix(kernel_row(spec, w) * im2col(spec, x))
    assert row.shape == (1, int(np.prod(spec.out_shape)))
    assert np.array_equal(row.ravel(), conv(spec, x, w).ravel())


@given(conv_specs(max_size=5, max_ndim=2))
def test_symbolic_F_im2col_equals_CX_transposed(spec):
    X = input_symbols(spec.input_shape)
    lhs = kernel_row(spec) * im2col(spec, X)
    rhs = (conv_matrix(spec) * vec(X)).T
    assert (lhs - rhs).applyfunc(sympy.expand) == sympy.zeros(*lhs.shape)


@given(st.data(), conv_specs())
def test_col2im_is_the_adjoint(data, spec):
    x = data.draw(inputs(spec))
    n_taps, n_out = int(np.prod(spec.kernel_shape)), int(np.prod(spec.out_shape))
    # the cotangent from a drawn seed: a 3-D spec may have more entries than a Hypothesis list can hold
    z = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1))).integers(-9, 10, size=(n_taps, n_out))
    left = np.sum(numeric_matrix(im2col(spec, x)) * z)
    right = np.sum(x.astype(float) * np.array(col2im(spec, z.tolist()).tolist(), dtype=float))
    assert left == right


def test_col2im_counts_overlaps():
    ones = [[1] * 4 for _ in range(9)]
    assert col2im(ConvSpec((4, 4), (3, 3)), ones).tolist() == [[1, 2, 2, 1], [2, 4, 4, 2], [2, 4, 4, 2], [1, 2, 2, 1]]
