r"""The outline of a large matrix: the rows and columns a slide would show.

A matrix of up to ``max_rows`` x ``max_columns`` (16 x 16, which keeps the seminar's 4x16 ``C``
whole) is printed in full. A larger one is printed by its structure: the first rows and the
last row with every non-zero they hold, the columns between those elided (``\cdots``) and the
rows between them too (``\vdots``, ``\ddots``): the band of a convolution matrix. When the
non-zeros of the first and last rows do not fit in twice ``max_columns``, the corners are shown,
as NumPy prints a large array. Only the rows shown are read, so a 64516x65536 ``C`` (a
256x256 input) is outlined in milliseconds.

>>> from symconv import ConvSpec, conv_matrix
>>> shown = outline(conv_matrix(ConvSpec((64, 64), (3, 3))))
>>> shown.rows
(0, 1, None, 3843)
>>> shown.columns[:6], shown.band
((0, 1, 2, 3, None, 64), True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sympy import MatrixBase

from ..sparse import row_entries

__all__ = ["Outline", "outline", "MAX_ROWS", "MAX_COLUMNS"]

#: Matrices with more rows or columns than these are printed by their structure, unless asked in full.
MAX_ROWS = 16
MAX_COLUMNS = 16

#: First rows tried for the band, most first (two show the shift from one row to the next).
_HEADS = (2, 1)


@dataclass(frozen=True)
class Outline:
    """The rows and columns shown (``None``: an ellipsis), and the non-zero entries among them.

    ``band`` is true when every non-zero of the rows shown is shown (a hidden column holds
    only zeros of those rows); otherwise only the corners are.
    """

    shape: tuple[int, int]
    rows: tuple[int | None, ...]
    columns: tuple[int | None, ...]
    cells: dict[tuple[int, int], Any]
    band: bool

    def grid(self, show: Callable[[Any], str], zero: str, dots: tuple[str, str, str]) -> list[list[str]]:
        """The cells as text: ``show(entry)`` for a non-zero, ``zero`` for a zero, and ``dots``
        (horizontal, vertical, diagonal) for the elided columns and rows."""
        across, down, diagonal = dots
        last = len(self.columns) - 1
        lines = []
        for r in self.rows:
            if r is None:
                lines.append(
                    [down if n in (0, last) else diagonal if c is None else "" for n, c in enumerate(self.columns)]
                )
            else:
                lines.append(
                    [
                        across if c is None else show(self.cells[r, c]) if (r, c) in self.cells else zero
                        for c in self.columns
                    ]
                )
        return lines

    def describe(self) -> str:
        """Which rows are shown, in words (for a text header)."""
        shown = [r for r in self.rows if r is not None]
        if len(shown) == self.shape[0]:
            return "every row"
        head = [r for r in shown if r != self.shape[0] - 1]
        first = f"row {head[0]}" if len(head) == 1 else f"rows {head[0]}-{head[-1]}"
        return f"{first} and {self.shape[0] - 1}"


def outline(matrix: MatrixBase, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS) -> Outline | None:
    """The outline of ``matrix``, or ``None`` when it is small enough to print in full."""
    m, n = matrix.shape
    if m <= max_rows and n <= max_columns:
        return None
    candidates: list[list[int | None]] = [list(range(m))] if m <= max_rows else []
    candidates += [_rows(head, m) for head in _HEADS if head < m]
    rows: list[int | None]
    for rows in candidates:
        entries = {r: row_entries(matrix, r) for r in rows if r is not None}
        used = {0, n - 1}.union(*(row.keys() for row in entries.values()))
        columns = _with_gaps(sorted(used))
        if len(columns) <= 2 * max_columns:
            cells = {(r, c): v for r, row in entries.items() for c, v in row.items()}
            return Outline((m, n), tuple(rows), columns, cells, band=True)
    rows = list(range(m)) if m <= max_rows else _rows(3, m)
    columns = tuple(range(n)) if n <= max_columns else _with_gaps([0, 1, 2, n - 3, n - 2, n - 1])
    kept = {c for c in columns if c is not None}
    cells = {(r, c): v for r in rows if r is not None for c, v in row_entries(matrix, r).items() if c in kept}
    return Outline((m, n), tuple(rows), columns, cells, band=False)


def _rows(head: int, m: int) -> list[int | None]:
    """The first ``head`` rows and the last, with an ellipsis between them when rows are left out."""
    if m <= head + 2:  # an ellipsis would hide one row at most: show it
        return list(range(m))
    return [*range(head), None, m - 1]


def _with_gaps(columns: list[int]) -> tuple[int | None, ...]:
    """Sorted column indices with ``None`` where columns are left out (a single one is shown instead)."""
    result: list[int | None] = []
    for c in columns:
        if result and result[-1] is not None:
            previous = result[-1]
            if c - previous == 2:
                result.append(previous + 1)
            elif c - previous > 2:
                result.append(None)
        result.append(c)
    return tuple(result)
