r"""Transformations: named, cheap rewrites applied before a structural comparison.

Each one states what it does (``expand`` a difference, ``doit``, interchange finite sums,
substitute a summation index, divide a summation index with remainder); none calls
``simplify``.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> EXPAND.equal((x + 1)**2, x**2 + 2*x + 1)
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Basic, MatrixBase, Mul

__all__ = ["Transformation", "STRUCTURAL", "EXPAND", "DOIT", "DOIT_EXPAND", "SUMS", "reindex", "split_sum"]


@dataclass(frozen=True)
class Transformation:
    """A named, cheap transformation applied to both sides before structural comparison.

    ``difference=True`` applies it to ``lhs - rhs`` and expects ``0`` instead.
    """

    name: str
    apply: Callable[[Any], Any]
    difference: bool = False
    #: definitions to substitute before a numeric check (``expr -> expr``)
    definitions: Callable[[Any], Any] | None = None

    def equal(self, lhs: Any, rhs: Any) -> bool:
        """Whether two scalar SymPy objects are equal after the transformation."""
        if lhs == rhs:
            return True
        if self.difference:
            value = self.apply(sympy.sympify(lhs) - sympy.sympify(rhs))
            return bool(value == 0 or getattr(value, "is_zero_matrix", False) is True)
        return bool(self.apply(lhs) == self.apply(rhs))


def _doit(expr: Any) -> Any:
    return expr.doit() if isinstance(expr, Basic) else expr


def _doit_expand(expr: Any) -> Any:
    value = _doit(expr)
    if isinstance(value, MatrixBase):
        return value.applyfunc(sympy.expand)
    return sympy.expand(value)


def _canonical_deltas(expr: Any) -> Any:
    """``KroneckerDelta(a, b)`` depends on ``a - b`` only: rewrite it ``KroneckerDelta(a - b, 0)``,
    the difference expanded and its sign fixed."""

    def canonical(delta: Any) -> Any:
        difference = sympy.expand(delta.args[0] - delta.args[1])
        if difference.could_extract_minus_sign():
            difference = -difference
        return sympy.KroneckerDelta(difference, 0, evaluate=False)

    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.KroneckerDelta), canonical)


def _merge_sums(expr: Any) -> Any:
    """One ``Sum`` over all (rectangular) limits, in a fixed order, of an expanded body.

    Valid for finite sums whose limits do not depend on other summation variables:
    constant factors move inside, nested sums merge, and their order is irrelevant.
    """
    if isinstance(expr, sympy.Sum):
        body = _merge_sums(expr.function)
        limits = list(expr.limits)
        if isinstance(body, sympy.Sum):
            limits += list(body.limits)
            body = body.function
        variables = {limit[0] for limit in limits}
        if any(set(limit[1:]).__len__() and sympy.Tuple(*limit[1:]).free_symbols & variables for limit in limits):
            return sympy.Sum(body, *limits)  # not rectangular: keep the order
        return sympy.Sum(sympy.expand(body), *sorted(limits, key=lambda limit: str(limit[0])))
    if isinstance(expr, Mul):
        factors = [_merge_sums(f) for f in expr.args]
        sums = [f for f in factors if isinstance(f, sympy.Sum)]
        if len(sums) == 1:
            rest = Mul(*[f for f in factors if f is not sums[0]])
            return _merge_sums(sympy.Sum(rest * sums[0].function, *sums[0].limits))
        return Mul(*factors)
    if isinstance(expr, Basic) and expr.args and not isinstance(expr, sympy.Indexed):
        return expr.func(*[_merge_sums(a) for a in expr.args])
    return expr


def _indicators(expr: Any) -> Any:
    """``Piecewise((1, Eq(a, b)), (0, True))`` is ``KroneckerDelta(a, b)``."""

    def rewrite(p: Any) -> Any:
        if len(p.args) == 2 and p.args[0][0] == 1 and isinstance(p.args[0][1], sympy.Eq) and p.args[1] == (0, True):
            return sympy.KroneckerDelta(*p.args[0][1].args)
        return p

    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Piecewise), rewrite)


#: Structural equality of the canonical SymPy forms.
STRUCTURAL = Transformation("structural equality", lambda e: e)


def _evaluated(expr: Any) -> Any:
    """Arithmetic built with ``evaluate=False`` (to show it as written), evaluated again."""
    if not isinstance(expr, Basic):
        return expr
    return expr.replace(lambda e: isinstance(e, (sympy.Add, sympy.Mul, sympy.Pow)), lambda e: e.func(*e.args))


#: ``expand`` of the difference of two entries (arithmetic written unevaluated is evaluated first).
EXPAND = Transformation("expand", lambda e: sympy.expand(_evaluated(e)), difference=True)
#: ``doit`` (evaluate sums, deltas and products) on both sides.
DOIT = Transformation("doit", _doit)
#: ``doit``, fold piecewise, ``expand`` on the difference.
DOIT_EXPAND = Transformation("doit and expand", _doit_expand, difference=True)


#: Interchange and merge finite sums (constant factors moved inside), expand the bodies;
#: Kronecker deltas compared through the difference of their arguments.
SUMS = Transformation("interchange of finite sums", lambda e: _canonical_deltas(_merge_sums(e)))


def reindex(old: Any, substitution: Any, new: Any) -> Transformation:
    """Change the summation variable ``old`` to ``new`` with ``old = substitution(new)``
    (a linear bijection of the range, e.g. ``m = q - 1 - k``), then compare as :data:`SUMS`."""

    def apply(expr: Any) -> Any:
        def change(s: Any) -> Any:
            if any(limit[0] == old for limit in s.limits):
                return s.change_index(old, substitution.subs(new, old), new)
            return s

        changed = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), change)
        return _canonical_deltas(_merge_sums(changed))

    return Transformation(f"substitute ${sympy.latex(old)} = {sympy.latex(substitution)}$ in the sum", apply)


def split_sum(variable: Any, modulus: Any, quotient: Any, remainder: Any, count: Any) -> Transformation:
    """Division with remainder: ``sum_{k=0}^{s m - 1} f(k) = sum_{t=0}^{m-1} sum_{c=0}^{s-1} f(s t + c)``
    (``k <-> (t, c)`` is a bijection), applied to sums over ``variable``; then :data:`SUMS`."""

    def change(s: Any) -> Any:
        limits = list(s.limits)
        for n, (v, low, high) in enumerate(limits):
            if v == variable and low == 0 and sympy.expand(high - (modulus * count - 1)) == 0:
                body = s.function.xreplace({variable: modulus * quotient + remainder})
                rest = limits[:n] + limits[n + 1 :]
                return sympy.Sum(body, (remainder, 0, modulus - 1), (quotient, 0, count - 1), *rest)
        return s

    def apply(expr: Any) -> Any:
        changed = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), change)
        return _canonical_deltas(_merge_sums(_indicators(changed)))

    return Transformation(
        f"division with remainder: ${sympy.latex(variable)} = {sympy.latex(modulus)} "
        f"{sympy.latex(quotient)} + {sympy.latex(remainder)}$",
        apply,
    )
