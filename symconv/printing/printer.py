r"""The seminar's LaTeX conventions, as a subclass of SymPy's ``LatexPrinter``.

SymPy prints ``IndexedBase("W")[0, 1]`` as ``{W}_{0,1}``; the seminar writes
``W_{0,1}``. Everything symconv renders goes through :func:`latex`, so user
settings of SymPy's printer (``mul_symbol``, ``fold_short_frac``, ...) still apply.
A matrix beyond ``max_rows`` x ``max_columns`` (16 x 16) prints by its structure, as a slide
shows it (:mod:`.outline`): ``latex(C)`` of a 64516x65536 ``C`` is a few lines, in
milliseconds; ``full=True`` prints every cell.

>>> import sympy
>>> latex(sympy.IndexedBase("W")[0, 1] * sympy.IndexedBase("X")[15])
'W_{0,1} X_{15}'
"""

from __future__ import annotations

import re
from math import prod
from typing import Any

import sympy
from sympy import Add, Indexed, MatrixBase, NDimArray, Symbol
from sympy.printing.latex import LatexPrinter

from ..limits import check_work
from .matrices import LATEX_DOTS, latex_array
from .outline import MAX_COLUMNS, MAX_ROWS, outline

__all__ = ["SeminarLatexPrinter", "latex", "chained"]

_RELATIONS = {"<=": r"\leq", "<": "<"}


def chained(expr: Any) -> tuple[Any, str, Any, str, Any] | None:
    r"""A conjunction of two bounds of one quantity as ``(low, relation, x, relation, high)``
    (relations ``\leq`` or ``<``), else None.

    >>> import sympy
    >>> x, h = sympy.symbols("x h", integer=True)
    >>> chained((x >= 0) & (h > x))
    (0, '\\leq', x, '<', h)
    >>> chained((x >= 0) & (h > 1)) is None
    True
    """
    if not isinstance(expr, sympy.And) or len(expr.args) != 2:
        return None
    bounds = []
    for relation in expr.args:
        if not isinstance(relation, (sympy.LessThan, sympy.StrictLessThan, sympy.GreaterThan, sympy.StrictGreaterThan)):
            return None
        small, big = (relation.lhs, relation.rhs) if relation.rel_op in ("<", "<=") else (relation.rhs, relation.lhs)
        bounds.append((small, _RELATIONS[relation.rel_op.replace(">", "<")], big))
    for (low, first, x), (y, second, high) in (bounds, bounds[::-1]):
        if x == y:
            return low, first, x, second, high
    return None


class SeminarLatexPrinter(LatexPrinter):
    """``LatexPrinter`` with the seminar's subscripts: ``W_{0,1}``, ``X_{15}``."""

    printmethod = "_latex"
    _default_settings: dict[str, Any] = {
        **LatexPrinter._default_settings,
        "full": False,
        "max_rows": MAX_ROWS,
        "max_columns": MAX_COLUMNS,
        # the words of a case distinction, in the document's language (``\\text{for}``, ``\\text{otherwise}``)
        "cases": ("for", "otherwise"),
    }

    def _print_Piecewise(self, expr: Any) -> str:
        r"""SymPy's cases, with the words of the ``cases`` setting.

        >>> from sympy import Piecewise, Symbol
        >>> x = Symbol("x")
        >>> SeminarLatexPrinter({"cases": ("при", "иначе")}).doprint(Piecewise((x, x > 0), (0, True)))
        '\\begin{cases} x & \\text{при}\\: x > 0 \\\\0 & \\text{иначе} \\end{cases}'
        """
        given, otherwise = self._settings["cases"]
        text = super()._print_Piecewise(expr)
        return text.replace(r"\text{for}", rf"\text{{{given}}}").replace(r"\text{otherwise}", rf"\text{{{otherwise}}}")

    def _print_Indexed(self, expr: Indexed) -> str:
        base = self._print(expr.base.label)
        if not isinstance(expr.base.label, Symbol) or len(expr.base.label.name) > 1 and "\\" not in base:
            base = "{" + base + "}"
        indices = ",".join(self._print(i) for i in expr.indices)
        return f"{base}_{{{indices}}}"

    def _print_And(self, expr: Any) -> str:
        r"""Two bounds of one quantity as the seminar writes them, ``0 \le x < h``; other
        conjunctions as SymPy prints them.

        >>> import sympy
        >>> x, h = sympy.symbols("x h", integer=True)
        >>> latex((x >= 0) & (h > x))
        '0 \\leq x < h'
        """
        chain = chained(expr)
        if chain is None:
            return super()._print_And(expr)
        low, low_relation, middle, high_relation, high = chain
        return f"{self._print(low)} {low_relation} {self._print(middle)} {high_relation} {self._print(high)}"

    def _print_MatrixSymbol(self, expr: Any) -> str:
        r"""A matrix named by an operator applied to a name, ``im2col(X)``, with the operator upright.

        >>> import sympy
        >>> latex(sympy.MatrixSymbol("im2col(X)", 9, 4)), latex(sympy.MatrixSymbol("C", 4, 16))
        ('\\mathrm{im2col}(X)', 'C')
        """
        applied = re.fullmatch(r"([A-Za-z][A-Za-z0-9]+)\((\w+)\)", expr.name)
        if applied is None:
            return super()._print_MatrixSymbol(expr)
        return f"\\mathrm{{{applied.group(1)}}}({applied.group(2)})"

    def _print_UnevaluatedExpr(self, expr: Any) -> str:
        """A part kept as written: a sum in parentheses (it is one term of what contains it)."""
        inner = self._print(expr.args[0])
        return f"\\left({inner}\\right)" if isinstance(expr.args[0], Add) else inner

    def _print_MatrixBase(self, expr: MatrixBase) -> str:
        r"""SymPy's matrix, or beyond the size limits its outline (SymPy's delimiters, zeros as ``0``).

        >>> from symconv import ConvSpec, conv_matrix
        >>> latex(conv_matrix(ConvSpec(40, 3))).splitlines()[1]
        'W_{0} & W_{1} & W_{2} & 0 & \\cdots & 0 & 0 & 0 \\\\'
        """
        shown = (
            None if self._settings["full"] else outline(expr, self._settings["max_rows"], self._settings["max_columns"])
        )
        if shown is None:
            return super()._print_MatrixBase(expr)
        return latex_array(shown.grid(self._print, "0", LATEX_DOTS), self._settings["mat_delim"])


def latex(obj: Any, **settings: Any) -> str:
    r"""LaTeX of any SymPy object or symconv object, in the seminar's notation.

    >>> import sympy
    >>> latex(sympy.IndexedBase("W")[0, 1])
    'W_{0,1}'

    A matrix beyond 16 rows or columns prints by its structure (its outline); with ``full=True``, or
    an array, every cell is printed: the cost model refuses one with more cells than the limit
    allows (:data:`~symconv.limits.UNITS`), before printing anything.
    """
    printed_in_full = isinstance(obj, NDimArray) or (
        isinstance(obj, MatrixBase) and bool(settings.get("full") or (obj.rows <= MAX_ROWS and obj.cols <= MAX_COLUMNS))
    )
    if printed_in_full:  # the cost model: every cell is printed
        check_work("the LaTeX", {"printed cells": prod(obj.shape)}, parameter="matrix")
    return SeminarLatexPrinter(settings).doprint(obj)
