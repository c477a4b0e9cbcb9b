r"""What fits a page and a frame: large matrices shown by their corners, as one writes them by hand.

A matrix with more rows or columns than a document has room for is printed with its first rows
and columns, ``\vdots``, ``\cdots`` and ``\ddots`` where the rest is left out, and its last row
and column, so the band structure of ``C`` stays visible; its shape is written under it. Text is
never scaled down to make a matrix fit (a 64-column matrix shrunk to a slide's width is not
legible).

:class:`FittingPrinter` does this for every matrix in a formula (the derivations' steps print
through it); :func:`fitted` does it for the slide-style matrices the notes show.

>>> from symconv import ConvSpec, conv_matrix
>>> printer = FittingPrinter({"max_rows": 4, "max_cols": 4})
>>> print(printer.doprint(conv_matrix(ConvSpec(6, 2))))
\left(\begin{array}{cccc}
W_{0} & W_{1} & \cdots & 0 \\
0 & W_{0} & \cdots & 0 \\
\vdots & \vdots & \ddots & \vdots \\
0 & 0 & \cdots & W_{1}
\end{array}\right)_{5\times 6}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import MatrixBase
from sympy.printing.defaults import Printable

from ..sparse import nonzero_rows
from .matrices import SlideMatrix
from .printer import SeminarLatexPrinter, chained

__all__ = ["FittingPrinter", "ElidedMatrix", "fitted", "kept_indices", "estimated_width"]


def kept_indices(size: int, room: int) -> list[int | None]:
    """The rows (or columns) shown of ``size`` when there is ``room`` for that many lines:
    all when they fit, else the first ``room - 2``, ``None`` (the dots) and the last.

    >>> kept_indices(4, 6), kept_indices(10, 5)
    ([0, 1, 2, 3], [0, 1, 2, None, 9])
    """
    if size <= room:
        return list(range(size))
    head = max(room - 2, 1)
    return list(range(head)) + [None, size - 1]


@dataclass(frozen=True, eq=False)
class ElidedMatrix(Printable):
    r"""A matrix shown within ``max_rows`` x ``max_cols`` lines, its shape written under it.

    ``zero`` is what a zero cell shows (``"0"`` or ``r"\cdot"``).
    """

    matrix: MatrixBase
    max_rows: int
    max_cols: int
    zero: str = "0"

    def _latex(self, printer: Any) -> str:
        rows = kept_indices(self.matrix.rows, self.max_rows)
        cols = kept_indices(self.matrix.cols, self.max_cols)
        entries = nonzero_rows(self.matrix)
        lines = []
        for r in rows:
            cells = []
            for c in cols:
                if r is None:
                    cells.append(r"\ddots" if c is None else r"\vdots")
                elif c is None:
                    cells.append(r"\cdots")
                else:
                    value = entries.get(r, {}).get(c)
                    cells.append(self.zero if value is None else printer._print(value))
            lines.append(" & ".join(cells))
        body = " \\\\\n".join(lines)
        shape = f"{self.matrix.rows}\\times {self.matrix.cols}"
        return "\\left(\\begin{array}{%s}\n%s\n\\end{array}\\right)_{%s}" % ("c" * len(cols), body, shape)


def fitted(obj: Any, max_rows: int, max_cols: int) -> Any:
    """``obj``, or an :class:`ElidedMatrix` of it when it is a matrix (plain or slide-style)
    larger than ``max_rows`` x ``max_cols``."""
    if isinstance(obj, SlideMatrix) and obj.blocks is None:
        matrix, zero = obj.matrix, obj.zero
    elif isinstance(obj, MatrixBase):
        matrix, zero = obj, "0"
    else:
        return obj
    if matrix.rows <= max_rows and matrix.cols <= max_cols:
        return obj
    return ElidedMatrix(matrix, max_rows, max_cols, r"\cdot" if zero in (r"\cdot", ".") else "0")


#: The width (ems) of one line of a stacked condition or subscript.
_LINE = 14.0
#: The space between two matrix columns (ems; the documents set ``\arraycolsep`` to 3 pt).
_COLUMN_SEP = 0.6

_COMMAND = re.compile(r"\\([A-Za-z]+)")
#: Commands that print nothing (or only delimiters counted elsewhere).
_SILENT = {"left", "right", "begin", "end", "displaystyle", "mathrm", "text", "substack", "frac", "limits"}


def estimated_width(latex: str) -> float:
    r"""A rough width, in ems, of a formula: letters about half an em, sub- and superscripts
    smaller, capitals wider, operators with their spacing about an em. Good enough to choose a layout; TeX's
    log has the last word.

    >>> estimated_width("W_{0,0} X_{0}") < estimated_width("W_{0,0} X_{0} + W_{0,1} X_{1}")
    True
    """
    text = re.sub(r"\\begin\{[a-z*]+\}(\{[^}]*\})?|\\end\{[a-z*]+\}", "", latex)
    width, depth = 0.0, 0
    scripts: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            match = _COMMAND.match(text, i)
            if match:
                i = match.end()
                if match.group(1) not in _SILENT:
                    width += 0.7 if scripts else 1.0
                continue
            i += 2
            continue
        if char in "_^" and i + 1 < len(text) and text[i + 1] == "{":
            scripts.append(depth)
            depth += 1
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if scripts and scripts[-1] == depth:
                scripts.pop()
        elif char in "+-=<>" and not scripts:
            width += 1.2
        elif char in "&":
            width += 0.6
        elif char.isupper():  # capitals are wider: W, X about 0.9 em
            width += 0.5 if scripts else 0.85
        elif not char.isspace():
            width += 0.4 if scripts else 0.7
        i += 1
    return width


class FittingPrinter(SeminarLatexPrinter):
    """The seminar's printer, with every matrix larger than ``max_rows`` x ``max_cols``, or wider
    than ``width`` ems, shown within them: by its corners, or transposed (a row as a column)."""

    _default_settings = {
        **SeminarLatexPrinter._default_settings,
        "max_rows": 12,
        "max_cols": 16,
        "width": 40.0,
        "term_budget": None,
    }

    def _matrix_width(self, matrix: MatrixBase, cols: int) -> float:
        rows = [r for r in kept_indices(matrix.rows, self._settings["max_rows"]) if r is not None]
        widths = []
        kept = kept_indices(matrix.cols, cols)
        for c in [c for c in kept if c is not None]:
            widths.append(max(estimated_width(self._print(matrix[r, c])) for r in rows) + _COLUMN_SEP)
        dots = 1.6 if None in kept else 0.0
        return sum(widths) + dots + 2.0

    def _print_MatrixBase(self, expr: MatrixBase) -> str:
        room, cols = self._settings["width"], self._settings["max_cols"]
        if expr.rows and expr.cols and self._matrix_width(expr, cols) > room:
            # fewer columns shown, as long as some of the band stays visible; else a row as a column
            while cols > 6 and self._matrix_width(expr, cols) > room:
                cols -= 1
            if self._matrix_width(expr, cols) > room and expr.rows < expr.cols:
                if self._matrix_width(expr.T, self._settings["max_cols"]) <= room:
                    return "\\left(" + self._print_MatrixBase(expr.T) + "\\right)^{T}"
            while cols > 3 and self._matrix_width(expr, cols) > room:
                cols -= 1
        if expr.rows and expr.cols and self._matrix_width(expr, cols) > room and self._settings["term_budget"] is None:
            # entries too long for any layout (a column of long sums): each sum by its first and last terms
            shown_cols = len(kept_indices(expr.cols, cols))
            self._settings["term_budget"] = max((room - 2.0) / shown_cols - _COLUMN_SEP - 1.6, 6.0)
            try:
                return self._print_MatrixBase(expr)
            finally:
                self._settings["term_budget"] = None
        shown = fitted(expr, self._settings["max_rows"], cols)
        if shown is expr:
            return super()._print_MatrixBase(expr)
        return self._print(shown)

    def _print_Add(self, expr: Any, order: Any = None) -> str:
        r"""A sum; inside a matrix whose entries are too long for the room, by its first terms, a
        ``\cdots`` and its last term.

        >>> import sympy
        >>> W, X = sympy.IndexedBase("W"), sympy.IndexedBase("X")
        >>> column = sympy.Matrix([sum(W[k] * X[k] for k in range(9))])
        >>> FittingPrinter({"width": 18.0}).doprint(column)
        '\\left[\\begin{matrix}W_{0} X_{0} + W_{1} X_{1} + \\cdots + W_{8} X_{8}\\end{matrix}\\right]'
        """
        printed = super()._print_Add(expr, order)
        budget = self._settings["term_budget"]
        if budget is None or estimated_width(printed) <= budget:
            return printed
        terms = [self._print(term) for term in self._as_ordered_terms(expr, order=order)]

        def joined(parts: list[str]) -> str:
            return "".join(part if n == 0 or part.startswith("-") else " + " + part for n, part in enumerate(parts))

        last = terms[-1] if terms[-1].startswith("-") else "+ " + terms[-1]
        first = 1
        while first + 2 < len(terms) and estimated_width(joined(terms[: first + 1]) + last) + 2.2 <= budget:
            first += 1
        return f"{joined(terms[:first])} + \\cdots {last}"

    def _print_NDimArray(self, expr: Any) -> str:
        if expr.rank() == 2:
            return self._print_MatrixBase(sympy.Matrix(expr.tolist()))
        if expr.rank() == 1 and len(expr) > self._settings["max_cols"]:
            return self._print_MatrixBase(sympy.Matrix([list(expr)]))
        return super()._print_NDimArray(expr)

    def _print_Indexed(self, expr: Any) -> str:
        """A symbol whose indices are long expressions (the input of a 3-D window) with its
        indices stacked, one a line."""
        printed = super()._print_Indexed(expr)
        indices = [self._print(i) for i in expr.indices]
        if len(indices) < 2 or sum(estimated_width(i) for i in indices) < 12:
            return printed
        base = printed[: printed.index("_{")]  # the base, as the seminar prints it
        return base + "_{\\substack{" + ", \\\\ ".join(indices) + "}}"

    def _print_And(self, expr: Any) -> str:
        """A long conjunction (the condition of a 2-D or 3-D sum) over lines of at most 14 ems."""
        if chained(expr) is not None:  # 0 <= x < h, on one line
            return super()._print_And(expr)
        args = [self._print(arg) for arg in expr.args]
        if len(args) < 2 or sum(estimated_width(arg) for arg in args) <= _LINE:
            return super()._print_And(expr)
        lines: list[list[str]] = [[]]
        for arg in args:
            if lines[-1] and sum(estimated_width(a) for a in lines[-1] + [arg]) > _LINE:
                lines.append([])
            lines[-1].append(arg)
        rows = [" \\wedge ".join(line) for line in lines]
        return "\\begin{gathered}" + " \\wedge{} \\\\ ".join(rows) + "\\end{gathered}"

    def _print_KroneckerDelta(self, expr: Any, exp: Any = None) -> str:
        """A delta of two long index expressions with its indices stacked."""
        i, j = (self._print(arg) for arg in expr.args[:2])
        if exp is not None or estimated_width(i) + estimated_width(j) <= _LINE / 2:
            return super()._print_KroneckerDelta(expr, exp)
        return f"\\delta_{{\\substack{{{i},\\\\ {j}}}}}"

    def fitted(self, obj: Any) -> str:
        """``obj`` printed within the room: a slide-style matrix too wide or too large is shown
        transposed or by its corners, like any other matrix."""
        if isinstance(obj, SlideMatrix) and obj.blocks is None and not self.fits(obj.matrix):
            obj = obj.matrix
        return self._print(fitted(obj, self._settings["max_rows"], self._settings["max_cols"]))

    def product(self, *matrices: MatrixBase) -> str:
        """The product of ``matrices``, left unevaluated (``C X``), sharing the width: the widest
        is shown within what the others leave."""
        room, cols = self._settings["width"], self._settings["max_cols"]
        widths = [self._matrix_width(m, cols) + 2.0 for m in matrices]
        if sum(widths) <= room:
            return " ".join(self._print(m) for m in matrices)
        widest = max(range(len(matrices)), key=widths.__getitem__)
        self._settings["width"] = max(room - (sum(widths) - widths[widest]), room / 3)
        try:
            return " ".join(self._print(m) for m in matrices)
        finally:
            self._settings["width"] = room

    def fits(self, matrix: MatrixBase) -> bool:
        """Whether ``matrix`` printed whole fits the width."""
        return self._matrix_width(matrix, self._settings["max_cols"]) <= self._settings["width"]
