r"""What a picture of one output position shows, as data: the canvas the kernel slides over,
the cells under the kernel with the tap over each, and the output cell they write.

The TikZ figures (:mod:`.figures`) and the animations (:mod:`.animation`) draw the same
:class:`Scene`, so a slide and a GIF of the same spec cannot disagree.

- A convolution's canvas is the padded input; output ``o`` reads, per dimension, the canvas
  cells ``s o + d k`` (the index map :math:`i = s o - p + d k` shifted by the padding ``p``),
  tap ``k`` over each.
- A transposed convolution's canvas is the seminar's recipe: ``s - 1`` zeros inserted between
  neighbouring inputs, ``d(q - 1) - p`` zeros on each side (negative: cropped) and the output
  padding ``a`` at the end. Output ``o`` reads the canvas cells ``o + d m`` (stride 1) with the
  kernel rotated by 180 degrees: tap ``q - 1 - m`` over cell ``m`` of the window.

1-D specs are drawn as one row (a canvas of one row, positions ``(0, i)``).

>>> from symconv import ConvSpec, TransposedConvSpec
>>> scene = conv_scene(ConvSpec(5, 3, stride=2, padding=1), (1,))
>>> scene.canvas_shape, sorted(scene.window.items())
((1, 7), [((0, 2), (0,)), ((0, 3), (1,)), ((0, 4), (2,))])
>>> scene.reads()  # (flat input, flat tap): what the index map says output 1 reads
[(1, 0), (2, 1), (3, 2)]
>>> transposed_scene(TransposedConvSpec(2, 3, stride=2, padding=1), (1,)).reads()
[(0, 2), (1, 0)]
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from typing import Any

import numpy as np

from ..errors import SpecError
from ..indexmap import input_position
from ..specs import ConvSpec, TransposedConvSpec

__all__ = [
    "Scene",
    "conv_scene",
    "transposed_scene",
    "spec_scene",
    "scene_positions",
    "scene_count",
    "INPUT",
    "PADDING",
    "ZERO",
]

#: The kinds of canvas cells: an input value, a padding zero, a zero inserted between inputs.
INPUT, PADDING, ZERO = "input", "padding", "zero"

Cell = tuple[int, int]


@dataclass(frozen=True)
class Scene:
    """One output position of a (transposed) convolution, as cells on a canvas.

    ``kinds[r][c]`` is :data:`INPUT`, :data:`PADDING` or :data:`ZERO`; ``inputs`` maps the canvas
    cells holding inputs to the input's flat (row-major) index; ``window`` maps the cells under
    the kernel to the kernel tap (a multi-index) over each; ``output`` is the written cell of the
    output grid ``output_shape`` (all 2-D: 1-D specs are one row).
    """

    spec: ConvSpec | TransposedConvSpec
    position: tuple[int, ...]
    kinds: tuple[tuple[str, ...], ...]
    inputs: dict[Cell, int]
    window: dict[Cell, tuple[int, ...]]
    output_shape: tuple[int, int]
    output: Cell

    @property
    def transposed(self) -> bool:
        """Whether the scene is of a transposed convolution (the kernel rotated, inserted zeros)."""
        return isinstance(self.spec, TransposedConvSpec)

    @property
    def canvas_shape(self) -> tuple[int, int]:
        """Rows and columns of the canvas."""
        return len(self.kinds), len(self.kinds[0]) if self.kinds else 0

    @property
    def kernel_grid(self) -> tuple[int, int]:
        """Rows and columns of the kernel as drawn (one row for 1-D)."""
        return _two_d(self.spec.kernel_shape)

    @property
    def output_index(self) -> int:
        """The written output's flat (row-major) index."""
        return self.output[0] * self.output_shape[1] + self.output[1]

    @property
    def padded(self) -> bool:
        """Whether the canvas has padding cells (captions say "padding shaded" only then)."""
        return any(kind == PADDING for row in self.kinds for kind in row)

    def reads(self) -> list[tuple[int, int]]:
        """``(flat input, flat tap)`` of every window cell that holds an input, sorted: the products
        the output sums (cells on padding or inserted zeros contribute nothing)."""
        kernel = self.spec.kernel_shape
        return sorted(
            (self.inputs[cell], int(np.ravel_multi_index(tap, kernel)))
            for cell, tap in self.window.items()
            if cell in self.inputs
        )


def _two_d(shape: tuple[int, ...]) -> tuple[int, int]:
    if len(shape) == 1:
        return 1, shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    raise SpecError("input_shape", f"pictures are drawn for 1-D and 2-D specs, got {len(shape)} dimensions")


def _lift(values: tuple[int, ...], fill: int) -> tuple[int, int]:
    return (fill, values[0]) if len(values) == 1 else (values[0], values[1])


def _check_position(position: Any, shape: tuple[int, ...]) -> tuple[int, ...]:
    chosen = tuple(int(p) for p in position) if position is not None else (0,) * len(shape)
    if len(chosen) != len(shape) or any(not 0 <= p < n for p, n in zip(chosen, shape)):
        raise SpecError("position", f"must be an output position inside {shape}, got {chosen}")
    return chosen


def scene_positions(spec: ConvSpec | TransposedConvSpec) -> list[tuple[int, ...]]:
    """The output positions in row-major order (one overlay, one animation frame each)."""
    return [tuple(int(i) for i in index) for index in np.ndindex(*spec.out_shape)]


def conv_scene(spec: ConvSpec, position: Any = None) -> Scene:
    """The padded input, the window of output ``position`` (default: the first) and the output."""
    if not isinstance(spec, ConvSpec):
        raise SpecError("spec", f"must be a ConvSpec, got {type(spec).__name__}")
    _two_d(spec.input_shape)
    position = _check_position(position, spec.out_shape)
    rows, cols = _two_d(spec.input_shape)
    before = _lift(spec.padding_before, 0)
    after = _lift(spec.padding_after, 0)
    kinds = tuple(
        tuple(
            INPUT if 0 <= r - before[0] < rows and 0 <= c - before[1] < cols else PADDING
            for c in range(cols + before[1] + after[1])
        )
        for r in range(rows + before[0] + after[0])
    )
    inputs = {
        (r, c): (r - before[0]) * cols + (c - before[1])
        for r, row in enumerate(kinds)
        for c, kind in enumerate(row)
        if kind == INPUT
    }
    window: dict[Cell, tuple[int, ...]] = {}
    for tap in np.ndindex(*spec.kernel_shape):
        # input_position gives the index in the unpadded input; the canvas starts p cells earlier
        where = tuple(
            input_position(o, k, s, p, d) + p
            for o, k, s, p, d in zip(position, tap, spec.stride, spec.padding_before, spec.dilation)
        )
        window[_lift(where, 0)] = tuple(int(k) for k in tap)
    return Scene(spec, position, kinds, inputs, window, _two_d(spec.out_shape), _lift(position, 0))


def transposed_scene(tspec: TransposedConvSpec, position: Any = None) -> Scene:
    """The zero-inserted, padded input of the recipe, the rotated kernel over the window of output
    ``position`` (default: the first) and the output."""
    if not isinstance(tspec, TransposedConvSpec):
        raise SpecError("tspec", f"must be a TransposedConvSpec, got {type(tspec).__name__}")
    _two_d(tspec.input_shape)
    position = _check_position(position, tspec.out_shape)
    rows, cols = _two_d(tspec.input_shape)
    stride = _lift(tspec.stride, 1)
    spread = ((rows - 1) * stride[0] + 1, (cols - 1) * stride[1] + 1)
    border = _lift(tuple(d * (q - 1) - p for d, q, p in zip(tspec.dilation, tspec.kernel_shape, tspec.padding)), 0)
    extra = _lift(tspec.output_padding, 0)
    size = tuple(spread[a] + 2 * border[a] + extra[a] for a in range(2))
    kinds_rows, inputs = [], {}
    for r in range(size[0]):
        kinds_row = []
        for c in range(size[1]):
            u, v = r - border[0], c - border[1]  # the position in the zero-inserted input
            if 0 <= u < spread[0] and 0 <= v < spread[1]:
                if u % stride[0] == 0 and v % stride[1] == 0:
                    kinds_row.append(INPUT)
                    inputs[(r, c)] = (u // stride[0]) * cols + v // stride[1]
                else:
                    kinds_row.append(ZERO)
            else:
                kinds_row.append(PADDING)
        kinds_rows.append(tuple(kinds_row))
    window: dict[Cell, tuple[int, ...]] = {}
    for m in np.ndindex(*tspec.kernel_shape):
        where = tuple(o + d * mm for o, d, mm in zip(position, tspec.dilation, m))
        # the rotated kernel: cell m of the window carries the tap q - 1 - m
        window[_lift(where, 0)] = tuple(q - 1 - int(mm) for q, mm in zip(tspec.kernel_shape, m))
    return Scene(tspec, position, tuple(kinds_rows), inputs, window, _two_d(tspec.out_shape), _lift(position, 0))


def spec_scene(spec: ConvSpec | TransposedConvSpec, position: Any = None) -> Scene:
    """:func:`conv_scene` or :func:`transposed_scene`, as ``spec`` is."""
    if isinstance(spec, TransposedConvSpec):
        return transposed_scene(spec, position)
    return conv_scene(spec, position)


def scene_count(spec: ConvSpec | TransposedConvSpec) -> int:
    """How many output positions (overlays, frames) ``spec`` has."""
    return prod(spec.out_shape)
