r"""Tables of text and formulas, printed through SymPy's printer protocol.

>>> import sympy
>>> from symconv import latex
>>> x = sympy.Symbol("x")
>>> print(latex(Table(("case", "formula"), (("square", sympy.Eq(x**2, x + 1)),))))
\begin{tabular}{ll}
\hline
case & formula \\
\hline
square & $x^{2} = x + 1$ \\
\hline
\end{tabular}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy.printing.defaults import Printable

from .text import text_latex, text_plain

__all__ = ["Table"]


@dataclass(frozen=True)
class Table(Printable):
    """A header and rows; a cell is text (``$...$`` allowed) or a SymPy object (printed as math)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    align: str = ""

    def _cell_latex(self, cell: Any, printer: Any) -> str:
        return text_latex(cell) if isinstance(cell, str) else "$" + printer._print(cell) + "$"

    @staticmethod
    def _cell_text(cell: Any, printer: Any) -> str:
        if isinstance(cell, str):
            return text_plain(cell)
        if isinstance(cell, sympy.Eq):
            return f"{printer._print(cell.lhs)} = {printer._print(cell.rhs)}"
        return printer._print(cell)

    def _latex(self, printer: Any) -> str:
        align = self.align or "l" * len(self.header)
        lines = [
            r"\begin{tabular}{%s}" % align,
            r"\hline",
            " & ".join(text_latex(h) for h in self.header) + r" \\",
            r"\hline",
        ]
        lines += [" & ".join(self._cell_latex(c, printer) for c in row) + r" \\" for row in self.rows]
        lines += [r"\hline", r"\end{tabular}"]
        return "\n".join(lines)

    def _sympystr(self, printer: Any) -> str:
        cells = [list(self.header)] + [[self._cell_text(c, printer) for c in row] for row in self.rows]
        widths = [max(len(row[n]) for row in cells) for n in range(len(self.header))]
        return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)
