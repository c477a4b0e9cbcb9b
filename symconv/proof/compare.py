r"""Structural comparison of scalars, matrices and arrays: the first difference, entry by entry.

Matrices and arrays are compared with their shapes first (a 2x3 array is not a 3x2 one, a
vector of length 6 is neither), then over their non-zero entries only (a sparse matrix is never
made dense), with a given equality of entries: a transformation's
:meth:`~symconv.proof.transformations.Transformation.equal`, ``==`` by default. Nothing here
calls ``simplify``.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> first_difference(sympy.Matrix([[x, 2]]), sympy.Matrix([[x, 3]]))
'entry (0, 1): 2 != 3'
>>> first_difference(sympy.Matrix([[x, 2]]), sympy.Matrix([[x, 2]]))
''
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from typing import Any

import sympy
from sympy import MatrixBase, NDimArray

from ..operands import flat
from ..sparse import nonzero_rows

__all__ = ["first_difference", "entries", "shape", "flat_entries"]


def flat_entries(values: Any) -> list[Any]:
    """The entries of a vector, a matrix or an array, row by row, as a list.

    >>> import sympy
    >>> flat_entries(sympy.Array([[1, 2], [3, 4]]))
    [1, 2, 3, 4]
    """
    if isinstance(values, NDimArray):
        return flat(values)
    return list(values)


def entries(obj: Any) -> dict[Any, Any] | None:
    """The non-zero entries of a matrix or an array, keyed by their index (``(row, column)``,
    ``(i, j, k)``, ...); ``None`` for anything else (a scalar).

    >>> import sympy
    >>> entries(sympy.Matrix([[0, 5], [7, 0]]))
    {(0, 1): 5, (1, 0): 7}
    >>> entries(sympy.Array([[0, 5, 0], [7, 0, 0]]))
    {(0, 1): 5, (1, 0): 7}
    """
    if isinstance(obj, MatrixBase):
        return {(r, c): v for r, row in nonzero_rows(obj).items() for c, v in row.items()}
    if isinstance(obj, NDimArray):
        indices = itertools.product(*(range(n) for n in obj.shape))
        return {index: v for index, v in zip(indices, flat_entries(obj)) if v != 0}
    return None


def shape(obj: Any) -> tuple[int, ...]:
    """The shape of a matrix or an array (a 2x3 array is not a 3x2 one), ``()`` for a scalar.

    >>> import sympy
    >>> shape(sympy.Array([[1, 2, 3], [4, 5, 6]])), shape(sympy.Array([[1, 2], [3, 4], [5, 6]]))
    ((2, 3), (3, 2))
    """
    if isinstance(obj, (MatrixBase, NDimArray)):
        return tuple(obj.shape)
    return ()


def first_difference(lhs: Any, rhs: Any, equal: Callable[[Any, Any], bool] = operator.eq) -> str:
    """``''`` when ``lhs`` and ``rhs`` are equal, entry by entry under ``equal``; else a
    description of the first difference (the shapes, or the first entry in index order)."""
    left, right = entries(lhs), entries(rhs)
    if left is None or right is None:
        if left is not None or right is not None:
            return f"cannot compare a {type(lhs).__name__} with a {type(rhs).__name__}"
        return "" if equal(lhs, rhs) else f"{sympy.sstr(lhs)} != {sympy.sstr(rhs)}"
    if shape(lhs) != shape(rhs):
        return f"shapes differ: {shape(lhs)} != {shape(rhs)}"
    for key in sorted(set(left) | set(right)):
        a, b = left.get(key, sympy.S.Zero), right.get(key, sympy.S.Zero)
        if not equal(a, b):
            return f"entry {key}: {sympy.sstr(a)} != {sympy.sstr(b)}"
    return ""
