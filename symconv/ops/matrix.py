r"""The convolution as one matrix product, ``vec(Y) = C vec(X)`` (the seminar's S3).

``C`` is built from the index map, touching only its non-zeros: ``C[o, i] = W[k]``
exactly when ``i = s o - p + d k``.

>>> from symconv import ConvSpec
>>> C = conv_matrix(ConvSpec(3, 2))
>>> C
Matrix([
[W[0], W[1],    0],
[   0, W[0], W[1]]])
"""

from __future__ import annotations

from collections.abc import Sequence
from math import prod

import numpy as np
from sympy import Expr, MutableDenseMatrix

from ..channels import layer_kernel, layer_positions
from ..indexmap import index_map_work
from ..limits import check_work
from ..operands import flat
from ..sparse import matrix_from_rows
from ..specs import ConvSpec, require_spec
from ..typing import ArrayLike

__all__ = ["conv_matrix", "matrix_from_entries"]


def matrix_from_entries(
    rows: np.ndarray,
    columns: np.ndarray,
    tap: np.ndarray,
    taps: Sequence[Expr],
    shape: tuple[int, int],
    nonzero: np.ndarray | None = None,
) -> MutableDenseMatrix:
    """The matrix with ``taps[tap[n]]`` at ``(rows[n], columns[n])`` for every ``n`` (no cell twice).

    Built in time proportional to the entries; zero taps are not stored (``nonzero``, one
    flag per tap, says which; by default the taps that SymPy knows to be zero are left out).
    """
    if nonzero is None:
        nonzero = np.array([not value.is_zero for value in taps], dtype=bool)
    if not nonzero.all():  # a numeric kernel with zero taps: keep the matrix sparse
        keep = nonzero[tap]
        rows, columns, tap = rows[keep], columns[keep], tap[keep]
    if len(rows) and (rows.min() < 0 or rows.max() >= shape[0] or columns.min() < 0 or columns.max() >= shape[1]):
        raise IndexError(f"an entry lies outside the {shape[0]}x{shape[1]} matrix")
    # group the entries by row (a stable sort keeps the taps in order within a row)
    order = np.argsort(rows, kind="stable")
    rows = rows[order]
    starts = np.flatnonzero(np.diff(rows)) + 1 if len(rows) else np.zeros(0, dtype=np.int64)
    bounds = np.concatenate(([0], starts, [len(rows)])).tolist()
    column_list = columns[order].tolist()
    table = np.empty(len(taps), dtype=object)
    table[:] = list(taps)
    values = table[tap[order]].tolist()  # numpy's gather, not a Python loop
    # the tap is determined by (row, column), so no cell receives two taps
    result = {
        row: dict(zip(column_list[a:b], values[a:b]))
        for row, a, b in zip(rows[bounds[:-1]].tolist() if len(rows) else [], bounds[:-1], bounds[1:])
    }
    return matrix_from_rows(result, shape, in_range=True)


def conv_matrix(
    spec: ConvSpec, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> MutableDenseMatrix:
    r"""The matrix ``C`` of shape ``(prod(out_shape), prod(input_shape))`` with ``vec(Y) = C vec(X)``.

    Row-major flattening on both sides; ``kernel=None`` uses the symbols ``W``.
    The matrix is held sparse and built in time proportional to its non-zeros
    (requests above ``max_nonzeros`` are refused before any work).

    With channels the shape is ``(C_out * prod(out_shape), C_in * prod(input_shape))``, vectors
    flattened channels-first, and ``kernel`` has PyTorch's layout ``spec.weight_shape``
    (symbols ``W[o, c, i, j]`` by default): block ``(o, c)`` is the single-channel matrix of
    ``W[o, c - group start]`` when ``c`` is in the group of ``o``, zero otherwise.

    >>> from symconv import ConvSpec
    >>> C = conv_matrix(ConvSpec((4, 4), (3, 3)))
    >>> C.shape
    (4, 16)
    >>> C[1, :4]
    Matrix([[0, W[0, 0], W[0, 1], W[0, 2]]])
    >>> conv_matrix(ConvSpec(3, 2, in_channels=2, out_channels=2, groups=2))
    Matrix([
    [W[0, 0, 0], W[0, 0, 1],          0,          0,          0,          0],
    [         0, W[0, 0, 0], W[0, 0, 1],          0,          0,          0],
    [         0,          0,          0, W[1, 0, 0], W[1, 0, 1],          0],
    [         0,          0,          0,          0, W[1, 0, 0], W[1, 0, 1]]])
    """
    require_spec(spec, ConvSpec)
    check_work("the matrix", {**index_map_work(spec), "taps": prod(spec.weight_shape)}, max_nonzeros)
    taps = flat(layer_kernel(spec, kernel, max_nonzeros=max_nonzeros))
    rows, columns, tap = layer_positions(spec)
    return matrix_from_entries(
        rows, columns, tap, taps, (spec.out_channels * prod(spec.out_shape), spec.in_channels * prod(spec.input_shape))
    )
