r"""Matrices in the slide's style: every cell shown, zeros as ``0`` (or ``\cdot``).

:class:`SlideMatrix` wraps a SymPy matrix and prints itself through SymPy's printer
protocol: LaTeX as an ``array`` (no column limit, unlike ``pmatrix``), text as an
aligned grid, and in Jupyter through ``_repr_latex_``.

>>> from symconv import ConvSpec, conv_matrix, latex
>>> print(latex(SlideMatrix(conv_matrix(ConvSpec(3, 2)))))
\left(\begin{array}{ccc}
W_{0} & W_{1} & 0 \\
0 & W_{0} & W_{1}
\end{array}\right)
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from typing import Any

import sympy
from sympy import MatrixBase
from sympy.printing.defaults import Printable

from ..errors import SpecError
from ..parameters import shown
from ..sparse import nonzero_rows
from ..specs import ConvSpec
from .text import text_latex

__all__ = ["SlideMatrix", "StageList", "MAX_PRINTED_CELLS", "as_grid", "check_printable"]

#: Matrices with more cells than this are not printed in full (they would not fit a slide).
MAX_PRINTED_CELLS = 40_000


def check_printable(shape: tuple[int, int]) -> None:
    """Refuse a matrix of ``shape`` with more cells than a slide-style matrix prints (before it is built)."""
    rows, cols = shape
    if rows * cols > MAX_PRINTED_CELLS:
        raise SpecError(
            "matrix",
            f"{rows}x{cols} has more than {MAX_PRINTED_CELLS:,} cells to print",
            hint="{matrix_json} gives its non-zeros",
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

    def __post_init__(self) -> None:
        if self.zero not in ("0", r"\cdot", "."):
            raise SpecError("zero", rf"must be '0' or '\cdot', got {shown(self.zero)}")
        check_printable(self.matrix.shape)

    @classmethod
    def of_layer(cls, matrix: MatrixBase, spec: ConvSpec, zero: str = "0") -> SlideMatrix:
        """The matrix of ``spec``'s layer, with a block per channel pair when it has channels."""
        blocks = (prod(spec.out_shape), prod(spec.input_shape)) if spec.has_channels else None
        return cls(matrix, zero, blocks)

    def _cells(self, show: Any, zero: str) -> list[list[str]]:
        rows, cols = self.matrix.shape
        grid = [[zero] * cols for _ in range(rows)]
        for r, row in nonzero_rows(self.matrix).items():
            for c, value in row.items():
                grid[r][c] = show(value)
        return grid

    def _latex(self, printer: Any) -> str:
        zero = r"\cdot" if self.zero in (r"\cdot", ".") else "0"
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

    def _sympystr(self, printer: Any) -> str:
        zero = "." if self.zero in (r"\cdot", ".") else "0"
        grid = self._cells(lambda v: printer._print(v).replace(" ", ""), zero)
        width = max((len(cell) for row in grid for cell in row), default=1)
        return "\n".join("  ".join(cell.ljust(width) for cell in row).rstrip() for row in grid)


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
    if len(shape) == 1:
        return [sympy.Matrix(1, shape[0], list(array))]
    if len(shape) == 2:
        return [sympy.Matrix(array.tolist())]
    nested = array.tolist()
    return [m for block in nested for m in as_grid(sympy.Array(block))]


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
