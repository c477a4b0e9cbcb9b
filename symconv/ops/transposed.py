r"""The transposed convolution (the seminar's Part 2): as ``C^T`` and as the seminar's recipe.

- :func:`transposed_conv_matrix`: the matrix, from the index map of the matching forward
  convolution with rows and columns swapped (T1);
- :func:`conv_transpose`: the recipe, computed as the seminar says and *not* through the
  matrix: insert ``s-1`` zeros between neighbouring inputs, pad ``d(q-1) - p`` zeros on
  each side (a negative amount crops; ``output_padding`` more at the far end), slide the
  kernel, rotated by 180 degrees and dilated by ``d``, with stride 1 (T2);
- :func:`recipe_stages`: every stage of the recipe, for printing.

>>> from symconv import TransposedConvSpec
>>> conv_transpose(TransposedConvSpec(2, 2, stride=2), [1, 2], [1, 10])
[1, 10, 2, 20]
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

import numpy as np
import sympy
from sympy import Array, MutableDenseMatrix

from ..channels import layer_kernel, layer_positions, require_single_channel
from ..errors import SpecError
from ..indexmap import index_map_work, nonzero_count
from ..limits import check_work
from ..operands import as_array, as_kernel, flat, from_object_array, object_array
from ..parameters import shown
from ..recipe import (
    landing_position,
    padded_length,
    recipe_padding,
    rotated_tap,
    zero_inserted_length,
    zero_inserted_position,
)
from ..specs import ConvSpec, TransposedConvSpec, require_spec
from ..typing import ArrayLike, Shape
from .matrix import matrix_from_entries
from .sliding_window import window_sums

__all__ = ["transposed_conv_matrix", "conv_transpose", "recipe_stages", "recipe_work", "rotate_kernel", "Stage"]


def transposed_conv_matrix(
    tspec: TransposedConvSpec, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> MutableDenseMatrix:
    r"""The ``(prod(out_shape), prod(input_shape))`` matrix of the transposed convolution.

    It is ``C^T`` of ``tspec.forward()``; when ``output_padding >= stride`` the forward
    convolution has more than ``h`` outputs and only the rows of the first ``h`` are
    transposed (PyTorch's rule). With channels the shape is
    ``(C_out * prod(out_shape), C_in * prod(input_shape))`` and ``kernel`` has PyTorch's
    layout ``(C_in, C_out/groups, *kernel_shape)``, the forward convolution's.

    >>> from symconv import TransposedConvSpec
    >>> transposed_conv_matrix(TransposedConvSpec(2, 3))
    Matrix([
    [W[0],    0],
    [W[1], W[0]],
    [W[2], W[1]],
    [   0, W[2]]])
    """
    require_spec(tspec, TransposedConvSpec, "tspec")
    forward = tspec.forward()
    check_work("the matrix", {**index_map_work(forward), "taps": prod(forward.weight_shape)}, max_nonzeros)
    # the forward convolution reads the same weight layout
    taps = flat(layer_kernel(forward, kernel, max_nonzeros=max_nonzeros))
    rows, columns, tap = layer_positions(forward, tspec.input_shape)
    return matrix_from_entries(
        columns,
        rows,
        tap,
        taps,
        (tspec.out_channels * prod(tspec.out_shape), tspec.in_channels * prod(tspec.input_shape)),
    )


def rotate_kernel(kernel: ArrayLike) -> Array:
    """The kernel rotated by 180 degrees: every axis reversed (``W[q-1-k]``).

    >>> rotate_kernel([[1, 2], [3, 4]])
    [[4, 3], [2, 1]]
    """
    if isinstance(kernel, sympy.NDimArray):  # read through its storage, already SymPy entries
        array = object_array(kernel)
    else:
        try:
            array = np.array(kernel, dtype=object)
        except ValueError:
            raise SpecError("kernel", "must be a rectangular array of numbers or expressions") from None
    if array.ndim == 0 or array.size == 0:
        raise SpecError("kernel", f"must be a non-empty array, got {shown(kernel)}")
    checked = object_array(as_array(list(array.ravel()), array.shape, "kernel"))  # numbers or SymPy expressions
    return from_object_array(checked[np.ix_(*[rotated_tap(np.arange(n), n) for n in array.shape])])


@dataclass(frozen=True)
class Stage:
    """One stage of the recipe: its name, the array, and a one-line description."""

    name: str
    array: Array
    description: str


def recipe_stages(
    tspec: TransposedConvSpec, Y: ArrayLike, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> list[Stage]:
    """The seminar's recipe, stage by stage: input, zeros inserted, padded (or cropped), output.

    >>> from symconv import TransposedConvSpec
    >>> [(s.name, s.array.shape) for s in recipe_stages(TransposedConvSpec(2, 3, stride=2, padding=1), [1, 2])]
    [('input', (2,)), ('zeros inserted', (3,)), ('padded', (5,)), ('output', (3,))]
    """
    require_spec(tspec, TransposedConvSpec, "tspec")
    require_single_channel(tspec, "the recipe")
    check_work("the recipe", recipe_work(tspec), max_nonzeros)
    h, s, d, q = tspec.input_shape, tspec.stride, tspec.dilation, tspec.kernel_shape
    values = object_array(as_array(Y, h, "Y"))
    stages = [Stage("input", from_object_array(values), f"the input, {_size(h)}")]

    # every position comes from the recipe's definitions (symconv.recipe), which the proofs use too
    spread_shape = tuple(zero_inserted_length(hj, sj) for hj, sj in zip(h, s))
    spread = np.full(spread_shape, sympy.S.Zero, dtype=object)
    # Python integers: a huge stride that cannot matter (one input) must not overflow numpy's int64
    spread[np.ix_(*[[zero_inserted_position(o, sj) for o in range(hj)] for hj, sj in zip(h, s)])] = values
    stages.append(
        Stage(
            "zeros inserted",
            from_object_array(spread),
            f"s - 1 = {_values([sj - 1 for sj in s])} zeros between neighbours: (h-1)s + 1 = {_size(spread_shape)}",
        )
    )

    axes = list(
        zip(tspec.input_shape, tspec.kernel_shape, tspec.stride, tspec.padding, tspec.dilation, tspec.output_padding)
    )
    border = [recipe_padding(qj, pj, dj) for _, qj, _, pj, dj, _ in axes]
    padded_shape = tuple(padded_length(*axis) for axis in axes)
    padded = np.full(padded_shape, sympy.S.Zero, dtype=object)
    # input o lands at s o + d(q-1) - p; inputs landing outside the padded array are cropped
    # (Python integers: a huge stride or padding that crops everything must not overflow int64)
    landed = [[landing_position(o, qj, sj, pj, dj) for o in range(hj)] for hj, qj, sj, pj, dj, _ in axes]
    inside = [np.array([0 <= x < n for x in xs], dtype=bool) for xs, n in zip(landed, padded_shape)]
    kept = [np.array([x for x, keep in zip(xs, keeps) if keep], dtype=np.int64) for xs, keeps in zip(landed, inside)]
    padded[np.ix_(*kept)] = values[np.ix_(*inside)]
    stages.append(
        Stage(
            "padded",
            from_object_array(padded),
            f"d(q-1) - p = {_values(border)} zeros on each side (negative: cropped), "
            f"a = {_values(list(tspec.output_padding))} more at the end: {_size(padded_shape)}",
        )
    )

    rotated = rotate_kernel(as_kernel(kernel, q, max_nonzeros=max_nonzeros))
    slide = ConvSpec(padded_shape, q, stride=1, padding=0, dilation=d)
    # the inserted zeros are skipped: the window does the work counted by recipe_work, not its own estimate
    output = window_sums(slide, padded, flat(rotated))
    stages.append(
        Stage("output", output, f"the kernel rotated by 180 degrees slides with stride 1: {_size(output.shape)}")
    )
    return stages


def recipe_work(tspec: TransposedConvSpec) -> dict[str, int]:
    """The work of :func:`recipe_stages`, in closed form: the cells of its four stages (each held
    twice, as a numpy array and as a SymPy Array), the window entries the stride-1 slide visits, its
    products (the inserted zeros are skipped: the non-zeros of ``C``) and the kernel's taps.

    >>> recipe_work(TransposedConvSpec(2, 3, stride=2, padding=1))
    {'cells': 26, 'window reads': 9, 'products': 4, 'taps': 3}
    """
    forward = tspec.forward()
    index_map_work(forward)  # sizes numpy cannot index are refused
    spread = [zero_inserted_length(h, s) for h, s in zip(tspec.input_shape, tspec.stride)]
    padded = [
        n + 2 * max(recipe_padding(q, p, d), 0) + a
        for n, q, p, d, a in zip(spread, tspec.kernel_shape, tspec.padding, tspec.dilation, tspec.output_padding)
    ]
    stages = prod(tspec.input_shape) + prod(spread) + prod(padded) + prod(tspec.out_shape)
    return {
        "cells": 2 * stages,
        "window reads": prod(tspec.out_shape) * prod(tspec.kernel_shape),
        "products": nonzero_count(forward),
        "taps": prod(tspec.kernel_shape),
    }


def _values(values: list[int]) -> str:
    return str(values[0]) if len(set(values)) == 1 else "(" + ", ".join(map(str, values)) + ")"


def _size(shape: Shape) -> str:
    return "x".join(str(n) for n in shape)


def conv_transpose(
    tspec: TransposedConvSpec, Y: ArrayLike, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> Array:
    """The transposed convolution by the seminar's recipe (T2), an Array of ``out_shape``.

    >>> from symconv import TransposedConvSpec, input_symbols
    >>> conv_transpose(TransposedConvSpec(2, 3, stride=2, padding=1), input_symbols(2, "Y"))
    [W[1]*Y[0], W[0]*Y[1] + W[2]*Y[0], W[1]*Y[1]]
    """
    return recipe_stages(tspec, Y, kernel, max_nonzeros=max_nonzeros)[-1].array
