"""Operands: kernels and inputs given as nested lists, SymPy Arrays or numpy arrays.

>>> from symconv import ConvSpec
>>> as_kernel([[1, 2], [3, 4]], ConvSpec((3, 3), (2, 2)).kernel_shape)
[[1, 2], [3, 4]]
>>> vec(as_array([[1, 2], [3, 4]], (2, 2), "X")).T
Matrix([[1, 2, 3, 4]])
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import sympy
from sympy import Array, ImmutableDenseNDimArray, ImmutableMatrix

from .errors import SpecError
from .parameters import as_shape
from .symbols import kernel_symbols
from .typing import ArrayLike, IntOrInts, Shape

__all__ = ["as_array", "as_kernel", "as_numbers", "flat", "object_array", "from_object_array", "vec", "unvec"]


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
    _check_shape(tuple(given), tuple(shape), parameter)
    if isinstance(values, ImmutableDenseNDimArray) and given == tuple(shape):
        return values  # already SymPy objects in the shape asked for: nothing to convert
    try:  # entries that are SymPy objects already are kept as they are
        entries = [v if isinstance(v, sympy.Basic) else sympy.sympify(v, strict=True) for v in entries]
    except (sympy.SympifyError, TypeError, ValueError):
        raise SpecError(parameter, "entries must be numbers or SymPy expressions") from None
    return Array(entries, shape)


def _check_shape(given: tuple[int, ...], shape: tuple[int, ...], parameter: str) -> None:
    """Refuse an operand whose shape is neither ``shape`` nor a flat or leading-ones form of it."""
    size = int(np.prod(shape))
    if given != shape and int(np.prod(given)) != size:
        raise SpecError(parameter, f"has shape {given} but {shape} is needed")
    if (
        given != shape
        and len(given) > 1
        and sorted(given) != [1, size]
        and _without_leading_ones(given) != _without_leading_ones(shape)
    ):
        raise SpecError(parameter, f"has shape {given} but {shape} is needed")


def as_numbers(values: ArrayLike, shape: Shape, parameter: str, dtype: npt.DTypeLike = float) -> np.ndarray:
    """``values`` as a numpy array of ``shape`` and ``dtype``, under the reshaping rules of
    :func:`as_array`; SymPy numbers are converted (``Rational(1, 2)`` to ``0.5``), never SymPy
    symbols.

    >>> as_numbers([1, 2, 3, 4], (2, 2), "X").tolist()
    [[1.0, 2.0], [3.0, 4.0]]
    >>> import sympy
    >>> as_numbers(sympy.Array([sympy.Rational(1, 2), sympy.Symbol("w")]), (2,), "kernel")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: kernel: entries must be numbers (substitute values for the symbols first)
    """
    if isinstance(values, sympy.NDimArray):
        given: tuple[int, ...] = tuple(values.shape)
        entries: Any = flat(values)
    elif isinstance(values, sympy.MatrixBase):
        given, entries = tuple(values.shape), list(values)
    else:
        try:
            entries = np.asarray(values)
        except Exception as error:  # ragged nested lists
            raise SpecError(parameter, f"is not a rectangular array ({error})") from None
        given = entries.shape
    _check_shape(given, tuple(shape), parameter)
    try:
        return np.asarray(entries, dtype=dtype).reshape(shape)
    except (TypeError, ValueError):
        raise SpecError(parameter, "entries must be numbers (substitute values for the symbols first)") from None


def _without_leading_ones(shape: tuple[int, ...]) -> tuple[int, ...]:
    ones = next((n for n, size in enumerate(shape) if size != 1), len(shape))
    return tuple(shape[ones:])


def as_kernel(kernel: ArrayLike | None, kernel_shape: Shape, *, max_nonzeros: int | None = None) -> Array:
    """The kernel operand: ``None`` means :func:`~symconv.kernel_symbols` of the shape."""
    if kernel is None:
        return kernel_symbols(kernel_shape, max_nonzeros=max_nonzeros)
    return as_array(kernel, kernel_shape, "kernel")


def flat(array: sympy.NDimArray) -> list[sympy.Expr]:
    """The entries of an Array in row-major order, read from its storage.

    An immutable dense Array keeps its entries as one row-major ``Tuple``, its first
    argument; reading it costs nothing per entry, while indexing an Array parses every
    index with SymPy comparisons (about 6 microseconds an entry). Other arrays are read
    entry by entry.

    >>> flat(Array([[1, 2], [3, 4]]))
    [1, 2, 3, 4]
    """
    if isinstance(array, ImmutableDenseNDimArray):
        return list(array.args[0])
    return list(array.reshape(len(array))) if array.rank() > 1 else list(array)


def object_array(array: sympy.NDimArray) -> np.ndarray:
    """A SymPy Array as a numpy object array of the same shape and entries, read through its storage.

    >>> object_array(Array([[1, 2], [3, 4]]))[:, 1].tolist()
    [2, 4]
    """
    entries = flat(array)
    result = np.empty(len(entries), dtype=object)
    result[:] = entries  # one by one: numpy never unpacks an entry
    return result.reshape(array.shape)


def from_object_array(values: np.ndarray) -> Array:
    """A numpy object array of SymPy entries as a SymPy Array, from its flat entries and shape
    (``Array(values.tolist())`` would rescan the nested lists to find the shape).

    >>> from_object_array(np.array([[1, 2], [3, 4]], dtype=object))
    [[1, 2], [3, 4]]
    """
    return Array(list(values.ravel()), values.shape)


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
