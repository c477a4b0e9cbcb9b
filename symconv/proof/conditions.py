r"""Conditions in canonical form, and whether an integer relation holds for bounded variables.

Two equal conditions must compare structurally, so each kind is written one way:

- an equality ``a = b`` as the Kronecker delta of the difference, ``KroneckerDelta(a - b, 0)``
  (:func:`canonical_deltas`), and its indicator ``Piecewise((1, Eq(a, b)), (0, True))`` as a
  delta (:func:`indicators_as_deltas`);
- an inequality between integers as ``e >= 0``, ``e`` expanded (:func:`canonical_relation`);
- a zero extension, an expression that is 0 outside a range, as one
  ``Piecewise((A, condition), (0, True))`` (:func:`canonical_zero_extension`).

Whether ``e >= 0`` holds for every value of bounded variables is decided at the corners of the
bounds (:func:`corners`, :func:`provably_nonnegative`, :func:`strictly_below`). The rules that
use these forms live in :mod:`.sums`, :mod:`.deltas` and :mod:`.integers`.

>>> import sympy
>>> i, j = sympy.symbols("i j", integer=True)
>>> canonical_deltas(sympy.KroneckerDelta(i, j + 1)) == canonical_deltas(sympy.KroneckerDelta(j + 1, i))
True
>>> canonical_relation(i < j)
-i + j - 1 >= 0
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
    "corners",
    "provably_nonnegative",
    "strictly_below",
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
    """``a >= b``, ``a > b``, ``a <= b``, ``a < b`` over the integers as ``e >= 0`` with ``e``
    expanded (``a > b`` is ``a - b - 1 >= 0``); a relation between numbers becomes true or false."""
    if isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan, sympy.LessThan, sympy.StrictLessThan)):
        greater = isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan))
        big, small = (relation.lhs, relation.rhs) if greater else (relation.rhs, relation.lhs)
        strict = isinstance(relation, (sympy.StrictGreaterThan, sympy.StrictLessThan))
        difference = sympy.expand(big - small - (1 if strict else 0))
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


def corners(expr: Any, bounds: tuple[tuple[Any, Any, Any], ...]) -> list[Any]:
    """``expr`` (linear in each bounded variable) at every combination of the variables' ends,
    for bounds ``(variable, low, high)``.

    >>> import sympy
    >>> a, b, h = sympy.symbols("a b h", integer=True)
    >>> corners(a + b, ((a, 0, h), (b, 1, 2)))
    [1, 2, h + 1, h + 2]
    """
    values = [sympy.expand(expr)]
    for variable, low, high in bounds:
        values = [c.xreplace({variable: end}) for c in values for end in (low, high)]
    return values


def provably_nonnegative(expr: Any) -> bool:
    """Whether ``expr`` is >= 0 for all values of its symbols, positive integers being >= 1.

    >>> import sympy
    >>> s = sympy.Symbol("s", integer=True, positive=True)
    >>> provably_nonnegative(s - 1), provably_nonnegative(s - 2)
    (True, False)
    """
    expr = sympy.together(sympy.expand(expr))
    if expr.is_nonnegative:
        return True
    shifted = {v: v + 1 for v in expr.free_symbols if v.is_integer and v.is_positive}
    fresh = {v: sympy.Dummy(v.name, integer=True, nonnegative=True) for v in shifted}
    moved = sympy.together(sympy.expand(expr.xreplace({v: fresh[v] + 1 for v in shifted})))
    return bool(moved.is_nonnegative)


def strictly_below(expr: Any, bound: Any) -> bool:
    """``expr < bound`` for all values of the symbols: ``bound - expr`` is positive, positive
    integers being >= 1."""
    difference = sympy.together(sympy.expand(bound - expr))
    if difference.is_positive:
        return True
    shifted = {v for v in difference.free_symbols if v.is_integer and v.is_positive}
    moved = sympy.together(
        sympy.expand(difference.xreplace({v: sympy.Dummy(v.name, integer=True, nonnegative=True) + 1 for v in shifted}))
    )
    return bool(moved.is_positive)
