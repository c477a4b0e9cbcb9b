r"""Finite sums: interchange and merge (:data:`SUMS`), a change of the summation variable
(:class:`Reindex`), division of the summation variable with remainder (:class:`SplitSum`), a
sum extended by terms that are zero (:class:`ExtendSum`).

Each rule merges the nested finite sums of both sides into one ``Sum`` over all limits, in a
fixed order, of an expanded body (:func:`merge_sums`), and writes Kronecker deltas canonically
(:func:`~.conditions.canonical_deltas`); then the two sides compare structurally, up to the
names of the bound variables. Bound variables are renamed apart first
(:func:`~.binders.rename_apart`), so that no factor moved into a sum, and no value put in for a
variable, is captured by a sum that binds the same letter.

>>> import sympy
>>> i, k, h, q = sympy.symbols("i k h q", integer=True)
>>> W, X = sympy.IndexedBase("W"), sympy.IndexedBase("X")
>>> SUMS.equal(sympy.Sum(W[k] * sympy.Sum(X[i], (i, 0, h)), (k, 0, q)),
...            sympy.Sum(sympy.Sum(X[i] * W[k], (k, 0, q)), (i, 0, h)))
True
>>> SUMS.equal(k * sympy.Sum(X[k], (k, 0, q)), sympy.Sum(k * X[k], (k, 0, q)))  # no capture
False
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Basic, Mul

from ..errors import SideConditionError
from ..printing.reading import reading_latex
from .binders import bound_variable, rename_apart, substitute
from .bounds import implied
from .conditions import canonical_deltas, indicators_as_deltas
from .transformations import Transformation

__all__ = ["Sums", "SUMS", "Reindex", "reindex", "SplitSum", "split_sum", "ExtendSum", "extend_sum", "merge_sums"]


def merge_sums(expr: Any) -> Any:
    """One ``Sum`` over all (rectangular) limits, in a fixed order, of an expanded body.

    Bound variables are renamed apart first (fresh ``Dummy`` variables of the same names), so a
    factor moved inside is never captured. Valid for finite sums: constant factors move inside,
    nested sums merge, and when no limit depends on another summation variable their order is
    irrelevant. Sums whose limits depend on each other keep their order.
    """
    return _merge(rename_apart(sympy.sympify(expr)))


def _merge(expr: Any) -> Any:
    if isinstance(expr, sympy.Sum):
        body = _merge(expr.function)
        limits = list(expr.limits)
        if isinstance(body, sympy.Sum):  # Sum(Sum(f, inner), outer) = Sum(f, inner, outer): innermost first
            limits = list(body.limits) + limits
            body = body.function
        variables = {limit[0] for limit in limits}
        if any(sympy.Tuple(*limit[1:]).free_symbols & variables for limit in limits):
            return sympy.Sum(body, *limits)  # not rectangular: keep the order
        if sum(any(e.is_infinite for e in limit[1:]) for limit in limits) > 1:
            return sympy.Sum(body, *limits)  # two series: exchanging them needs convergence, keep the order
        # a fixed order that does not depend on the names where the ranges differ (alpha-equivalence)
        order = sorted(limits, key=lambda limit: (sympy.sstr(sympy.Tuple(*limit[1:])), limit[0].name))
        return sympy.Sum(sympy.expand(body), *order)
    if isinstance(expr, Mul):
        factors = [_merge(f) for f in expr.args]
        sums = [f for f in factors if isinstance(f, sympy.Sum)]
        if len(sums) == 1:  # the summation variables are fresh: the other factors cannot contain them
            rest = Mul(*[f for f in factors if f is not sums[0]])
            return _merge(sympy.Sum(rest * sums[0].function, *sums[0].limits))
        return Mul(*factors)
    if isinstance(expr, Basic) and expr.args and not isinstance(expr, sympy.Indexed):
        return expr.func(*[_merge(a) for a in expr.args])
    return expr


def _split_limits(total: Any, variable: Any) -> tuple[Any, tuple[Any, Any, Any], list[Any]] | None:
    """``Sum(f, inner..., (v, a, b), outer...)`` as ``(Sum(f, inner...), (v, a, b), outer)``, the inner
    part in the scope of ``v``, for the summation variable ``v`` named ``variable`` (an earlier rule
    may have renamed it apart); ``None`` when there is none."""
    limits = list(total.limits)
    for n, limit in enumerate(limits):
        if getattr(limit[0], "name", None) == variable.name and len(limit) == 3:
            inner = sympy.Sum(total.function, *limits[:n]) if n else total.function
            return inner, tuple(limit), limits[n + 1 :]
    return None


class Sums(Transformation):
    """Interchange and merge finite sums (constant factors moved inside), expand the bodies;
    Kronecker deltas compared through the difference of their arguments.

    Rewrites: ``c * Sum(f, k) = Sum(c f, k)``, ``Sum(Sum(f, i), k) = Sum(f, i, k)``, the limits of
    a rectangular sum in any order, ``delta(a, b) = delta(a - b, 0)``. Side conditions: ``k`` does
    not occur in ``c`` (ensured: bound variables are renamed apart, and a failing comparison in
    which a letter is both free and bound is refused, naming it); limits that depend on another
    summation variable keep their order, and so do two or more infinite ranges, whose exchange
    would need convergence (checked: the order is kept).
    """

    def __init__(self, name: str = "interchange of finite sums") -> None:
        super().__init__(name)

    def apply(self, expr: Any) -> Any:
        return canonical_deltas(merge_sums(expr))

    def compare(self, lhs: Any, rhs: Any) -> str:
        difference = super().compare(lhs, rhs)
        if difference and any(_series(side) > 1 for side in (lhs, rhs)):
            raise SideConditionError(
                self.name,
                "two infinite sums are not exchanged (that needs absolute convergence, not shown): " + difference,
            )
        return difference


def _series(expr: Any) -> int:
    """The largest number of infinite ranges among the sums of ``expr``, nested sums counted together."""
    if not isinstance(expr, Basic):
        return 0
    merged = merge_sums(expr)
    return max(
        (sum(any(e.is_infinite for e in limit[1:]) for limit in s.limits) for s in merged.atoms(sympy.Sum)), default=0
    )


#: Interchange and merge finite sums; deltas compared by difference.
SUMS = Sums()


class Reindex(Sums):
    """Change the summation variable ``old`` to ``new`` with ``old = substitution(new)``
    (a linear bijection of the range, e.g. ``m = q - 1 - k``), then compare as :data:`SUMS`.

    Side conditions, each checked when a sum over ``old`` is found (refused otherwise): the
    substitution is ``old = +-new + b`` (a bijection of the integers, not a wider step) with
    ``b`` an integer free of ``old``; ``new`` is fresh (ensured: a fresh variable named ``new``
    replaces it, and limits of inner sums that depend on ``old`` are substituted too).

    >>> import sympy
    >>> m, k, q = sympy.symbols("m k q", integer=True)
    >>> W = sympy.IndexedBase("W")
    >>> rule = Reindex(m, q - 1 - k, k)
    >>> rule.equal(sympy.Sum(W[q - 1 - m], (m, 0, q - 1)), sympy.Sum(W[k], (k, 0, q - 1)))
    True
    """

    def __init__(self, old: Any, substitution: Any, new: Any) -> None:
        super().__init__(f"substitute ${reading_latex(old)} = {reading_latex(substitution)}$ in the sum")
        self.old, self.substitution, self.new = old, substitution, new

    def shift(self) -> tuple[Any, Any]:
        """``(a, b)`` with ``old = a new + b``, ``a = +-1``; refused otherwise."""
        substitution = sympy.expand(sympy.sympify(self.substitution))
        poly = substitution.as_poly(self.new)
        slope = poly.coeff_monomial(self.new) if poly is not None and poly.degree() == 1 else None
        if slope not in (1, -1):
            raise SideConditionError(
                self.name,
                f"{self.old} = {sympy.sstr(substitution)} is not {self.old} = +-{self.new} + b: "
                "not a bijection of the summation range",
            )
        offset = sympy.expand(substitution - slope * self.new)
        if self.old in offset.free_symbols or offset.is_integer is not True:
            raise SideConditionError(
                self.name, f"the offset {sympy.sstr(offset)} must be an integer not containing {self.old}"
            )
        return slope, offset

    def apply(self, expr: Any) -> Any:
        def change(total: Any) -> Any:
            found = _split_limits(total, self.old)
            if found is None:
                return total
            inner, (old, low, high), outer = found
            slope, offset = self.shift()
            ends = (low - offset, high - offset) if slope == 1 else (offset - high, offset - low)
            new = bound_variable(self.new, *ends)
            body = substitute(inner, {old: slope * new + offset})
            changed = sympy.Sum(body, (new, *ends))
            return sympy.Sum(changed, *outer) if outer else changed

        return super().apply(sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), change))


#: :class:`Reindex`, spelled as the derivations use it.
reindex = Reindex


class SplitSum(Sums):
    """Division with remainder: ``sum_{k=0}^{s m - 1} f(k) = sum_{t=0}^{m-1} sum_{c=0}^{s-1} f(s t + c)``
    (``k <-> (t, c)`` is a bijection), applied to sums over ``variable``; indicators of
    equalities become deltas; then :data:`SUMS`.

    Side conditions, checked when a sum over ``variable`` from 0 to ``s m - 1`` is found (refused
    otherwise): ``s`` is a positive integer (by its assumptions, the hypotheses or the step's
    ``where``) and ``m`` an integer (for ``m <= 0`` both sides are empty). ``t`` and ``c`` are fresh (ensured:
    fresh variables of those names are used, and limits of inner sums that depend on ``k`` are
    substituted too). Sums over ``variable`` with other limits are left as they are.
    """

    def __init__(self, variable: Any, modulus: Any, quotient: Any, remainder: Any, count: Any) -> None:
        super().__init__(
            f"division with remainder: ${reading_latex(variable)} = {reading_latex(modulus)} "
            f"{reading_latex(quotient)} + {reading_latex(remainder)}$"
        )
        self.variable, self.modulus, self.count = variable, modulus, count
        self.quotient, self.remainder = quotient, remainder

    def refuse_unless_valid(self) -> None:
        """Refuse unless ``s`` is a positive integer and ``m`` an integer (for ``m <= 0`` both sides
        are empty sums)."""
        s, m = sympy.sympify(self.modulus), sympy.sympify(self.count)
        if s.is_integer is not True or not implied(s - 1, self.facts):
            raise SideConditionError(self.name, f"the modulus {s} is not shown to be a positive integer")
        if m.is_integer is not True:
            raise SideConditionError(self.name, f"the count {m} is not shown to be an integer")

    def apply(self, expr: Any) -> Any:
        def change(total: Any) -> Any:
            found = _split_limits(total, self.variable)
            if found is None:
                return total
            inner, (variable, low, high), outer = found
            if low != 0 or sympy.expand(high - (self.modulus * self.count - 1)) != 0:
                return total
            self.refuse_unless_valid()
            quotient = bound_variable(self.quotient, 0, self.count - 1)
            remainder = bound_variable(self.remainder, 0, self.modulus - 1)
            body = substitute(inner, {variable: self.modulus * quotient + remainder})
            changed = sympy.Sum(body, (remainder, 0, self.modulus - 1), (quotient, 0, self.count - 1))
            return sympy.Sum(changed, *outer) if outer else changed

        changed = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), change)
        return super().apply(indicators_as_deltas(changed))

    def compare(self, lhs: Any, rhs: Any) -> str:
        """As every rule; when a sum over the variable was left as it is because its range is not
        ``0..s m - 1``, the refusal says so."""
        difference = super().compare(lhs, rhs)
        if not difference:
            return ""
        last = sympy.expand(self.modulus * self.count - 1)
        for side in (lhs, rhs):
            for total in sympy.sympify(side).atoms(sympy.Sum):
                found = _split_limits(total, self.variable)
                if found is not None and (found[1][1] != 0 or sympy.expand(found[1][2] - last) != 0):
                    v, low, high = found[1]
                    return (
                        f"{self.name}: the sum over {v} runs from {sympy.sstr(low)} to {sympy.sstr(high)}, not "
                        f"from 0 to {sympy.sstr(last)}, so it is left as it is; {difference}"
                    )
        return difference


#: :class:`SplitSum`, spelled as the derivations use it.
split_sum = SplitSum


class ExtendSum(Sums):
    """Sums over ``variable`` up to ``high`` are extended up to ``new_high`` by terms that are zero;
    then :data:`SUMS`.

    Side conditions (checked, the sum left as it is otherwise, and the step fails):
    ``new_high - high`` is a positive integer, and the summand is zero, identically in every other
    variable, at each added value. Those of :data:`SUMS`.

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
            f"terms that are zero added: ${reading_latex(variable)}$ up to ${reading_latex(new_high)}$ "
            f"instead of ${reading_latex(high)}$"
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


extend_sum = ExtendSum
