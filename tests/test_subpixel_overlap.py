import numpy as np
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symconv import (
    TransposedConvSpec,
    conv_transpose,
    input_symbols,
    interior_overlap,
    overlap_counts,
    subpixel_conv_transpose,
    subpixel_kernels,
    transposed_conv_matrix,
)
from symconv.sparse import nonzero_rows
from symconv.strategies import inputs, kernels, transposed_specs


@given(st.data(), transposed_specs(max_ndim=2))
def test_subpixel_equals_recipe_numerically(data, tspec):
    w, y = data.draw(kernels(tspec)), data.draw(inputs(tspec))
    assert subpixel_conv_transpose(tspec, y, w) == conv_transpose(tspec, y, w)


@given(transposed_specs(max_ndim=2, max_size=3, max_kernel=3))
def test_subpixel_equals_recipe_symbolically(tspec):
    Y = input_symbols(tspec.input_shape, "Y")
    a, b = subpixel_conv_transpose(tspec, Y), conv_transpose(tspec, Y)
    assert all(sympy.expand(x - z) == 0 for x, z in zip(a.reshape(len(a)), b.reshape(len(b))))


def test_phases_are_strided_taps():
    W = sympy.IndexedBase("W")
    phases = subpixel_kernels(TransposedConvSpec(3, 5, stride=2))
    assert phases == {(0,): sympy.Array([W[0], W[2], W[4]]), (1,): sympy.Array([W[1], W[3]])}
    dilated = subpixel_kernels(TransposedConvSpec(3, 3, stride=2, dilation=2))
    assert dilated[(1,)].tolist() == [0] and dilated[(0,)].tolist() == [W[0], W[1], W[2]]


@given(transposed_specs())
def test_overlap_counts_are_row_counts_of_the_matrix(tspec):
    T = transposed_conv_matrix(tspec)
    rows = nonzero_rows(T)
    counts = [len(rows.get(r, {})) for r in range(T.rows)]
    assert np.array(overlap_counts(tspec).tolist()).ravel().tolist() == counts


def test_checkerboard_of_the_seminar_kernel():
    assert overlap_counts(TransposedConvSpec((3, 3), (3, 3), stride=2)).tolist()[2] == [2, 2, 4, 2, 4, 2, 2]
    assert overlap_counts(TransposedConvSpec(4, 4, stride=2)).tolist() == [1, 1, 2, 2, 2, 2, 2, 2, 1, 1]
    assert {interior_overlap(j, 4, 2) for j in range(8)} == {2}
    assert {interior_overlap(j, 3, 2) for j in range(8)} == {1, 2}
    assert {interior_overlap(j, 4, 2, d=2) for j in range(8)} == {0, 4}
