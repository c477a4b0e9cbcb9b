r"""TikZ figures generated from the index map, for any parameters (in the spirit of the
convolution-arithmetic guide's figures, which are drawn for a fixed list of cases).

- :func:`conv_figure`: the padded input (padding shaded), the window of one output position
  (the taps' input positions, :func:`~symconv.input_position`), the kernel and the output;
- :func:`transposed_figure`: the recipe's transformed input (inputs, inserted zeros, padding),
  and the output.

1-D specs are drawn as a single row.

>>> from symconv import ConvSpec
>>> tikz = conv_figure(ConvSpec((4, 4), (3, 3)), (0, 1))
>>> tikz.splitlines()[0]
'\\begin{tikzpicture}[x=0.62cm, y=0.62cm, every node/.style={font=\\scriptsize}]'
"""

from __future__ import annotations

from math import prod
from typing import Any

import numpy as np

from ..errors import SpecError
from ..indexmap import index_map, index_map_work, input_position
from ..limits import check_work
from ..recipe import recipe_padding
from ..specs import ConvSpec, TransposedConvSpec

__all__ = ["conv_figure", "transposed_figure", "figure_positions", "figure_work", "CAPTIONS"]

_STYLE = r"\begin{tikzpicture}[x=0.62cm, y=0.62cm, every node/.style={font=\scriptsize}]"


def _two_d(shape: tuple[int, ...]) -> tuple[int, int]:
    if len(shape) == 1:
        return 1, shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    raise SpecError("input_shape", f"figures are drawn for 1-D and 2-D specs, got {len(shape)} dimensions")


def _cell(row: int, col: int, x0: float, fill: str | None, label: str = "", dashed: bool = False) -> str:
    style = ",".join(s for s in (f"fill={fill}" if fill else "", "dashed" if dashed else "") if s)
    draw = f"\\draw[{style}]" if style else "\\draw"
    line = f"{draw} ({x0 + col},{-row}) rectangle ++(1,-1);"
    if label:
        line += f" \\node at ({x0 + col + 0.5},{-row - 0.5}) {{{label}}};"
    return line


def figure_positions(spec: ConvSpec) -> list[tuple[int, ...]]:
    """The output positions in row-major order (one overlay each on a slide)."""
    return [tuple(int(i) for i in index) for index in np.ndindex(*spec.out_shape)]


#: Captions of the figures' parts (the notes pass their language's words).
CAPTIONS = {
    "input": "input",
    "padding": "padding shaded",
    "kernel": "kernel",
    "output": "output",
    "spread": "zeros inserted and padded",
}


def conv_figure(
    spec: ConvSpec, position: Any = None, *, labels: bool = True, captions: dict[str, str] | None = None
) -> str:
    """The padded input with the window of output ``position`` (default: the first), the kernel
    and the output grid, as a ``tikzpicture``."""
    names = {**CAPTIONS, **(captions or {})}
    check_work("the figure", figure_work(spec))  # the cost model, before anything is drawn
    rows, cols = _two_d(spec.input_shape)
    out_rows, out_cols = _two_d(spec.out_shape)
    q_rows, q_cols = _two_d(spec.kernel_shape)
    position = tuple(position) if position is not None else (0,) * spec.ndim
    if len(position) != spec.ndim or any(not 0 <= p < n for p, n in zip(position, spec.out_shape)):
        raise SpecError("position", f"must be an output position inside {spec.out_shape}, got {position}")
    before = list(spec.padding_before) if spec.ndim == 2 else [0] + list(spec.padding_before)
    after = list(spec.padding_after) if spec.ndim == 2 else [0] + list(spec.padding_after)
    lift = (lambda i: tuple(i)) if spec.ndim == 2 else (lambda i: (0,) + tuple(i))
    # the window inside the input, from the index map; its taps in the padding, from the same formula
    imap = index_map(spec)
    inside = {lift(i) for o, i in zip(imap.output.tolist(), imap.input.tolist()) if tuple(o) == position}
    window = {
        lift(
            input_position(o, kk, s, p, d)
            for o, kk, s, p, d in zip(position, k, spec.stride, spec.padding_before, spec.dilation)
        )
        for k in np.ndindex(*spec.kernel_shape)
    }
    lines = [_STYLE]
    for r in range(-before[0], rows + after[0]):
        for c in range(-before[1], cols + after[1]):
            padding = not (0 <= r < rows and 0 <= c < cols)
            fill = "blue!35" if (r, c) in inside else "blue!12" if (r, c) in window else "gray!20" if padding else None
            label = "$0$" if padding else f"$X_{{{r * cols + c}}}$" if labels else ""
            lines.append(_cell(r + before[0], c + before[1], 0, fill, label, dashed=padding))
    width = cols + before[1] + after[1]
    x_kernel = width + 1.5
    for r in range(q_rows):
        for c in range(q_cols):
            label = f"\\tiny$W_{{{r},{c}}}$" if spec.ndim == 2 else f"$W_{{{c}}}$"
            lines.append(_cell(r, c, x_kernel, "orange!25", label if labels else ""))
    x_out = x_kernel + q_cols + 1.5
    chosen_out = position if spec.ndim == 2 else (0,) + position
    for r in range(out_rows):
        for c in range(out_cols):
            fill = "green!30" if (r, c) == chosen_out else None
            lines.append(_cell(r, c, x_out, fill, f"$Y_{{{r * out_cols + c}}}$" if labels else ""))
    lines.append(
        f"\\node[anchor=north] at ({width / 2},{-(rows + before[0] + after[0]) - 0.2}) "
        f"{{{names['input']} {'x'.join(map(str, spec.input_shape))} ({names['padding']})}};"
    )
    lines.append(f"\\node[anchor=north] at ({x_kernel + q_cols / 2},{-q_rows - 0.2}) {{{names['kernel']}}};")
    lines.append(f"\\node[anchor=north] at ({x_out + out_cols / 2},{-out_rows - 0.2}) {{{names['output']}}};")
    lines.append(r"\end{tikzpicture}")
    return "\n".join(lines)


def transposed_figure(tspec: TransposedConvSpec, *, labels: bool = True, captions: dict[str, str] | None = None) -> str:
    """The seminar's recipe drawn: inputs (blue), the ``s - 1`` inserted zeros (white), the
    ``d(q-1) - p`` padding (grey; cropped when negative) and the output grid."""
    names = {**CAPTIONS, **(captions or {})}
    check_work("the figure", figure_work(tspec))  # the cost model, before anything is drawn
    rows, cols = _two_d(tspec.input_shape)
    out_rows, out_cols = _two_d(tspec.out_shape)
    s = list(tspec.stride) if tspec.ndim == 2 else [1] + list(tspec.stride)
    border = [recipe_padding(q, p, d) for d, q, p in zip(tspec.dilation, tspec.kernel_shape, tspec.padding)]
    border = border if tspec.ndim == 2 else [0] + border
    extra = list(tspec.output_padding) if tspec.ndim == 2 else [0] + list(tspec.output_padding)
    spread = [(rows - 1) * s[0] + 1, (cols - 1) * s[1] + 1]
    size = [spread[a] + 2 * border[a] + extra[a] for a in range(2)]
    lines = [_STYLE]
    for r in range(size[0]):
        for c in range(size[1]):
            u, v = r - border[0], c - border[1]  # position in the spread input
            if 0 <= u < spread[0] and 0 <= v < spread[1]:
                if u % s[0] == 0 and v % s[1] == 0:
                    k = (u // s[0]) * cols + v // s[1]
                    lines.append(_cell(r, c, 0, "blue!35", f"$Y_{{{k}}}$" if labels else ""))
                else:
                    lines.append(_cell(r, c, 0, None, "$0$"))
            else:
                lines.append(_cell(r, c, 0, "gray!20", "$0$", dashed=True))
    x_out = size[1] + 1.5
    for r in range(out_rows):
        for c in range(out_cols):
            lines.append(_cell(r, c, x_out, "green!20", ""))
    lines.append(
        f"\\node[anchor=north] at ({size[1] / 2},{-size[0] - 0.2}) "
        f"{{{names['spread']}: {'x'.join(map(str, size if tspec.ndim == 2 else size[1:]))}}};"
    )
    lines.append(
        f"\\node[anchor=north] at ({x_out + out_cols / 2},{-out_rows - 0.2}) "
        f"{{{names['output']} {'x'.join(map(str, tspec.out_shape))}}};"
    )
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
            (h - 1) * s + 1 + 2 * (d * (q - 1) - p) + a
            for h, q, s, p, d, a in zip(
                spec.input_shape, spec.kernel_shape, spec.stride, spec.padding, spec.dilation, spec.output_padding
            )
        )
        return {"figure cells": drawn + prod(spec.out_shape)}
    padded = prod(h + b + a for h, b, a in zip(spec.input_shape, spec.padding_before, spec.padding_after))
    cells = padded + prod(spec.kernel_shape) + prod(spec.out_shape)
    return {**index_map_work(spec), "figure cells": cells}
