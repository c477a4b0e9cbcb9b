r"""The stride lattice (the seminar's T4): row selection ``S`` and zero insertion ``S^T``.

A stride-``s`` convolution keeps the rows ``s o`` of the stride-1 matrix:
``C_s = S C_1``. Its transpose spreads the input with ``s - 1`` zeros between
neighbours: ``S^T``, the upsampling step of the transposed convolution.

>>> zero_insert(3, 2)
Matrix([
[1, 0, 0],
[0, 0, 0],
[0, 1, 0],
[0, 0, 0],
[0, 0, 1]])
"""

from __future__ import annotations

from math import prod

import numpy as np
import sympy
from sympy import MutableDenseMatrix

from ..errors import SpecError
from ..limits import check_indexable, check_work
from ..parameters import as_shape, per_dimension
from ..recipe import zero_inserted_length
from ..sparse import matrix_from_rows
from ..typing import IntOrInts, Shape

__all__ = ["stride_selection", "zero_insert"]


def _lattice(
    shape: IntOrInts, stride: IntOrInts, dense_shape: IntOrInts | None, max_nonzeros: int | None
) -> tuple[Shape, Shape, Shape]:
    small = as_shape(shape, "shape")
    steps = per_dimension(stride, len(small), "stride", 1)
    if dense_shape is None:
        dense = tuple(zero_inserted_length(h, s) for h, s in zip(small, steps))
    else:
        dense = as_shape(dense_shape, "dense_shape")
        if len(dense) != len(small) or any(zero_inserted_length(h, s) > n for h, s, n in zip(small, steps, dense)):
            raise SpecError("dense_shape", f"must hold the lattice (h-1)s + 1 per dimension, got {dense}")
    check_indexable(prod(dense), "the lattice's positions", "dense_shape" if dense_shape is not None else "stride")
    check_work("the lattice matrix", {"non-zeros": prod(small)}, max_nonzeros, "shape")
    return small, steps, dense


def stride_selection(
    shape: IntOrInts, stride: IntOrInts, dense_shape: IntOrInts | None = None, *, max_nonzeros: int | None = None
) -> MutableDenseMatrix:
    """``S``: the ``(prod(shape), prod(dense_shape))`` 0/1 matrix with ``S[o, s o] = 1`` (row-major).

    ``dense_shape`` defaults to ``(h - 1) s + 1`` per dimension.

    >>> stride_selection(2, 2, 4)
    Matrix([
    [1, 0, 0, 0],
    [0, 0, 1, 0]])
    """
    small, steps, dense = _lattice(shape, stride, dense_shape, max_nonzeros)
    # a stride along a dimension of one position moves nothing (and may exceed numpy's integers)
    steps = tuple(s if h > 1 else 1 for h, s in zip(small, steps))
    positions = np.indices(small).reshape(len(small), -1).T * np.array(steps, dtype=np.int64)
    columns = np.ravel_multi_index(tuple(positions.T), dense) if len(positions) else []
    rows = {r: {int(c): sympy.S.One} for r, c in enumerate(np.asarray(columns).tolist())}
    return matrix_from_rows(rows, (prod(small), prod(dense)))


def zero_insert(
    shape: IntOrInts, stride: IntOrInts, dense_shape: IntOrInts | None = None, *, max_nonzeros: int | None = None
) -> MutableDenseMatrix:
    """``S^T``: spreads an input of ``shape`` onto the lattice, ``s - 1`` zeros between neighbours.

    >>> zero_insert(2, 3).T
    Matrix([
    [1, 0, 0, 0],
    [0, 0, 0, 1]])
    """
    return stride_selection(shape, stride, dense_shape, max_nonzeros=max_nonzeros).T
