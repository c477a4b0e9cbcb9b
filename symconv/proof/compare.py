r"""Exact comparison: apply a stated transformation, then compare structurally.

Matrices and arrays are compared entry by entry over their non-zeros only (a sparse
matrix is never made dense), and never with ``simplify``; linear forms are compared
coefficient by coefficient (:data:`LINEAR`), without multiplying a matrix out.

>>> import sympy
>>> x, y = sympy.symbols("x y")
>>> same((x + y)**2, x**2 + 2*x*y + y**2, EXPAND)
(True, '')
>>> same(x, y, STRUCTURAL)[0]
False
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Add, Basic, MatrixBase, Mul, NDimArray
from sympy.printing.defaults import Printable

from ..sparse import nonzero_rows
from .transformations import DOIT, DOIT_EXPAND, EXPAND, STRUCTURAL, Transformation, _doit

__all__ = ["LinearMap", "LINEAR", "same", "first_difference", "linear_coefficients"]


def linear_coefficients(expr: Any, variables: dict[Basic, int]) -> dict[int, Any] | None:
    """The coefficients of a linear form in ``variables`` (``{variable: position}``).

    Walks the terms of ``expr`` once; returns ``None`` when a term is not linear in
    exactly one variable. No products are built when a term is ``coefficient*variable``.

    >>> import sympy
    >>> X = sympy.IndexedBase("X"); w = sympy.Symbol("w")
    >>> sorted(linear_coefficients(w*X[0] + 2*X[1] + w*X[1], {X[0]: 0, X[1]: 1}).items())
    [(0, w), (1, w + 2)]
    """
    result: dict[int, Any] = {}
    for term in Add.make_args(sympy.sympify(expr)):
        if term == 0:
            continue
        factors = Mul.make_args(term)
        found = [f for f in factors if f in variables]
        if len(found) != 1:
            return None
        rest = [f for f in factors if f is not found[0]]
        coefficient = rest[0] if len(rest) == 1 else Mul(*rest)
        position = variables[found[0]]
        result[position] = result[position] + coefficient if position in result else coefficient
    return {k: v for k, v in result.items() if v != 0}


def _entries(obj: Any) -> dict[Any, Any] | None:
    """Non-zero entries keyed by index, for matrices and arrays; ``None`` for scalars."""
    if isinstance(obj, MatrixBase):
        return {(r, c): v for r, row in nonzero_rows(obj).items() for c, v in row.items()}
    if isinstance(obj, NDimArray):
        return {k: v for k, v in enumerate(_flat(obj)) if v != 0}
    return None


def _shape(obj: Any) -> tuple[int, ...]:
    if isinstance(obj, MatrixBase):
        return tuple(obj.shape)
    return (len(obj),) if isinstance(obj, NDimArray) else ()


def first_difference(lhs: Any, rhs: Any, transformation: Transformation = STRUCTURAL) -> str:
    """'' when ``lhs`` equals ``rhs`` after the transformation, else a description of the first difference."""
    if transformation.name == LINEAR.name:
        return _linear_difference(lhs, rhs)
    if transformation.name in (DOIT.name, DOIT_EXPAND.name):
        lhs, rhs = _doit(lhs), _doit(rhs)  # unevaluated matrix products become matrices
    left, right = _entries(lhs), _entries(rhs)
    if left is None or right is None:
        if left is not None or right is not None:
            return f"cannot compare a {type(lhs).__name__} with a {type(rhs).__name__}"
        return "" if transformation.equal(lhs, rhs) else f"{sympy.sstr(lhs)} != {sympy.sstr(rhs)}"
    if _shape(lhs) != _shape(rhs):
        return f"shapes differ: {_shape(lhs)} != {_shape(rhs)}"
    for key in sorted(set(left) | set(right)):
        a, b = left.get(key, sympy.S.Zero), right.get(key, sympy.S.Zero)
        if not transformation.equal(a, b):
            return f"entry {key}: {sympy.sstr(a)} != {sympy.sstr(b)}"
    return ""


@dataclass(frozen=True, eq=False)
class LinearMap(Printable):
    """The product ``matrix * vector``, left unevaluated (``vector`` holds distinct variables).

    Compared with :data:`LINEAR` against expressions, it is never multiplied out.
    """

    matrix: MatrixBase
    vector: Any

    def doit(self, **hints: Any) -> MatrixBase:
        """The product itself (dense; only for small examples)."""
        return self.matrix * sympy.Matrix(_flat(self.vector))

    def _latex(self, printer: Any) -> str:
        return printer._print(self.matrix) + printer._print(sympy.Matrix(_flat(self.vector)))

    def _sympystr(self, printer: Any) -> str:
        return f"{printer._print(self.matrix)}*{printer._print(sympy.Matrix(_flat(self.vector)))}"


def _flat(values: Any) -> list[Any]:
    if isinstance(values, NDimArray) and values.rank() > 1:
        return list(values.reshape(len(values)))
    return list(values)


def _linear_difference(lhs: Any, rhs: Any) -> str:
    """Is ``rhs`` (expressions) equal to ``lhs`` (a :class:`LinearMap` ``C X``), coefficient by coefficient?"""
    if not isinstance(lhs, LinearMap):
        lhs, rhs = rhs, lhs
    if not isinstance(lhs, LinearMap):
        return "the linear-form comparison needs a LinearMap on one side"
    ys, xs = _flat(rhs), _flat(lhs.vector)
    if lhs.matrix.shape != (len(ys), len(xs)):
        return f"shapes differ: C is {lhs.matrix.shape}, Y has {len(ys)} and X has {len(xs)} entries"
    positions = {x: n for n, x in enumerate(xs)}
    rows = nonzero_rows(lhs.matrix)
    for r, y in enumerate(ys):
        coefficients = linear_coefficients(y, positions)
        if coefficients is None:
            return f"entry {r}: {sympy.sstr(y)} is not linear in the inputs"
        row = rows.get(r, {})
        for c in sorted(set(row) | set(coefficients)):
            a, b = row.get(c, sympy.S.Zero), coefficients.get(c, sympy.S.Zero)
            if not EXPAND.equal(a, b):
                return f"row {r}, coefficient of {sympy.sstr(xs[c])}: {sympy.sstr(a)} != {sympy.sstr(b)}"
    return ""


#: ``LinearMap(C, X) = Y``: the rows of ``C`` are the coefficients of the linear forms ``Y`` in ``X``.
LINEAR = Transformation("coefficients of the linear forms", lambda e: e)


def same(lhs: Any, rhs: Any, transformation: Transformation = STRUCTURAL) -> tuple[bool, str]:
    """``(True, '')`` when equal after the transformation, else ``(False, first difference)``."""
    detail = first_difference(lhs, rhs, transformation)
    return (not detail, detail)
