import numpy as np
import sympy
from hypothesis import given
from hypothesis import strategies as st
from numpy_reference import conv

from symconv import ConvSpec, conv_matrix, input_symbols, sliding_window
from symconv.proof import LINEAR, LinearMap, same
from symconv.strategies import conv_specs, inputs, kernels


@given(st.data(), conv_specs())
def test_numeric_sliding_window_is_the_convolution(data, spec):
    w, x = data.draw(kernels(spec)), data.draw(inputs(spec))
    Y = sliding_window(spec, x, w)
    assert Y.shape == spec.out_shape
    assert np.array_equal(np.array(Y.tolist(), dtype=float), conv(spec, x, w))


@given(conv_specs(max_size=6))
def test_symbolic_sliding_window_equals_matrix_times_input(spec):
    X = input_symbols(spec.input_shape)
    ok, detail = same(LinearMap(conv_matrix(spec), X), sliding_window(spec, X), LINEAR)
    assert ok, detail


def test_the_seminar_first_output():
    X = input_symbols((4, 4))
    W = sympy.IndexedBase("W")
    Y = sliding_window(ConvSpec((4, 4), (3, 3)), X)
    assert Y[0, 0] == sum(W[i, j] * X[i, j] for i in range(3) for j in range(3))
    assert Y[1, 1] == sum(W[i, j] * X[i + 1, j + 1] for i in range(3) for j in range(3))


def test_symbolic_kernel_numbers_input():
    Y = sliding_window(ConvSpec(3, 2, padding=1), [1, 2, 3])
    W = sympy.IndexedBase("W")
    assert list(Y) == [W[1], W[0] + 2 * W[1], 2 * W[0] + 3 * W[1], 3 * W[0]]
