r"""Two rules the bilinear derivations need besides the catalogue of :mod:`symconv.proof`, each with
its side conditions checked.

- :class:`KnownSigns`: ``|e| = e`` where ``e >= 0`` holds on the bounds of its variables,
  ``|e| = -e`` where ``e <= 0`` holds;
- :class:`ExtendSum`: a finite sum extended by terms that are zero;
- :data:`WRITTEN_OUT`: arithmetic written out unevaluated (``W_{2 \cdot 1 + 0}``) evaluated, then
  ``doit``; the numeric check evaluates it too.

>>> import sympy
>>> r, f = sympy.Symbol("r", integer=True, nonnegative=True), sympy.Symbol("f", integer=True, positive=True)
>>> KnownSigns((r, 0, f - 1)).equal(sympy.Abs(r - f), f - r)
True
>>> KnownSigns((r, 0, f + 1)).equal(sympy.Abs(r - f), f - r)
False
"""

from __future__ import annotations

from typing import Any

import sympy

from symconv.proof.bounds import bound_relations, extremes, provably_nonnegative
from symconv.proof.sums import Sums
from symconv.proof.transformations import Transformation, ZeroDifference, doit, evaluated

__all__ = ["KnownSigns", "ExtendSum", "WrittenOut", "WRITTEN_OUT"]


class KnownSigns(ZeroDifference):
    """``|e| = e`` when ``e >= 0`` at every corner of the bounds ``(v, low, high)`` of its variables,
    ``|e| = -e`` when ``e <= 0`` there; then ``expand`` of the difference of the two sides.

    Conditions (checked): ``e`` is a polynomial of degree at most 1 in each bounded variable (so
    that its values at the ends of the ranges bound it); the stated bounds follow from the step's
    ``where``, the derivation's hypotheses, the symbols' assumptions or the enclosing sums (the
    checker proves them: :meth:`conditions`).
    """

    def __init__(self, *bounds: tuple[Any, Any, Any]) -> None:
        names = ", ".join(f"${sympy.latex(lo)} \\le {sympy.latex(v)} \\le {sympy.latex(hi)}$" for v, lo, hi in bounds)
        super().__init__(f"signs of absolute values for {names}")
        self.bounds = bounds

    def sign(self, absolute: Any) -> Any:
        """``e`` or ``-e`` for ``Abs(e)`` when the sign of ``e`` follows from the bounds, else ``Abs(e)``."""
        e = sympy.expand(absolute.args[0])
        for variable, _, _ in self.bounds:
            if e.has(variable) and (not e.is_polynomial(variable) or sympy.degree(e, variable) > 1):
                return absolute
        values = extremes(e, self.bounds, self.name, absolute)
        if all(provably_nonnegative(c) for c in values):
            return e
        if all(provably_nonnegative(-c) for c in values):
            return -e
        return absolute

    def conditions(self) -> tuple[Any, ...]:
        return bound_relations(self.bounds)

    def compare(self, lhs: Any, rhs: Any) -> str:
        """As every rule; a refusal names the absolute value whose sign the bounds do not give."""
        difference = super().compare(lhs, rhs)
        if not difference:
            return ""
        left = [a for side in (lhs, rhs) for a in sympy.sympify(self.apply(side)).atoms(sympy.Abs)]
        unknown = f"the sign of {sympy.sstr(left[0].args[0])} does not follow from the bounds; " if left else ""
        return f"{self.name}: {unknown}{difference}"

    def apply(self, expr: Any) -> Any:
        return sympy.expand(sympy.sympify(expr).replace(lambda x: isinstance(x, sympy.Abs), self.sign))


class ExtendSum(Sums):
    """Sums over ``variable`` up to ``high`` are extended up to ``new_high``: allowed only when
    ``new_high - high`` is a positive integer and the summand is zero, identically in every other
    variable, at each added value; then :data:`~symconv.proof.SUMS`. A summand that is not shown
    zero leaves the sum as it is (the step then fails).

    >>> import sympy
    >>> k, n = sympy.Symbol("k", integer=True), sympy.Symbol("n", integer=True, positive=True)
    >>> rule = ExtendSum(k, n, n + 1)
    >>> rule.equal(sympy.Sum((n + 1 - k) * k, (k, 0, n)), sympy.Sum((n + 1 - k) * k, (k, 0, n + 1)))
    True
    >>> rule.equal(sympy.Sum(k, (k, 0, n)), sympy.Sum(k, (k, 0, n + 1)))  # the added term n + 1 is not 0
    False
    """

    def __init__(self, variable: Any, high: Any, new_high: Any) -> None:
        super().__init__(
            f"terms that are zero added: ${sympy.latex(variable)}$ up to ${sympy.latex(new_high)}$ "
            f"instead of ${sympy.latex(high)}$"
        )
        self.variable, self.high, self.new_high = variable, high, new_high

    def extend(self, total: Any) -> Any:
        extra = sympy.expand(self.new_high - self.high)
        limits = list(total.limits)
        for n, (v, low, high) in enumerate(limits):
            if v != self.variable or sympy.expand(high - self.high) != 0:
                continue
            if not (extra.is_Integer and extra > 0):
                return total
            added = [sympy.expand(total.function.xreplace({v: self.high + e})) for e in range(1, int(extra) + 1)]
            if any(term != 0 for term in added):
                return total
            limits[n] = (v, low, self.new_high)
            return sympy.Sum(total.function, *limits)
        return total

    def apply(self, expr: Any) -> Any:
        extended = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), self.extend)
        return super().apply(extended)

    def compare(self, lhs: Any, rhs: Any) -> str:
        """As every rule; a refusal says that the sum was not extended (its added terms are not 0)."""
        difference = super().compare(lhs, rhs)
        return (
            f"{self.name}: the added terms are not shown to be 0, the sum is left as it is; {difference}"
            if difference
            else ""
        )


class WrittenOut(Transformation):
    """Arithmetic written out unevaluated is evaluated (also inside indices), then ``doit``, on
    both sides; the numeric check evaluates it first too.

    >>> import sympy
    >>> W = sympy.IndexedBase("W")
    >>> WRITTEN_OUT.compare(sympy.Tuple(W[1]), sympy.Tuple(W[sympy.Add(2, -1, evaluate=False)]))
    ''
    """

    def __init__(self) -> None:
        super().__init__("the arithmetic written out, evaluated")

    def apply(self, expr: Any) -> Any:
        return doit(evaluated(expr))

    def unfold(self, expr: Any) -> Any:
        return evaluated(expr)

    def compare(self, lhs: Any, rhs: Any) -> str:
        difference = super().compare(lhs, rhs)
        return f"{self.name}: {difference}" if difference else ""


#: Arithmetic written out unevaluated is evaluated, then ``doit``.
WRITTEN_OUT = WrittenOut()
