"""Sparse products: the same results as SymPy's own products, from the non-zeros only."""

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symconv import ConvSpec, SpecError, conv_matrix, input_symbols, sliding_window, transposed_conv_matrix, vec
from symconv.sparse import matrix_from_rows, nonzero_rows, sparse_product, times
from symconv.strategies import conv_specs

W, X = sympy.IndexedBase("W"), sympy.IndexedBase("X")
a, b = sympy.symbols("a b")
NC = sympy.Symbol("n", commutative=False)

factors = st.sampled_from(
    [W[0], W[1], W[0, 1], X[0], X[3], a, b, NC, sympy.Integer(0), sympy.Integer(2), sympy.Rational(-1, 3), a + b, a * b]
)


@given(factors, factors)
def test_times_is_mul(left, right):
    product = times(left, right)
    expected = sympy.Mul(left, right)
    assert product == expected and hash(product) == hash(expected) and product.args == expected.args
    assert sympy.srepr(product) == sympy.srepr(expected)


def test_times_keeps_sympy_canonical_forms():
    assert times(W[0], W[0]) == W[0] ** 2
    assert times(X[1], W[2]).args == sympy.Mul(W[2], X[1]).args
    assert times(NC, a) == sympy.Mul(NC, a) and times(sympy.Integer(0), a) == 0


cells = st.sampled_from([0, 0, 0, 1, -2, sympy.Rational(1, 2), a, W[0], W[1] + a])


@st.composite
def matrices_and_vectors(draw):
    m, n = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    matrix = sympy.Matrix(m, n, draw(st.lists(cells, min_size=m * n, max_size=m * n)))
    vector = draw(st.lists(st.sampled_from([0, 3, X[0], X[1], X[2], b]), min_size=n, max_size=n))
    back = draw(st.lists(st.sampled_from([0, -1, X[0], X[5], a]), min_size=m, max_size=m))
    return matrix, vector, back


@given(matrices_and_vectors())
def test_sparse_product_is_sympys_product(case):
    matrix, vector, back = case
    product = sparse_product(matrix, vector)
    assert product.shape == (matrix.rows, 1)
    assert (product - matrix * sympy.Matrix(vector)).expand() == sympy.zeros(matrix.rows, 1)
    transposed = sparse_product(matrix, back, transpose=True)
    assert (transposed - matrix.T * sympy.Matrix(back)).expand() == sympy.zeros(matrix.cols, 1)


@given(conv_specs(max_ndim=2, max_size=6))
def test_c_x_is_the_sliding_window(spec):
    X_ = input_symbols(spec.input_shape)
    assert sparse_product(conv_matrix(spec), X_) == vec(sliding_window(spec, X_))


def test_vectors_of_every_kind_and_a_wrong_length():
    C = matrix_from_rows({0: {1: a}, 2: {0: b}}, (3, 2))
    expected = sympy.Matrix([a * X[1], 0, b * X[0]])
    for vector in ([X[0], X[1]], sympy.Matrix([X[0], X[1]]), sympy.Matrix([[X[0], X[1]]]), sympy.Array([X[0], X[1]])):
        assert sparse_product(C, vector) == expected
    assert sparse_product(C, np.array([1, 2])) == sympy.Matrix([2 * a, 0, b])
    assert nonzero_rows(sparse_product(C, [0, 0])) == {}
    with pytest.raises(SpecError, match="^vector: has 3 entries but the matrix has 2 columns"):
        sparse_product(C, [1, 2, 3])
    with pytest.raises(SpecError, match="3 rows"):
        sparse_product(C, [1, 2], transpose=True)


def test_the_transposed_product_is_the_transposed_convolution():
    spec = ConvSpec((4, 5), (2, 3), stride=2, padding=1)
    Y = input_symbols(spec.out_shape, "Y")
    from symconv import TransposedConvSpec

    tspec = TransposedConvSpec(spec.out_shape, (2, 3), stride=2, padding=1)
    expected = transposed_conv_matrix(tspec) * vec(Y)
    assert sparse_product(conv_matrix(spec), Y, transpose=True) == expected
