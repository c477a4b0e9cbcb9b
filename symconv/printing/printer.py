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

from math import prod
from typing import Any

from sympy import Indexed, MatrixBase, NDimArray, Symbol
from sympy.printing.latex import LatexPrinter

from ..limits import check_work
from .matrices import LATEX_DOTS, latex_array
from .outline import MAX_COLUMNS, MAX_ROWS, outline

__all__ = ["SeminarLatexPrinter", "latex"]


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
