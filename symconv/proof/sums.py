r"""Finite sums: interchange and merge (:data:`SUMS`), a change of the summation variable
(:class:`Reindex`), division of the summation variable with remainder (:class:`SplitSum`).

Each rule merges the nested finite sums of both sides into one ``Sum`` over all limits, in a
fixed order, of an expanded body (:func:`merge_sums`), and writes Kronecker deltas canonically
(:func:`~.conditions.canonical_deltas`); then the two sides compare structurally.

>>> import sympy
>>> i, k, h, q = sympy.symbols("i k h q", integer=True)
>>> W, X = sympy.IndexedBase("W"), sympy.IndexedBase("X")
>>> SUMS.equal(sympy.Sum(W[k] * sympy.Sum(X[i], (i, 0, h)), (k, 0, q)),
...            sympy.Sum(sympy.Sum(X[i] * W[k], (k, 0, q)), (i, 0, h)))
True
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Basic, Mul

from .conditions import canonical_deltas, indicators_as_deltas
from .transformations import Transformation

__all__ = ["Sums", "SUMS", "Reindex", "reindex", "SplitSum", "split_sum", "merge_sums"]


def merge_sums(expr: Any) -> Any:
    """One ``Sum`` over all (rectangular) limits, in a fixed order, of an expanded body.

    Valid for finite sums whose limits do not depend on other summation variables:
    constant factors move inside, nested sums merge, and their order is irrelevant.
    Sums whose limits depend on each other keep their order.
    """
    if isinstance(expr, sympy.Sum):
        body = merge_sums(expr.function)
        limits = list(expr.limits)
        if isinstance(body, sympy.Sum):
            limits += list(body.limits)
            body = body.function
        variables = {limit[0] for limit in limits}
        if any(sympy.Tuple(*limit[1:]).free_symbols & variables for limit in limits):
            return sympy.Sum(body, *limits)  # not rectangular: keep the order
        return sympy.Sum(sympy.expand(body), *sorted(limits, key=lambda limit: str(limit[0])))
    if isinstance(expr, Mul):
        factors = [merge_sums(f) for f in expr.args]
        sums = [f for f in factors if isinstance(f, sympy.Sum)]
        if len(sums) == 1:
            rest = Mul(*[f for f in factors if f is not sums[0]])
            return merge_sums(sympy.Sum(rest * sums[0].function, *sums[0].limits))
        return Mul(*factors)
    if isinstance(expr, Basic) and expr.args and not isinstance(expr, sympy.Indexed):
        return expr.func(*[merge_sums(a) for a in expr.args])
    return expr


class Sums(Transformation):
    """Interchange and merge finite sums (constant factors moved inside), expand the bodies;
    Kronecker deltas compared through the difference of their arguments."""

    def __init__(self, name: str = "interchange of finite sums") -> None:
        super().__init__(name)

    def apply(self, expr: Any) -> Any:
        return canonical_deltas(merge_sums(expr))


#: Interchange and merge finite sums; deltas compared by difference.
SUMS = Sums()


class Reindex(Sums):
    """Change the summation variable ``old`` to ``new`` with ``old = substitution(new)``
    (a linear bijection of the range, e.g. ``m = q - 1 - k``), then compare as :data:`SUMS`.

    >>> import sympy
    >>> m, k, q = sympy.symbols("m k q", integer=True)
    >>> W = sympy.IndexedBase("W")
    >>> rule = Reindex(m, q - 1 - k, k)
    >>> rule.equal(sympy.Sum(W[q - 1 - m], (m, 0, q - 1)), sympy.Sum(W[k], (k, 0, q - 1)))
    True
    """

    def __init__(self, old: Any, substitution: Any, new: Any) -> None:
        super().__init__(f"substitute ${sympy.latex(old)} = {sympy.latex(substitution)}$ in the sum")
        self.old, self.substitution, self.new = old, substitution, new

    def apply(self, expr: Any) -> Any:
        def change(s: Any) -> Any:
            if any(limit[0] == self.old for limit in s.limits):
                return s.change_index(self.old, self.substitution.subs(self.new, self.old), self.new)
            return s

        return super().apply(sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), change))


#: :class:`Reindex`, spelled as the derivations use it.
reindex = Reindex


class SplitSum(Sums):
    """Division with remainder: ``sum_{k=0}^{s m - 1} f(k) = sum_{t=0}^{m-1} sum_{c=0}^{s-1} f(s t + c)``
    (``k <-> (t, c)`` is a bijection), applied to sums over ``variable``; indicators of
    equalities become deltas; then :data:`SUMS`."""

    def __init__(self, variable: Any, modulus: Any, quotient: Any, remainder: Any, count: Any) -> None:
        super().__init__(
            f"division with remainder: ${sympy.latex(variable)} = {sympy.latex(modulus)} "
            f"{sympy.latex(quotient)} + {sympy.latex(remainder)}$"
        )
        self.variable, self.modulus, self.count = variable, modulus, count
        self.quotient, self.remainder = quotient, remainder

    def apply(self, expr: Any) -> Any:
        def change(s: Any) -> Any:
            limits = list(s.limits)
            for n, (v, low, high) in enumerate(limits):
                if v == self.variable and low == 0 and sympy.expand(high - (self.modulus * self.count - 1)) == 0:
                    body = s.function.xreplace({self.variable: self.modulus * self.quotient + self.remainder})
                    rest = limits[:n] + limits[n + 1 :]
                    ranges = (self.remainder, 0, self.modulus - 1), (self.quotient, 0, self.count - 1)
                    return sympy.Sum(body, *ranges, *rest)
            return s

        changed = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), change)
        return super().apply(indicators_as_deltas(changed))


#: :class:`SplitSum`, spelled as the derivations use it.
split_sum = SplitSum
