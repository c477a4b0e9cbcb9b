r"""Expressions in the order people write them, for the words that describe a proof step.

SymPy orders a sum's terms lexicographically, so ``q - 1 - k`` prints as ``-k + q - 1``.
:func:`reading_latex` puts the terms with a plus sign first, then those with a minus sign
(each group by degree, as SymPy's ``grlex``), the number last. Only the order of printing
changes: this is for the descriptions of transformations (``substitute m = q - k - 1``),
never for what is checked.

>>> import sympy
>>> a, d, h, k, p, q, s = sympy.symbols("a d h k p q s", integer=True)
>>> reading_latex(q - 1 - k)
'q - k - 1'
>>> reading_latex(h + 2 * p - d * (q - 1) - 1)
'h + 2 p - d \\left(q - 1\\right) - 1'
>>> reading_latex(-k)
'- k'
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy.printing.latex import LatexPrinter

__all__ = ["ReadingPrinter", "reading_latex"]


class ReadingPrinter(LatexPrinter):
    """SymPy's LaTeX printer with the terms of every sum in reading order (plus signs first,
    then minus signs, the number last)."""

    def _as_ordered_terms(self, expr: Any, order: Any = None) -> list[Any]:
        terms = list(expr.as_ordered_terms(order="grlex"))
        constants = [term for term in terms if term.is_number]
        variable = [term for term in terms if not term.is_number]
        positive = [term for term in variable if not term.could_extract_minus_sign()]
        negative = [term for term in variable if term.could_extract_minus_sign()]
        return positive + negative + constants


def reading_latex(expr: Any) -> str:
    """``expr`` in LaTeX, the terms of its sums in reading order (see the module)."""
    return ReadingPrinter().doprint(sympy.sympify(expr))
