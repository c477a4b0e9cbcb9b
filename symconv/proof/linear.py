r"""Linear forms: ``Y = C X`` checked coefficient by coefficient, without multiplying ``C`` out.

A :class:`LinearMap` is the product ``C X`` left unevaluated; :data:`LINEAR` compares it with
expressions ``Y``: the rows of ``C`` must be the coefficients of the linear forms ``Y`` in the
variables ``X`` (:func:`linear_coefficients`), each coefficient compared as :data:`~.EXPAND` does.

>>> import sympy
>>> X = sympy.IndexedBase("X"); w = sympy.Symbol("w")
>>> C = sympy.Matrix([[w, 0], [1, w]])
>>> LINEAR.compare(LinearMap(C, [X[0], X[1]]), [w*X[0], X[0] + w*X[1]])
''
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Add, Basic, MatrixBase, Mul
from sympy.printing.defaults import Printable

from ..errors import SideConditionError
from ..sparse import nonzero_rows, sparse_product
from .compare import flat_entries
from .transformations import EXPAND, Transformation

__all__ = ["LinearMap", "Linear", "LINEAR", "linear_coefficients"]


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


@dataclass(frozen=True, eq=False)
class LinearMap(Printable):
    """The product ``matrix * vector``, left unevaluated (``vector`` holds distinct variables).

    Compared with :data:`LINEAR` against expressions, it is never multiplied out.
    """

    matrix: MatrixBase
    vector: Any

    def doit(self, **hints: Any) -> MatrixBase:
        """The product itself, from the non-zeros of the matrix."""
        return sparse_product(self.matrix, self.vector)

    def _latex(self, printer: Any) -> str:
        return printer._print(self.matrix) + printer._print(sympy.Matrix(flat_entries(self.vector)))

    def _sympystr(self, printer: Any) -> str:
        return f"{printer._print(self.matrix)}*{printer._print(sympy.Matrix(flat_entries(self.vector)))}"


class Linear(Transformation):
    """``LinearMap(C, X) = Y``: the rows of ``C`` are the coefficients of the linear forms ``Y``
    in ``X``, compared coefficient by coefficient (``expand`` of the difference); ``C`` is never
    multiplied out.

    Side conditions (checked, refused otherwise): one side is a ``LinearMap``; ``C`` has one row
    per entry of ``Y`` and one column per entry of ``X``; the entries of ``X`` are distinct, so
    that each term of ``Y`` names one column; every term of ``Y`` is a coefficient times exactly
    one entry of ``X`` (a term with none or two fails). Then ``C X = Y`` holds term by term.
    """

    def __init__(self) -> None:
        super().__init__("coefficients of the linear forms")

    def compare(self, lhs: Any, rhs: Any) -> str:
        if not isinstance(lhs, LinearMap):
            lhs, rhs = rhs, lhs
        if not isinstance(lhs, LinearMap):
            return "the linear-form comparison needs a LinearMap on one side"
        ys, xs = flat_entries(rhs), flat_entries(lhs.vector)
        if lhs.matrix.shape != (len(ys), len(xs)):
            return f"shapes differ: C is {lhs.matrix.shape}, Y has {len(ys)} and X has {len(xs)} entries"
        positions = {x: n for n, x in enumerate(xs)}
        if len(positions) != len(xs):
            repeated = sorted({sympy.sstr(x) for n, x in enumerate(xs) if positions[x] != n})
            raise SideConditionError(self.name, f"the entries of X are not distinct: {', '.join(repeated)} repeats")
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


#: ``LinearMap(C, X) = Y``, coefficient by coefficient.
LINEAR = Linear()
