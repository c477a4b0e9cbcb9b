r"""Conditions in canonical form: two equal conditions compare structurally.

Each kind of condition is written one way:

- an equality ``a = b`` as the Kronecker delta of the difference, ``KroneckerDelta(a - b, 0)``
  (:func:`canonical_deltas`), and its indicator ``Piecewise((1, Eq(a, b)), (0, True))`` as a
  delta (:func:`indicators_as_deltas`);
- an inequality as ``e >= 0``, ``e`` expanded (:func:`canonical_relation`); a strict one as
  ``e - 1 >= 0`` only when ``e`` is an integer (``x > 0`` is not ``x >= 1`` for a real ``x``);
- a zero extension, an expression that is 0 outside a range, as one
  ``Piecewise((A, condition), (0, True))`` (:func:`canonical_zero_extension`).

Every rewrite here holds for all values of the symbols; none has a side condition. Whether a
condition holds for bounded variables is decided in :mod:`.bounds`; the rules that use these
forms live in :mod:`.sums`, :mod:`.deltas` and :mod:`.integers`.

>>> import sympy
>>> i, j = sympy.symbols("i j", integer=True)
>>> canonical_deltas(sympy.KroneckerDelta(i, j + 1)) == canonical_deltas(sympy.KroneckerDelta(j + 1, i))
True
>>> canonical_relation(i < j)
-i + j - 1 >= 0
>>> x = sympy.Symbol("x", real=True)
>>> canonical_relation(x > 0)
x > 0
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Basic, Mul
from sympy.core.relational import Relational

__all__ = [
    "canonical_deltas",
    "indicators_as_deltas",
    "canonical_relation",
    "canonical_zero_extension",
    "is_zero_extension",
]


def canonical_deltas(expr: Any) -> Any:
    """``KroneckerDelta(a, b)`` depends on ``a - b`` only: rewrite it ``KroneckerDelta(a - b, 0)``,
    the difference expanded and its sign fixed."""

    def canonical(delta: Any) -> Any:
        difference = sympy.expand(delta.args[0] - delta.args[1])
        if difference.could_extract_minus_sign():
            difference = -difference
        return sympy.KroneckerDelta(difference, 0, evaluate=False)

    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.KroneckerDelta), canonical)


def indicators_as_deltas(expr: Any) -> Any:
    """``Piecewise((1, Eq(a, b)), (0, True))`` is ``KroneckerDelta(a, b)``.

    >>> import sympy
    >>> i, j = sympy.symbols("i j", integer=True)
    >>> indicators_as_deltas(sympy.Piecewise((1, sympy.Eq(i, j)), (0, True)))
    KroneckerDelta(i, j)
    """

    def rewrite(p: Any) -> Any:
        if len(p.args) == 2 and p.args[0][0] == 1 and isinstance(p.args[0][1], sympy.Eq) and p.args[1] == (0, True):
            return sympy.KroneckerDelta(*p.args[0][1].args)
        return p

    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Piecewise), rewrite)


def canonical_relation(relation: Any) -> Any:
    """``a >= b``, ``a > b``, ``a <= b``, ``a < b`` as ``e >= 0`` with ``e`` expanded; a strict
    relation between integers as ``a - b - 1 >= 0`` (side condition, checked: ``a - b`` is an
    integer; otherwise it stays strict, ``a - b > 0``); a relation between numbers becomes true
    or false."""
    if isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan, sympy.LessThan, sympy.StrictLessThan)):
        greater = isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan))
        big, small = (relation.lhs, relation.rhs) if greater else (relation.rhs, relation.lhs)
        difference = sympy.expand(big - small)
        if isinstance(relation, (sympy.StrictGreaterThan, sympy.StrictLessThan)):
            if difference.is_number:
                return sympy.true if difference > 0 else sympy.false
            if difference.is_integer is not True:  # x > 0 is not x >= 1 for a real x
                return sympy.StrictGreaterThan(difference, 0, evaluate=False)
            difference -= 1
        if difference.is_number:
            return sympy.true if difference >= 0 else sympy.false
        return sympy.GreaterThan(difference, 0, evaluate=False)
    return relation


def is_zero_extension(expr: Any) -> bool:
    """Whether ``expr`` is ``Piecewise((A, condition), (0, True))``."""
    return isinstance(expr, sympy.Piecewise) and len(expr.args) == 2 and expr.args[1] == (0, True)


def canonical_zero_extension(expr: Any) -> Any:
    """Zero extensions in canonical form: ``Piecewise((A, c), (0, True))`` with nested conditions
    merged by ``And``, a constant factor moved inside, integer relations written ``e >= 0`` and
    the indices of indexed symbols expanded.

    >>> import sympy
    >>> m, h = sympy.symbols("m h", integer=True)
    >>> X = sympy.IndexedBase("X")
    >>> inner = sympy.Piecewise((X[m], m >= 0), (0, True))
    >>> canonical_zero_extension(2 * sympy.Piecewise((inner, m < h), (0, True)))
    Piecewise((2*X[m], (m >= 0) & (h - m >= 1)), (0, True))
    """
    expr = sympy.sympify(expr)
    if isinstance(expr, sympy.Indexed):
        return expr.base[tuple(sympy.expand(i) for i in expr.indices)]
    if is_zero_extension(expr):
        value, condition = expr.args[0]
        value = canonical_zero_extension(value)
        condition = condition.replace(lambda e: isinstance(e, Relational), canonical_relation)
        if is_zero_extension(value):
            value, inner = value.args[0]
            condition = sympy.And(condition, inner)
        return sympy.Piecewise((value, condition), (0, True))
    if isinstance(expr, Mul):
        factors = [canonical_zero_extension(a) for a in expr.args]
        extended = [f for f in factors if is_zero_extension(f)]
        if len(extended) == 1:  # c * Piecewise((A, cond), (0, True)) = Piecewise((c A, cond), (0, True))
            (value, condition), _ = extended[0].args
            rest = Mul(*[f for f in factors if f is not extended[0]])
            return sympy.Piecewise((rest * value, condition), (0, True))
        return Mul(*factors)
    if isinstance(expr, Basic) and expr.args and not isinstance(expr, Relational):
        return expr.func(*[canonical_zero_extension(a) for a in expr.args])
    return expr
