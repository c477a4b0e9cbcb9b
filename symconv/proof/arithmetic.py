r"""Arithmetic: absolute values whose sign the bounds give, and arithmetic written out.

- :class:`KnownSigns` (``known_signs``): ``|e| = e`` where ``e >= 0`` holds on the bounds of its
  variables, ``|e| = -e`` where ``e <= 0`` holds;
- :data:`WRITTEN_OUT`: arithmetic written out unevaluated (``W_{2 \\cdot 1 + 0}``), as a document
  shows it, evaluated, then ``doit``.
"""

from __future__ import annotations

from typing import Any

import sympy

from ..printing.reading import reading_latex
from .bounds import bound_relations, extremes, provably_nonnegative
from .transformations import Transformation, ZeroDifference, doit, evaluated

__all__ = ["KnownSigns", "known_signs", "WrittenOut", "WRITTEN_OUT"]


class KnownSigns(ZeroDifference):
    """``|e| = e`` when ``e >= 0`` at every corner of the bounds ``(v, low, high)`` of its variables,
    ``|e| = -e`` when ``e <= 0`` there; then ``expand`` of the difference of the two sides.

    Side conditions (checked, an ``Abs`` left as it is otherwise, and the step fails): ``e`` is a
    polynomial of degree at most 1 in each bounded variable (so that its values at the ends of the
    ranges bound it); the stated bounds follow from the step's ``where``, the derivation's
    hypotheses, the symbols' assumptions or the enclosing sums (proved, refused otherwise).

    >>> import sympy
    >>> r, f = sympy.Symbol("r", integer=True, nonnegative=True), sympy.Symbol("f", integer=True, positive=True)
    >>> KnownSigns((r, 0, f - 1)).equal(sympy.Abs(r - f), f - r)
    True
    >>> KnownSigns((r, 0, f + 1)).equal(sympy.Abs(r - f), f - r)  # r = f + 1 makes r - f positive
    False
    """

    def __init__(self, *bounds: tuple[Any, Any, Any]) -> None:
        names = ", ".join(
            f"${reading_latex(lo)} \\le {reading_latex(v)} \\le {reading_latex(hi)}$" for v, lo, hi in bounds
        )
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


known_signs = KnownSigns


class WrittenOut(Transformation):
    """Arithmetic written out unevaluated (``W_{2 \\cdot 1 + 0}``) is evaluated (also inside
    indices), then ``doit``, on both sides; the numeric check evaluates it first too.

    Side conditions: none (evaluating numbers and ``doit`` keep the value).

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
