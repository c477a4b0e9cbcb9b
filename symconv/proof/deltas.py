r"""Kronecker deltas: a sum against a delta collapses (:data:`COLLAPSE`), leaving a zero
extension; zero-padded arrays are compared through their definitions (:class:`ZeroExtension`).

``sum_v delta(v, e) f(v) = f(e)`` when ``e`` is in the range of ``v``, 0 otherwise. Only a
coefficient +-1 of ``v`` in the delta is collapsed: SymPy's own delta summation divides by the
coefficient and drops the divisibility condition. The canonical forms of deltas and of zero
extensions are those of :mod:`.conditions`.

>>> import sympy
>>> i, j = sympy.symbols("i j", integer=True)
>>> X = sympy.IndexedBase("X")
>>> COLLAPSE.apply(sympy.Sum(sympy.KroneckerDelta(i, j + 1) * X[i], (i, 0, 9)))
Piecewise((X[j + 1], (j >= -1) & (j <= 8)), (0, True))
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import sympy
from sympy import Basic, Mul

from .conditions import canonical_zero_extension
from .sums import merge_sums
from .transformations import Transformation

__all__ = ["Collapse", "COLLAPSE", "ZeroExtension", "zero_extension", "collapse_deltas", "derivatives_as_deltas"]


def collapse_deltas(expr: Any, only: Collection[Any] | None = None) -> Any:
    """Sum a Kronecker delta against its summation variable: ``sum_v delta(v, e) f(v) = f(e)``
    when ``a <= e <= b`` (a ``Piecewise`` inside the remaining sums), 0 otherwise; only for the
    summation variables in ``only`` when given.

    Only deltas whose argument difference has coefficient +-1 in ``v`` are collapsed (a
    coefficient ``d`` would need ``d | e``); everything else is left as it is.
    """
    expr = sympy.sympify(expr)
    if not isinstance(expr, Basic) or not expr.args or isinstance(expr, sympy.Indexed):
        return expr
    expr = expr.func(*[collapse_deltas(a, only) for a in expr.args])
    if not isinstance(expr, sympy.Sum):
        return expr
    if isinstance(sympy.expand(expr.function), sympy.Add):  # a sum of terms: each term on its own
        return sympy.Add(
            *[collapse_deltas(sympy.Sum(term, *expr.limits), only) for term in sympy.expand(expr.function).args]
        )
    body, limits, conditions = expr.function, list(expr.limits), []
    progress = True
    while progress:
        progress = False
        for limit in limits:
            variable, low, high = limit
            if only is not None and variable not in only:
                continue
            factors = Mul.make_args(body)
            for factor in factors:
                if not isinstance(factor, sympy.KroneckerDelta):
                    continue
                difference = sympy.expand(factor.args[0] - factor.args[1])
                coefficient = difference.coeff(variable)
                rest = sympy.expand(difference - coefficient * variable)
                if coefficient not in (1, -1) or variable in rest.free_symbols:
                    continue
                value = -rest / coefficient
                body = Mul(*[f for f in factors if f is not factor]).xreplace({variable: value})
                conditions += [value >= low] if low != -sympy.oo else []
                conditions += [value <= high] if high != sympy.oo else []
                limits.remove(limit)
                progress = True
                break
            if progress:
                break
    if conditions:
        body = sympy.Piecewise((body, sympy.And(*conditions)), (0, True))
    return sympy.Sum(body, *limits) if limits else body


def derivatives_as_deltas(expr: Any) -> Any:
    """Evaluate derivatives one level (``d X_i / d X_j = delta(i, j)``), leaving the sums to
    :func:`collapse_deltas`."""
    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Derivative), lambda e: e.doit(deep=False))


class Collapse(Transformation):
    """A sum against a Kronecker delta collapses (derivatives evaluated first to deltas), zero
    outside the range; zero extensions compared canonically."""

    def __init__(self) -> None:
        super().__init__("sum against a Kronecker delta, zero outside the range")

    def apply(self, expr: Any) -> Any:
        return canonical_zero_extension(collapse_deltas(derivatives_as_deltas(expr)))


#: A sum against a Kronecker delta collapses; zero extensions compared canonically.
COLLAPSE = Collapse()


class ZeroExtension(Transformation):
    """Substitute ``(function, Lambda)`` definitions (a zero-padded input, say), merge finite
    sums, then compare zero extensions canonically; the numeric check substitutes the
    definitions too.

    >>> import sympy
    >>> i, m = sympy.symbols("i m", integer=True)
    >>> h = sympy.Symbol("h", integer=True, positive=True)
    >>> X, padded = sympy.IndexedBase("X"), sympy.Function("P")
    >>> rule = ZeroExtension((padded, sympy.Lambda(i, sympy.Piecewise((X[i], (i >= 0) & (i < h)), (0, True)))))
    >>> rule.equal(padded(m + 1), sympy.Piecewise((X[m + 1], (m >= -1) & (m < h - 1)), (0, True)))
    True
    >>> rule.equal(padded(m + 1), sympy.Piecewise((X[m + 1], (m >= 0) & (m < h - 1)), (0, True)))
    False
    """

    def __init__(self, *definitions: tuple[Any, Any]) -> None:
        super().__init__("definitions substituted, zero extension compared")
        self.definitions = definitions

    def unfold(self, expr: Any) -> Any:
        expr = sympy.sympify(expr)
        for function, definition in self.definitions:
            expr = expr.replace(function, definition)
        return expr

    def apply(self, expr: Any) -> Any:
        return canonical_zero_extension(merge_sums(self.unfold(expr)))


#: :class:`ZeroExtension`, spelled as the derivations use it.
zero_extension = ZeroExtension
