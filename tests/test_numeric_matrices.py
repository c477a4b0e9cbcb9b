"""The numeric path: the same matrices as the symbolic ones with the numbers put in, exactly."""

import importlib.util
import sys

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from numpy_reference import conv

from symconv import (
    ConvSpec,
    MissingDependencyError,
    SpecError,
    TooLargeError,
    TransposedConvSpec,
    bilinear_kernel,
    bilinear_upsampling_spec,
    conv_matrix,
    fcn_bilinear_kernel,
    fcn_upsampling_spec,
    im2col,
    input_symbols,
    kernel_symbols,
    transposed_conv_matrix,
)
from symconv.operands import flat
from symconv.ops.numeric import (
    numeric_bilinear_matrix,
    numeric_conv_matrix,
    numeric_im2col,
    numeric_transposed_conv_matrix,
    substitute,
)
from symconv.sparse import nonzero_rows
from symconv.strategies import conv_specs, inputs, kernels, transposed_specs

#: the sparse results need SciPy (an optional peer); the dense ones, the errors and the message
#: without SciPy are tested without it
needs_scipy = pytest.mark.skipif(importlib.util.find_spec("scipy") is None, reason="scipy is not installed")

# exact in floating point: small integers and halves, zeros included (they must not be stored)
EXACT = st.sampled_from([0, 0, 1, -2, 3, sympy.Rational(1, 2), sympy.Rational(-3, 4)])


def substituted(matrix, values):
    """The symbolic matrix with the numbers put in by SymPy (``xreplace``), as exact cells ``{(r, c): value}``."""
    return {
        (r, c): entry.xreplace(values)
        for r, row in nonzero_rows(matrix).items()
        for c, entry in row.items()
        if entry.xreplace(values) != 0
    }


def cells(numeric):
    """The stored cells of a sparse numeric matrix, ``{(r, c): value}``."""
    coo = numeric.tocoo()
    return {(int(r), int(c)): v for r, c, v in zip(coo.row, coo.col, coo.data)}


def same_cells(numeric, exact):
    got = cells(numeric)
    assert set(got) == set(exact), sorted(set(got) ^ set(exact))[:5]
    for key, value in exact.items():
        assert got[key] == float(value), (key, got[key], value)


def weight_symbols(spec):
    return kernel_symbols(spec.kernel_shape, channels=spec.weight_shape[:2] if spec.has_channels else None)


@needs_scipy
@given(st.data(), conv_specs(max_size=6, channels=True))
def test_conv_matrix_is_the_symbolic_matrix_substituted(data, spec):
    w = data.draw(kernels(spec, elements=EXACT))
    values = dict(zip(flat(weight_symbols(spec)), [sympy.sympify(v) for v in w.ravel()]))
    symbolic = conv_matrix(spec)
    numeric = numeric_conv_matrix(spec, w)
    assert numeric.shape == symbolic.shape
    same_cells(numeric, substituted(symbolic, values))
    same_cells(substitute(symbolic, values), substituted(symbolic, values))
    exact = numeric_conv_matrix(spec, w, dense=True, dtype=object)  # SymPy's numbers, not floats
    assert sympy.Matrix(exact) == symbolic.xreplace(values)


@needs_scipy
@given(st.data(), transposed_specs(max_size=5, channels=True))
def test_transposed_matrix_is_the_symbolic_matrix_substituted(data, tspec):
    w = data.draw(kernels(tspec.forward(), elements=EXACT))
    values = dict(zip(flat(weight_symbols(tspec.forward())), [sympy.sympify(v) for v in w.ravel()]))
    symbolic = transposed_conv_matrix(tspec)
    numeric = numeric_transposed_conv_matrix(tspec, w)
    assert numeric.shape == symbolic.shape
    same_cells(numeric, substituted(symbolic, values))
    same_cells(substitute(symbolic, values), substituted(symbolic, values))


@needs_scipy
@given(st.data(), conv_specs(max_size=6))
def test_im2col_is_the_symbolic_im2col_substituted(data, spec):
    x = data.draw(inputs(spec, elements=EXACT))
    X = input_symbols(spec.input_shape)
    values = dict(zip(flat(X), [sympy.sympify(v) for v in x.ravel()]))
    symbolic = im2col(spec, X)
    same_cells(numeric_im2col(spec, x), substituted(symbolic, values))
    assert np.array_equal(numeric_im2col(spec, x, dense=True), numeric_im2col(spec, x).toarray())


@needs_scipy
@given(conv_specs(max_size=7, channels=False), st.randoms(use_true_random=False))
def test_c_x_is_numpys_convolution(spec, rng):
    """A second route: the numeric matrix times an input is the numpy reference's correlation."""
    x = np.array([rng.randint(-5, 5) for _ in range(int(np.prod(spec.input_shape)))], dtype=float)
    w = np.array([rng.randint(-5, 5) for _ in range(int(np.prod(spec.kernel_shape)))], dtype=float)
    got = numeric_conv_matrix(spec, w) @ x
    expected = conv(spec, x.reshape(spec.input_shape), w.reshape(spec.kernel_shape)).ravel()
    assert np.array_equal(got, expected)


@needs_scipy
@pytest.mark.parametrize("factor", [2, 3])
@pytest.mark.parametrize("shape", [(3,), (2, 3)])
@pytest.mark.parametrize("fcn", [False, True])
def test_bilinear_matrices(factor, shape, fcn):
    tspec = fcn_upsampling_spec(shape, factor) if fcn else bilinear_upsampling_spec(shape, factor)
    kernel = (fcn_bilinear_kernel if fcn else bilinear_kernel)(factor, len(shape))
    symbolic = transposed_conv_matrix(tspec, kernel)
    same_cells(numeric_bilinear_matrix(shape, factor, fcn=fcn), substituted(symbolic, {}))
    # interpolation keeps constants: every row of the align_corners=True matrix sums to 1
    if not fcn:
        assert np.allclose(numeric_bilinear_matrix(shape, factor, dense=True).sum(axis=1), 1)


@needs_scipy
def test_zero_taps_are_not_stored_and_sparse_agrees_with_dense():
    spec = ConvSpec((5, 5), (3, 3), padding=1)
    w = [[0, 1, 0], [1, -4, 1], [0, 1, 0]]
    C = numeric_conv_matrix(spec, w)
    assert C.nnz == len(conv_matrix(spec, w).todok()) and 0 not in C.data
    assert np.array_equal(C.toarray(), numeric_conv_matrix(spec, w, dense=True))


def test_errors_name_the_parameter():
    spec = ConvSpec(4, 3)
    with pytest.raises(SpecError, match="^kernel: entries must be numbers"):
        numeric_conv_matrix(spec, kernel_symbols(3))
    with pytest.raises(SpecError, match="^kernel: has shape"):
        numeric_conv_matrix(spec, [1, 2])
    with pytest.raises(SpecError, match=r"^values: give a value for W\[2\]"):
        substitute(conv_matrix(spec), {kernel_symbols(3)[0]: 1, kernel_symbols(3)[1]: 2})
    with pytest.raises(SpecError, match="^dtype: exact entries"):
        numeric_conv_matrix(spec, [1, 2, 3], dtype=object)
    with pytest.raises(TooLargeError, match="dense matrix"):
        numeric_conv_matrix(ConvSpec((40, 40), (3, 3)), np.ones((3, 3)), dense=True, max_nonzeros=13_000)
    with pytest.raises(TooLargeError):
        numeric_conv_matrix(ConvSpec((40, 40), (3, 3)), np.ones((3, 3)), max_nonzeros=100)
    with pytest.raises(SpecError, match="in_channels"):
        numeric_im2col(ConvSpec(4, 3, in_channels=2), np.ones(8))


def test_without_scipy_sparse_results_say_how_to_install_and_dense_still_works(monkeypatch):
    monkeypatch.setitem(sys.modules, "scipy", None)  # import scipy now raises ImportError
    spec = TransposedConvSpec(2, 3, stride=2)
    with pytest.raises(MissingDependencyError, match=r"pip install 'symconv\[scipy\]'"):
        numeric_transposed_conv_matrix(spec, [1, 2, 3])
    assert numeric_transposed_conv_matrix(spec, [1, 2, 3], dense=True).tolist() == [
        [1.0, 0.0],
        [2.0, 0.0],
        [3.0, 1.0],
        [0.0, 2.0],
        [0.0, 3.0],
    ]
