r"""A layer with a bias is an affine map: ``vec(Y) = C vec(X) + b``.

``b`` holds one value per output channel, repeated over the output positions (vectors
flattened channels-first, like ``C``'s rows). symconv gives both forms:

- the pair ``(C, b)``: :func:`~symconv.conv_matrix` (or
  :func:`~symconv.transposed_conv_matrix`) and :func:`bias_vector`;
- one linear map on the augmented input ``(vec(X), 1)``: :func:`affine_matrix`,
  ``[[C, b], [0, 1]]``, so that layers compose by matrix products.

>>> from symconv import ConvSpec
>>> bias_vector(ConvSpec(3, 2, out_channels=2)).T
Matrix([[b[0], b[0], b[1], b[1]]])
"""

from __future__ import annotations

from math import prod

import sympy
from sympy import MutableDenseMatrix

from ..limits import check_work
from ..operands import as_array, flat
from ..sparse import matrix_from_rows, nonzero_rows
from ..specs import ConvSpec, TransposedConvSpec, require_spec
from ..symbols import bias_symbols
from ..typing import ArrayLike
from .matrix import conv_matrix
from .transposed import transposed_conv_matrix

__all__ = ["bias_vector", "affine_matrix", "layer_matrix"]


def bias_vector(
    spec: ConvSpec | TransposedConvSpec, bias: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> MutableDenseMatrix:
    """The column ``b`` of ``vec(Y) = C vec(X) + b``: ``bias[o]`` at every position of channel ``o``.

    ``bias=None`` uses the symbols ``b[o]``; its length is ``out_channels``.

    >>> from symconv import TransposedConvSpec
    >>> bias_vector(TransposedConvSpec(1, 2, out_channels=2), [5, 7]).T
    Matrix([[5, 5, 7, 7]])
    """
    require_spec(spec, (ConvSpec, TransposedConvSpec))
    positions = prod(spec.out_shape)
    check_work("the bias", {"non-zeros": spec.out_channels * positions}, max_nonzeros)
    if bias is None:
        values = bias_symbols(spec.out_channels, max_nonzeros=max_nonzeros)
    else:
        values = as_array(bias, (spec.out_channels,), "bias")
    rows = {
        o * positions + n: {0: value} for o, value in enumerate(flat(values)) if value != 0 for n in range(positions)
    }
    return matrix_from_rows(rows, (spec.out_channels * positions, 1))


def layer_matrix(
    spec: ConvSpec | TransposedConvSpec, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> MutableDenseMatrix:
    """The linear part ``C`` of a layer: :func:`~symconv.conv_matrix` or :func:`~symconv.transposed_conv_matrix`.

    >>> from symconv import TransposedConvSpec
    >>> layer_matrix(TransposedConvSpec(2, 2)).shape
    (3, 2)
    """
    require_spec(spec, (ConvSpec, TransposedConvSpec))
    if isinstance(spec, TransposedConvSpec):
        return transposed_conv_matrix(spec, kernel, max_nonzeros=max_nonzeros)
    return conv_matrix(spec, kernel, max_nonzeros=max_nonzeros)


def affine_matrix(
    spec: ConvSpec | TransposedConvSpec,
    kernel: ArrayLike | None = None,
    bias: ArrayLike | None = None,
    *,
    max_nonzeros: int | None = None,
) -> MutableDenseMatrix:
    r"""The augmented matrix ``[[C, b], [0, 1]]``: ``(vec(Y), 1) = A (vec(X), 1)``.

    Held sparse, like ``C``; one row and one column more than ``C``.

    >>> from symconv import ConvSpec
    >>> affine_matrix(ConvSpec(3, 2))
    Matrix([
    [W[0], W[1],    0, b[0]],
    [   0, W[0], W[1], b[0]],
    [   0,    0,    0,    1]])
    """
    require_spec(spec, (ConvSpec, TransposedConvSpec))
    C = layer_matrix(spec, kernel, max_nonzeros=max_nonzeros)
    rows = nonzero_rows(C)
    for r, row in nonzero_rows(bias_vector(spec, bias, max_nonzeros=max_nonzeros)).items():
        rows.setdefault(r, {})[C.cols] = row[0]
    rows[C.rows] = {C.cols: sympy.S.One}
    return matrix_from_rows(rows, (C.rows + 1, C.cols + 1))
