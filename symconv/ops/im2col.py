r"""im2col and col2im (the seminar's S4): the windows as the columns of a matrix.

``im2col(spec, X)`` has one row per kernel tap and one column per output position,
so that the flattened kernel row ``F`` gives the output as a row: ``F im2col(X) = (C X)^T``.
``col2im`` is its adjoint: it sums the columns back onto the input positions they
were read from (overlapping windows add up). Both come from the index map.

>>> from symconv import ConvSpec, input_symbols
>>> im2col(ConvSpec(4, 3), input_symbols(4))
Matrix([
[X[0], X[1]],
[X[1], X[2]],
[X[2], X[3]]])
"""

from __future__ import annotations

from math import prod

import numpy as np
from sympy import Add, Array, Expr, MutableDenseMatrix

from ..channels import layer_positions, require_single_channel
from ..indexmap import index_map, index_map_work
from ..limits import check_work
from ..operands import as_array, as_kernel, flat
from ..sparse import is_zero_number
from ..specs import ConvSpec, require_spec
from ..typing import ArrayLike
from .matrix import matrix_from_entries

__all__ = ["im2col", "col2im", "kernel_row"]


def kernel_row(
    spec: ConvSpec, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> MutableDenseMatrix:
    """The kernel flattened row-major into a ``1 x prod(kernel_shape)`` row ``F``.

    >>> from symconv import ConvSpec
    >>> kernel_row(ConvSpec(4, 3))
    Matrix([[W[0], W[1], W[2]]])
    """
    require_spec(spec, ConvSpec)
    require_single_channel(spec, "kernel_row")
    check_work("the kernel row", {"taps": prod(spec.kernel_shape)}, max_nonzeros, "kernel_shape")
    taps = flat(as_kernel(kernel, spec.kernel_shape, max_nonzeros=max_nonzeros))
    return MutableDenseMatrix(1, len(taps), taps)


def im2col(spec: ConvSpec, X: ArrayLike, *, max_nonzeros: int | None = None) -> MutableDenseMatrix:
    """The ``(prod(kernel_shape), prod(out_shape))`` matrix whose column ``o`` is the window of output ``o``.

    Window entries that fall in the padding are zero.

    >>> from symconv import ConvSpec, input_symbols
    >>> im2col(ConvSpec((3, 3), (2, 2)), input_symbols((3, 3)))
    Matrix([
    [X[0], X[1], X[3], X[4]],
    [X[1], X[2], X[4], X[5]],
    [X[3], X[4], X[6], X[7]],
    [X[4], X[5], X[7], X[8]]])
    """
    require_spec(spec, ConvSpec)
    require_single_channel(spec, "im2col")
    check_work("im2col", {**index_map_work(spec), "cells": prod(spec.input_shape)}, max_nonzeros)
    values = flat(as_array(X, spec.input_shape, "X"))
    outputs, inputs, taps = layer_positions(spec)
    # entry (tap, o) is the input read by output o through the tap: one per pair, zeros not stored
    shape = (prod(spec.kernel_shape), prod(spec.out_shape))
    nonzero = np.array([not is_zero_number(value) for value in values], dtype=bool)
    return matrix_from_entries(taps, outputs, inputs, values, shape, nonzero)


def col2im(spec: ConvSpec, columns: ArrayLike, *, max_nonzeros: int | None = None) -> Array:
    """The adjoint of :func:`im2col`: entry ``(tap, o)`` is added onto the input position it was read from.

    >>> from symconv import ConvSpec
    >>> col2im(ConvSpec(4, 3), [[1, 1], [1, 1], [1, 1]])
    [1, 2, 2, 1]
    """
    require_spec(spec, ConvSpec)
    require_single_channel(spec, "col2im")
    shape = (prod(spec.kernel_shape), prod(spec.out_shape))
    work = index_map_work(spec)
    check_work("col2im", {**work, "cells": work["cells"] + shape[0] * shape[1] + prod(spec.input_shape)}, max_nonzeros)
    entries = flat(as_array(columns, shape, "columns"))
    imap = index_map(spec, max_nonzeros=max_nonzeros)
    gathered: list[list[Expr]] = [[] for _ in range(prod(spec.input_shape))]
    n_out = shape[1]
    for tap, out, inp in zip(imap.flat_tap.tolist(), imap.flat_output.tolist(), imap.flat_input.tolist()):
        gathered[inp].append(entries[tap * n_out + out])
    return Array([Add(*terms) for terms in gathered], spec.input_shape)
