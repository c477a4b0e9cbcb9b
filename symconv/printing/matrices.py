r"""Matrices in the slide's style: zeros as ``0`` (or ``\cdot``), large ones by their structure.

:class:`SlideMatrix` wraps a SymPy matrix and prints itself through SymPy's printer
protocol: LaTeX as an ``array`` (no column limit, unlike ``pmatrix``), text as an
aligned grid, pretty printing likewise, and in Jupyter through ``_repr_latex_``. A matrix
beyond 16 rows or columns is shown as a slide would show it (:mod:`.outline`): the first
rows and the last with their non-zeros, ``\cdots``, ``\vdots`` and ``\ddots`` for the rest;
``full=True`` prints every cell.

>>> from symconv import ConvSpec, conv_matrix, latex
>>> print(latex(SlideMatrix(conv_matrix(ConvSpec(3, 2)))))
\left(\begin{array}{ccc}
W_{0} & W_{1} & 0 \\
0 & W_{0} & W_{1}
\end{array}\right)
>>> print(SlideMatrix(conv_matrix(ConvSpec(40, 3))))
38x40 matrix, 114 non-zeros; rows 0-1 and 37 shown (every cell: full=True, or --full)
W[0]  W[1]  W[2]  0     ...   0     0     0
0     W[0]  W[1]  W[2]  ...   0     0     0
:                       \                 :
0     0     0     0     ...   W[0]  W[1]  W[2]
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from typing import Any

import sympy
from sympy import MatrixBase
from sympy.printing.defaults import Printable

from ..errors import SpecError
from ..operands import flat
from ..parameters import shown
from ..sparse import nonzero_rows, nonzero_total
from ..specs import ConvSpec
from .outline import MAX_COLUMNS, MAX_ROWS, Outline, outline
from .text import text_latex

__all__ = ["SlideMatrix", "StageList", "MAX_PRINTED_CELLS", "as_grid", "latex_array", "check_printable"]

#: Matrices with more cells than this are not printed in full (they would not fit a slide).
MAX_PRINTED_CELLS = 40_000

#: How the elided columns and rows show: in LaTeX, in text, in unicode text.
LATEX_DOTS = (r"\cdots", r"\vdots", r"\ddots")
TEXT_DOTS = ("...", ":", "\\")
UNICODE_DOTS = ("\u22ef", "\u22ee", "\u22f1")


def check_printable(shape: tuple[int, int], full: bool = True) -> None:
    """Refuse a matrix of ``shape`` printed in ``full`` with more cells than a slide-style matrix
    prints (before it is built); a matrix printed by its structure (``full=False``) has no such cap."""
    rows, cols = shape
    if full and rows * cols > MAX_PRINTED_CELLS:
        raise SpecError(
            "matrix",
            f"{rows}x{cols} has more than {MAX_PRINTED_CELLS:,} cells to print",
            hint="without {full} it prints by its structure; {matrix_json} gives its non-zeros",
        )


@dataclass(frozen=True, eq=False)
class SlideMatrix(Printable):
    r"""A matrix printed as on the slide. ``zero`` is what a zero cell shows (``"0"`` or ``r"\cdot"``).

    ``blocks=(rows, columns)`` draws lines between blocks of that size (one per channel pair of a layer).

    >>> from symconv import ConvSpec, conv_matrix, latex
    >>> print(latex(SlideMatrix(conv_matrix(ConvSpec(2, 2, in_channels=2)), blocks=(1, 2))))
    \left(\begin{array}{cc|cc}
    W_{0,0,0} & W_{0,0,1} & W_{0,1,0} & W_{0,1,1}
    \end{array}\right)
    """

    matrix: MatrixBase
    zero: str = "0"
    blocks: tuple[int, int] | None = None
    full: bool = False

    def __post_init__(self) -> None:
        if self.zero not in ("0", r"\cdot", "."):
            raise SpecError("zero", rf"must be '0' or '\cdot', got {shown(self.zero)}")
        if not isinstance(self.full, bool):
            raise SpecError("full", f"must be True or False, got {self.full!r}")
        rows, cols = self.matrix.shape
        if self.full and rows * cols > MAX_PRINTED_CELLS:
            raise SpecError(
                "matrix",
                f"{rows}x{cols} has more than {MAX_PRINTED_CELLS:,} cells to print in full",
                hint="without {full} it prints by its structure; {matrix_json} gives its non-zeros",
            )

    @classmethod
    def of_layer(cls, matrix: MatrixBase, spec: ConvSpec, zero: str = "0", full: bool = False) -> SlideMatrix:
        """The matrix of ``spec``'s layer, with a block per channel pair when it has channels."""
        blocks = (prod(spec.out_shape), prod(spec.input_shape)) if spec.has_channels else None
        return cls(matrix, zero, blocks, full)

    def outline(self) -> Outline | None:
        """What is shown of a large matrix (``None``: every cell). A layer's matrix is shown whole
        while each block fits a slide and there are at most 4 blocks each way."""
        if self.full:
            return None
        if self.blocks is not None:
            block_rows, block_columns = self.blocks
            rows, columns = self.matrix.shape
            if (
                block_rows <= MAX_ROWS
                and block_columns <= MAX_COLUMNS
                and rows <= 4 * block_rows
                and columns <= 4 * block_columns
            ):
                return None
        return outline(self.matrix)

    def _cells(self, show: Any, zero: str) -> list[list[str]]:
        rows, cols = self.matrix.shape
        grid = [[zero] * cols for _ in range(rows)]
        for r, row in nonzero_rows(self.matrix).items():
            for c, value in row.items():
                grid[r][c] = show(value)
        return grid

    def _latex(self, printer: Any) -> str:
        zero = r"\cdot" if self.zero in (r"\cdot", ".") else "0"
        shown = self.outline()
        if shown is not None:
            return latex_array(shown.grid(printer._print, zero, LATEX_DOTS), "(")
        grid = self._cells(printer._print, zero)
        rows, columns = self.blocks or (self.matrix.rows, self.matrix.cols)
        lines = (
            [" & ".join(row) + (" \\\\ \\hline" if (r + 1) % rows == 0 else " \\\\") for r, row in enumerate(grid[:-1])]
            + [" & ".join(grid[-1])]
            if grid
            else []
        )
        align = "|".join("c" * columns for _ in range(0, self.matrix.cols, columns))
        return "\\left(\\begin{array}{%s}\n%s\n\\end{array}\\right)" % (align, "\n".join(lines))

    def _text(self, printer: Any, dots: tuple[str, str, str]) -> str:
        zero = "." if self.zero in (r"\cdot", ".") else "0"
        show = lambda v: printer._print(v).replace(" ", "")  # noqa: E731
        shown = self.outline()
        grid = self._cells(show, zero) if shown is None else shown.grid(show, zero, dots)
        width = max((len(cell) for row in grid for cell in row), default=1)
        text = "\n".join("  ".join(cell.ljust(width) for cell in row).rstrip() for row in grid)
        if shown is None:
            return text
        m, n = self.matrix.shape
        header = (
            f"{m}x{n} matrix, {nonzero_total(self.matrix):,} non-zeros; {shown.describe()} shown"
            + ("" if shown.band else " (their first and last columns)")
            + " (every cell: full=True, or --full)"
        )
        return header + "\n" + text

    def _sympystr(self, printer: Any) -> str:
        return self._text(printer, TEXT_DOTS)

    def _pretty(self, printer: Any) -> Any:
        from sympy.printing.pretty.stringpict import prettyForm
        from sympy.printing.str import StrPrinter

        dots = UNICODE_DOTS if printer._use_unicode else TEXT_DOTS
        lines = self._text(StrPrinter(), dots).splitlines()
        width = max(map(len, lines), default=0)
        return prettyForm("\n".join(line.ljust(width) for line in lines))  # flush left, not centred


def latex_array(grid: list[list[str]], delimiter: str = "(") -> str:
    r"""Cells already in LaTeX as an ``array`` between ``\left(`` and ``\right)`` (or brackets, or nothing).

    >>> print(latex_array([["a", "0"], ["0", "b"]], "["))
    \left[\begin{array}{cc}
    a & 0 \\
    0 & b
    \end{array}\right]
    """
    closing = {"(": ")", "[": "]", "": ""}[delimiter]
    body = " \\\\\n".join(" & ".join(row) for row in grid)
    array = "\\begin{array}{%s}\n%s\n\\end{array}" % ("c" * max((len(row) for row in grid), default=1), body)
    return f"\\left{delimiter}{array}\\right{closing}" if delimiter else array


def matrix_json(matrix: MatrixBase, spec: ConvSpec | None = None) -> dict[str, Any]:
    """The non-zeros of a matrix as JSON-ready data: shape and ``[row, column, entry]`` triples,
    after the parameters of ``spec`` (its channels only when it has any) if given.

    >>> from symconv import ConvSpec, conv_matrix
    >>> matrix_json(conv_matrix(ConvSpec(3, 2)))["entries"][:2]
    [[0, 0, 'W[0]'], [0, 1, 'W[1]']]
    """
    texts: dict[Any, str] = {}  # a matrix of a layer holds few distinct entries: each printed once
    entries = [
        [r, c, texts[v] if v in texts else texts.setdefault(v, sympy.sstr(v))]
        for r, row in sorted(nonzero_rows(matrix).items())
        for c, v in sorted(row.items())
    ]
    data = {"shape": list(matrix.shape), "nonzeros": len(entries), "entries": entries}
    if spec is None:
        return data
    parameters: dict[str, Any] = {
        "input_shape": spec.input_shape,
        "kernel_shape": spec.kernel_shape,
        "stride": spec.stride,
        "padding": spec.padding,
        "dilation": spec.dilation,
        "out_shape": spec.out_shape,
    }
    if spec.has_channels:
        parameters.update(in_channels=spec.in_channels, out_channels=spec.out_channels, groups=spec.groups)
    return {"spec": parameters, **data}


def as_grid(array: Any) -> list[MatrixBase]:
    """An Array as matrices to print: a row (1-D), a matrix (2-D), or its 2-D slices (N-D)."""
    if isinstance(array, MatrixBase):
        return [array]
    shape = tuple(array.shape)
    entries = flat(array)  # through the Array's storage
    if len(shape) == 1:
        return [sympy.Matrix(1, shape[0], entries)]
    rows, columns = shape[-2:]
    size = rows * columns
    return [sympy.Matrix(rows, columns, entries[n : n + size]) for n in range(0, len(entries), size)]


@dataclass(frozen=True, eq=False)
class StageList(Printable):
    """Named stages (``name``, ``array``, ``description``) of a computation, printed one after another."""

    stages: tuple[Any, ...]
    zero: str = "0"

    def _sympystr(self, printer: Any) -> str:
        blocks = []
        for stage in self.stages:
            grids = "\n\n".join(printer._print(SlideMatrix(g, self.zero)) for g in as_grid(stage.array))
            blocks.append(f"{stage.name} ({stage.description})\n{grids}")
        return "\n\n".join(blocks)

    def _latex(self, printer: Any) -> str:
        lines = []
        for stage in self.stages:
            grids = r" \; ".join(printer._print(SlideMatrix(g, self.zero)) for g in as_grid(stage.array))
            lines.append(r"&\text{%s: %s} && %s" % (text_latex(stage.name), text_latex(stage.description), grids))
        return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"
