r"""TikZ figures generated from the index map, for any parameters (in the spirit of the
convolution-arithmetic guide's figures, which are drawn for a fixed list of cases).

Each figure draws a :class:`~symconv.printing.scene.Scene`: the canvas the kernel slides over,
the kernel's window on it, the kernel (rotated by 180 degrees for a transposed convolution) and
the output grid with the cell the window writes.

- :func:`conv_figure`: the padded input (padding shaded, when there is any) and the window of
  one output position;
- :func:`transposed_figure`: the recipe's zero-inserted, padded input with the rotated kernel
  over the window of one output position;
- :func:`lattice_figure`: T4, the rows of ``C_1`` a stride deletes, and the columns of ``C_1^T``.

Figures are sized by design: the cell size is chosen so that the picture fits ``max_width`` and
``max_height`` (centimetres), and labels are set in a smaller font, or left out, when cells are
small; nothing is scaled after drawing, so the text keeps its size.

>>> from symconv import ConvSpec
>>> tikz = conv_figure(ConvSpec((4, 4), (3, 3)), (0, 1))
>>> tikz.splitlines()[0]
'\\begin{tikzpicture}[x=0.62cm, y=0.62cm, every node/.style={font=\\scriptsize}]'
>>> "padding" in tikz  # no padding, so the caption does not mention any
False
"""

from __future__ import annotations

from math import prod
from typing import Any

import numpy as np

from ..errors import SpecError
from ..indexmap import index_map, index_map_work
from ..limits import check_work
from ..recipe import recipe_padding, zero_inserted_length
from ..specs import ConvSpec, TransposedConvSpec
from .scene import INPUT, PADDING, Scene, conv_scene, scene_positions, transposed_scene

__all__ = [
    "conv_figure",
    "transposed_figure",
    "scene_figure",
    "lattice_figure",
    "figure_positions",
    "figure_unit",
    "figure_work",
    "CAPTIONS",
    "UNIT",
]

#: The cell size (cm) of a figure that has room.
UNIT = 0.62
#: Cells smaller than this (cm) get the smallest font; smaller than ``_NO_LABELS``, no labels at all.
_SMALL, _NO_LABELS = 0.5, 0.36
#: Space between the canvas, the kernel and the output, in cells.
_GAP = 1.2
#: Height of a caption under a grid, in cm.
_CAPTION = 0.8

#: Captions of the figures' parts (the notes pass their language's words).
CAPTIONS = {
    "input": "input",
    "padding": "padding shaded",
    "kernel": "kernel",
    "rotated": "kernel rotated by 180 degrees",
    "output": "output",
    "spread": "zeros inserted",
    "cropped": "cropped",
    "kept": "kept",
    "deleted": "deleted by the stride",
}


def figure_positions(spec: ConvSpec | TransposedConvSpec) -> list[tuple[int, ...]]:
    """The output positions in row-major order (one overlay each on a slide)."""
    return scene_positions(spec)


def _cell(row: int, col: int, x0: float, fill: str | None, label: str = "", style: str = "") -> str:
    options = ",".join(s for s in (f"fill={fill}" if fill else "", style) if s)
    draw = f"\\draw[{options}]" if options else "\\draw"
    line = f"{draw} ({x0 + col:g},{-row}) rectangle ++(1,-1);"
    if label:
        line += f" \\node at ({x0 + col + 0.5:g},{-row - 0.5:g}) {{{label}}};"
    return line


def figure_unit(
    columns: float, rows: float, *, unit: float = UNIT, max_width: float | None = None, max_height: float | None = None
) -> float:
    """The cell size (cm) of a picture ``columns`` x ``rows`` cells (plus a caption line) that fits
    ``max_width`` x ``max_height`` cm, at most ``unit``.

    >>> figure_unit(10, 4, max_width=5.0)
    0.5
    """
    sizes = [unit]
    if max_width is not None:
        sizes.append(max_width / columns)
    if max_height is not None:
        sizes.append((max_height - _CAPTION) / rows)
    return round(min(sizes), 3)


def _fonts(unit: float, labels: bool) -> tuple[str | None, str | None]:
    """The fonts of the cells' labels and of the kernel's (two indices) labels; ``None``: no labels."""
    if not labels or unit < _NO_LABELS:
        return None, None
    if unit < _SMALL:
        return "\\tiny", "\\tiny"
    return "", "\\tiny"


def _caption(x: float, cells: int, rows: int, text: str, unit: float) -> str:
    """A caption under a grid, wrapped to the grid's width and most of the gaps beside it."""
    width = (cells + _GAP * 0.9) * unit
    return (
        f"\\node[anchor=north, align=center, text width={width:.2f}cm] "
        f"at ({x + cells / 2:g},{-rows - 0.1:g}) {{{text}}};"
    )


def _size(shape: tuple[int, ...]) -> str:
    """A shape in a caption, typeset: ``$4 \\times 4$``."""
    return "$" + " \\times ".join(map(str, shape)) + "$"


def scene_figure(
    scene: Scene,
    *,
    labels: bool = True,
    captions: dict[str, str] | None = None,
    unit: float = UNIT,
    max_width: float | None = None,
    max_height: float | None = None,
    input_name: str | None = None,
) -> str:
    """A scene as a ``tikzpicture``: the canvas with the window, the kernel and the output.

    Inputs are named ``input_name`` (default ``X``, and ``Y`` for a transposed convolution)."""
    names = {**CAPTIONS, **(captions or {})}
    spec = scene.spec
    rows, cols = scene.canvas_shape
    q_rows, q_cols = scene.kernel_grid
    out_rows, out_cols = scene.output_shape
    width = cols + _GAP + q_cols + _GAP + out_cols + _GAP  # the captions reach into the gaps
    unit = figure_unit(width, max(rows, q_rows, out_rows), unit=unit, max_width=max_width, max_height=max_height)
    font, tap_font = _fonts(unit, labels)
    lines = [f"\\begin{{tikzpicture}}[x={unit:g}cm, y={unit:g}cm, every node/.style={{font=\\scriptsize}}]"]
    x_name, y_name = ("Y", "") if scene.transposed else ("X", "Y")
    x_name = input_name or x_name
    for r in range(rows):
        for c in range(cols):
            kind = scene.kinds[r][c]
            under = (r, c) in scene.window
            fill: str | None
            if kind == INPUT:
                fill = "orange!55" if under else "blue!18"
                label = f"${x_name}_{{{scene.inputs[(r, c)]}}}$"
                style = "very thick" if under else ""
            else:
                fill = "orange!35" if under else ("gray!20" if kind == PADDING else None)
                label = "$0$"
                style = ",".join(s for s in ("very thick" if under else "", "dashed" if kind == PADDING else "") if s)
            lines.append(_cell(r, c, 0, fill, "" if font is None else font + label, style))
    x_kernel = cols + _GAP
    for r in range(q_rows):
        for c in range(q_cols):
            # the kernel as it lies on the canvas: rotated by 180 degrees for a transposed convolution
            tap = (q_rows - 1 - r, q_cols - 1 - c) if scene.transposed else (r, c)
            name = f"W_{{{tap[0]},{tap[1]}}}" if spec.ndim == 2 else f"W_{{{tap[1]}}}"
            label = "" if tap_font is None else (f"{tap_font}${name}$" if spec.ndim == 2 else f"{font}${name}$")
            lines.append(_cell(r, c, x_kernel, "orange!30", label))
    x_out = x_kernel + q_cols + _GAP
    for r in range(out_rows):
        for c in range(out_cols):
            written = (r, c) == scene.output
            label = ""
            if y_name and font is not None:
                label = f"{font}${y_name}_{{{r * out_cols + c}}}$"
            lines.append(_cell(r, c, x_out, "green!45" if written else None, label, "very thick" if written else ""))
    if scene.transposed:
        parts = [f"{names['input']} {_size(spec.input_shape)}"]
        if any(s > 1 for s in spec.stride):
            parts.append(names["spread"])
        if scene.padded:
            parts.append(names["padding"])
        if any(d * (q - 1) < p for d, q, p in zip(spec.dilation, spec.kernel_shape, spec.padding_before)):
            parts.append(names["cropped"])
        caption = ", ".join(parts) + f": {_size(scene.canvas_shape if spec.ndim == 2 else scene.canvas_shape[1:])}"
    else:
        caption = f"{names['input']} {_size(spec.input_shape)}" + (f", {names['padding']}" if scene.padded else "")
    kernel = names["rotated"] if scene.transposed else names["kernel"]
    for x, cells, height, text in (
        (0, cols, rows, caption),
        (x_kernel, q_cols, q_rows, kernel),
        (x_out, out_cols, out_rows, f"{names['output']} {_size(spec.out_shape)}"),
    ):
        lines.append(_caption(x, cells, height, text, unit))
    lines.append(r"\end{tikzpicture}")
    return "\n".join(lines)


def conv_figure(
    spec: ConvSpec,
    position: Any = None,
    *,
    labels: bool = True,
    captions: dict[str, str] | None = None,
    unit: float = UNIT,
    max_width: float | None = None,
    max_height: float | None = None,
    input_name: str | None = None,
) -> str:
    """The padded input with the window of output ``position`` (default: the first), the kernel
    and the output grid, as a ``tikzpicture``."""
    check_work("the figure", figure_work(spec))  # the cost model, before anything is drawn
    return scene_figure(
        conv_scene(spec, position),
        labels=labels,
        captions=captions,
        unit=unit,
        max_width=max_width,
        max_height=max_height,
        input_name=input_name,
    )


def transposed_figure(
    tspec: TransposedConvSpec,
    position: Any = None,
    *,
    labels: bool = True,
    captions: dict[str, str] | None = None,
    unit: float = UNIT,
    max_width: float | None = None,
    max_height: float | None = None,
    input_name: str | None = None,
) -> str:
    """The seminar's recipe drawn for output ``position`` (default: the first): inputs (blue),
    the ``s - 1`` inserted zeros (white), the ``d(q-1) - p`` padding (grey; cropped when negative),
    the rotated kernel over the window (orange) and the output cell it writes (green)."""
    check_work("the figure", figure_work(tspec))  # the cost model, before anything is drawn
    return scene_figure(
        transposed_scene(tspec, position),
        labels=labels,
        captions=captions,
        unit=unit,
        max_width=max_width,
        max_height=max_height,
        input_name=input_name,
    )


def lattice_figure(
    spec: ConvSpec,
    stride: int,
    *,
    captions: dict[str, str] | None = None,
    unit: float = 0.5,
    max_width: float | None = None,
    max_height: float | None = None,
) -> str:
    """T4 drawn: the stride-1 matrix ``C_1`` of ``spec`` with the rows a stride ``stride`` deletes
    shaded and struck through, and ``C_1^T`` beside it with the same columns struck through.

    The rows kept are the outputs whose every index is a multiple of ``stride``: row ``o`` of
    ``C_s`` is row ``s o`` of ``C_1`` (the index map ``s o - p + d k``).

    >>> tikz = lattice_figure(ConvSpec(7, 3), 2)
    >>> tikz.count("red!60")  # rows 1 and 3 of C_1, columns 1 and 3 of C_1^T
    4
    """
    names = {**CAPTIONS, **(captions or {})}
    if any(s != 1 for s in spec.stride) or stride < 1:
        raise SpecError(
            "stride", f"the picture starts from a stride-1 spec and a stride >= 1, got {spec.stride}, {stride}"
        )
    imap = index_map(spec)
    n_out = int(np.prod(spec.out_shape))
    n_in = int(np.prod(spec.input_shape))
    kept = [all(o % stride == 0 for o in np.unravel_index(r, spec.out_shape)) for r in range(n_out)]
    entries = {
        (int(r), int(c)): tap
        for r, c, tap in zip(imap.flat_output.tolist(), imap.flat_input.tolist(), imap.tap.tolist())
    }
    width = n_in + 2 * _GAP + n_out
    unit = figure_unit(width, max(n_in, n_out), unit=unit, max_width=max_width, max_height=max_height)
    font = None if unit < _NO_LABELS else "\\tiny"

    def label(tap: list[int]) -> str:
        return "" if font is None else f"{font}$W_{{{','.join(map(str, tap))}}}$"

    lines = [f"\\begin{{tikzpicture}}[x={unit:g}cm, y={unit:g}cm, every node/.style={{font=\\scriptsize}}]"]
    for r in range(n_out):
        for c in range(n_in):
            fill = "red!15" if not kept[r] else ("orange!30" if (r, c) in entries else None)
            lines.append(_cell(r, c, 0, fill, label(entries[(r, c)]) if (r, c) in entries else ""))
        if not kept[r]:
            lines.append(f"\\draw[red!60, thick] (0,{-r - 0.5:g}) -- ({n_in},{-r - 0.5:g});")
    x_t = n_in + 2 * _GAP
    for r in range(n_in):
        for c in range(n_out):
            fill = "red!15" if not kept[c] else ("orange!30" if (c, r) in entries else None)
            lines.append(_cell(r, c, x_t, fill, label(entries[(c, r)]) if (c, r) in entries else ""))
    for c in range(n_out):
        if not kept[c]:
            lines.append(f"\\draw[red!60, thick] ({x_t + c + 0.5:g},0) -- ({x_t + c + 0.5:g},{-n_in});")
    lines.append(
        f"\\node[anchor=north] at ({n_in / 2:g},{-n_out - 0.15:g}) "
        f"{{$C_1$: {n_out}x{n_in}, $s = {stride}$: {names['deleted']}}};"
    )
    lines.append(f"\\node[anchor=north] at ({x_t + n_out / 2:g},{-n_in - 0.15:g}) {{$C_1^T$: {n_in}x{n_out}}};")
    lines.append(r"\end{tikzpicture}")
    return "\n".join(lines)


def figure_work(spec: ConvSpec | TransposedConvSpec) -> dict[str, int]:
    """The work of a figure, in closed form: the cells it draws (the padded input, or the recipe's
    spread and padded input, the kernel and the output) and, for a convolution, its index map.

    >>> figure_work(ConvSpec((1, 1), (1, 1), padding=1000))
    {'non-zeros': 1, 'cells': 2, 'figure cells': 8008003}
    """
    if isinstance(spec, TransposedConvSpec):
        drawn = prod(
            zero_inserted_length(h, s) + 2 * recipe_padding(q, p, d) + a
            for h, q, s, p, d, a in zip(
                spec.input_shape, spec.kernel_shape, spec.stride, spec.padding, spec.dilation, spec.output_padding
            )
        )
        return {"figure cells": drawn + prod(spec.out_shape)}
    padded = prod(h + b + a for h, b, a in zip(spec.input_shape, spec.padding_before, spec.padding_after))
    cells = padded + prod(spec.kernel_shape) + prod(spec.out_shape)
    return {**index_map_work(spec), "figure cells": cells}
