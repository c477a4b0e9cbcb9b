"""Operands: kernels and inputs given as nested lists, SymPy Arrays or numpy arrays.

>>> from symconv import ConvSpec
>>> as_kernel([[1, 2], [3, 4]], ConvSpec((3, 3), (2, 2)).kernel_shape)
[[1, 2], [3, 4]]
>>> vec(as_array([[1, 2], [3, 4]], (2, 2), "X")).T
Matrix([[1, 2, 3, 4]])
"""

from __future__ import annotations

from math import prod

import numpy as np
import sympy
from sympy import Array, ImmutableMatrix

from .errors import SpecError
from .parameters import as_shape
from .symbols import kernel_symbols
from .typing import ArrayLike, IntOrInts, Shape

__all__ = ["as_array", "as_kernel", "flat", "vec", "unvec"]


def as_array(values: ArrayLike, shape: Shape, parameter: str) -> Array:
    """``values`` (nested list, SymPy Array or Matrix, numpy array) as a SymPy Array of ``shape``.

    A flat sequence or a column vector of the right length is reshaped row-major, and so is
    an array whose shape differs only by leading axes of length 1 (a ``(1, 1, 3, 3)`` PyTorch
    weight for a ``(3, 3)`` kernel, and back).
    """
    if isinstance(values, sympy.MatrixBase):
        entries = list(values)
        given: tuple[int, ...] = values.shape
    elif isinstance(values, sympy.NDimArray):
        entries = flat(values)
        given = values.shape
    else:
        try:
            array = np.asarray(values, dtype=object)
        except Exception as error:  # ragged nested lists
            raise SpecError(parameter, f"is not a rectangular array ({error})") from None
        entries = list(array.ravel())
        given = array.shape
    size = prod(shape)
    if given != tuple(shape) and len(entries) != size:
        raise SpecError(parameter, f"has shape {tuple(given)} but {tuple(shape)} is needed")
    if (
        given != tuple(shape)
        and len(given) > 1
        and sorted(given) != [1, size]
        and _without_leading_ones(given) != _without_leading_ones(shape)
    ):
        raise SpecError(parameter, f"has shape {tuple(given)} but {tuple(shape)} is needed")
    try:
        entries = [sympy.sympify(v, strict=True) for v in entries]
    except (sympy.SympifyError, TypeError, ValueError):
        raise SpecError(parameter, "entries must be numbers or SymPy expressions") from None
    return Array(entries, shape)


def _without_leading_ones(shape: tuple[int, ...]) -> tuple[int, ...]:
    ones = next((n for n, size in enumerate(shape) if size != 1), len(shape))
    return tuple(shape[ones:])


def as_kernel(kernel: ArrayLike | None, kernel_shape: Shape, *, max_nonzeros: int | None = None) -> Array:
    """The kernel operand: ``None`` means :func:`~symconv.kernel_symbols` of the shape."""
    if kernel is None:
        return kernel_symbols(kernel_shape, max_nonzeros=max_nonzeros)
    return as_array(kernel, kernel_shape, "kernel")


def flat(array: sympy.NDimArray) -> list[sympy.Expr]:
    """The entries of an Array in row-major order."""
    return list(array.reshape(len(array))) if array.rank() > 1 else list(array)


def vec(array: sympy.NDimArray | sympy.MatrixBase) -> ImmutableMatrix:
    """Row-major flattening of an Array into a column matrix (the seminar's ``X`` of size 16x1).

    >>> from symconv import input_symbols
    >>> vec(input_symbols((2, 2))).T
    Matrix([[X[0], X[1], X[2], X[3]]])
    """
    if isinstance(array, sympy.MatrixBase):
        array = Array(array.tolist())
    if not isinstance(array, sympy.NDimArray):
        raise TypeError(f"array: must be a SymPy Array or Matrix, got {type(array).__name__}")
    entries = flat(array)
    return ImmutableMatrix(len(entries), 1, entries)


def unvec(column: ArrayLike, shape: IntOrInts) -> Array:
    """The inverse of :func:`vec`: a column (or flat sequence) back into an Array of ``shape``.

    >>> unvec([1, 2, 3, 4], (2, 2))
    [[1, 2], [3, 4]]
    """
    shape = as_shape(shape, "shape")
    entries = list(column) if isinstance(column, (list, tuple, sympy.MatrixBase, sympy.NDimArray)) else None
    if entries is None:
        raise TypeError(f"column: must be a sequence, matrix or array, got {type(column).__name__}")
    return as_array(entries, shape, "column")
