r"""Channels and groups: which channels a layer connects, and where its weights sit.

A layer with ``C_in`` input and ``C_out`` output channels in ``g`` groups connects output
channel ``o`` to the ``C_in/g`` input channels of its group ``o // (C_out/g)`` (PyTorch's
rule; depthwise convolution is ``g = C_in``). Its weight has PyTorch's layout
``(C_out, C_in/g, *kernel_shape)``: ``W[o, c, i, j]`` with ``c`` counted inside the group.

The layer's matrix is built from the same spatial index map as the single-channel ``C``:
every connected channel pair ``(o, c)`` places a copy of the spatial triples at row
``o * prod(out_shape) + flat_output`` and column ``c * prod(input_shape) + flat_input``
(vectors flattened channels-first, ``(C, *spatial)`` row-major), with the tap read from
``W[o, c - group start]``.

>>> from symconv import ConvSpec
>>> spec = ConvSpec(4, 3, in_channels=4, out_channels=2, groups=2)
>>> [pair.tolist() for pair in channel_pairs(spec)]
[[0, 0, 1, 1], [0, 1, 2, 3], [0, 1, 2, 3]]
"""

from __future__ import annotations

from math import prod
from typing import overload

import numpy as np
from sympy import Array

from .errors import SpecError
from .indexmap import IndexMap, axis_pairs, flat_index
from .operands import as_array
from .specs import ConvSpec, SpecBase
from .symbols import kernel_symbols
from .typing import ArrayLike, Shape

__all__ = [
    "channel_pairs",
    "group_of",
    "layer_entries",
    "layer_kernel",
    "layer_positions",
    "repeat_for_channels",
    "require_single_channel",
]


@overload
def group_of(channel: int, channels: int, groups: int) -> int: ...
@overload
def group_of(channel: np.ndarray, channels: int, groups: int) -> np.ndarray: ...
def group_of(channel: int | np.ndarray, channels: int, groups: int) -> int | np.ndarray:
    """The group of a channel when ``channels`` are split into ``groups`` consecutive groups.

    >>> [group_of(c, 6, 3) for c in range(6)]
    [0, 0, 1, 1, 2, 2]
    """
    return channel // (channels // groups)


def channel_pairs(spec: ConvSpec) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every connected ``(output channel, input channel)`` pair, with the flat index of
    ``W[o, c_local]`` in the weight's leading two axes (``o * (C_in/g) + c_local``).

    Ordered by output channel, then input channel.

    >>> from symconv import ConvSpec
    >>> out, inp, weight = channel_pairs(ConvSpec(4, 3, in_channels=2, out_channels=3))
    >>> out.tolist(), inp.tolist(), weight.tolist()
    ([0, 0, 1, 1, 2, 2], [0, 1, 0, 1, 0, 1], [0, 1, 2, 3, 4, 5])
    """
    per_group = spec.in_channels // spec.groups
    out, local = np.meshgrid(np.arange(spec.out_channels), np.arange(per_group), indexing="ij")
    inp = group_of(out, spec.out_channels, spec.groups) * per_group + local
    return out.ravel(), inp.ravel(), (out * per_group + local).ravel()


def require_single_channel(spec: SpecBase, what: str) -> None:
    """Refuse a spec with channels in an operation written for one channel (the seminar's pictures).

    >>> from symconv import ConvSpec
    >>> require_single_channel(ConvSpec(4, 3, out_channels=2), "sliding_window")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: out_channels: sliding_window takes a single-channel spec; conv_matrix takes channels
    """
    for name in ("in_channels", "out_channels", "groups"):
        if getattr(spec, name) != 1:
            matrix = "transposed_conv_matrix" if hasattr(spec, "output_padding") else "conv_matrix"
            raise SpecError(name, f"{what} takes a single-channel spec; {matrix} takes channels")


def layer_entries(
    spec: ConvSpec,
    imap: IndexMap,
    out_shape: Shape | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns and flat weight positions of the layer's matrix: the spatial triples of
    ``imap`` repeated for every connected channel pair.

    ``out_shape`` (default ``spec.out_shape``) flattens the output positions; the transposed
    convolution passes its ``input_shape`` when it uses only the first outputs.

    >>> from symconv import ConvSpec, index_map
    >>> spec = ConvSpec(3, 2, in_channels=2, out_channels=2, groups=2)
    >>> [a.tolist() for a in layer_entries(spec, index_map(spec))]
    [[0, 0, 1, 1, 2, 2, 3, 3], [0, 1, 1, 2, 3, 4, 4, 5], [0, 1, 0, 1, 2, 3, 2, 3]]
    """
    out_shape = spec.out_shape if out_shape is None else out_shape
    return repeat_for_channels(
        spec, flat_index(imap.output, out_shape), imap.flat_input, imap.flat_tap, prod(out_shape)
    )


def layer_positions(spec: ConvSpec, out_shape: Shape | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Flat rows, columns and weight positions of the layer's matrix (its first ``out_shape``
    outputs), for every connected channel pair: :func:`layer_entries` without the multi-indices.

    The N-D index map is the product of the 1-D maps (:func:`~symconv.indexmap.axis_pairs`):
    the flat positions are combined axis by axis, row-major, by broadcasting. Within a channel
    pair the entries come in the order of that product, ``(o_1, k_1, o_2, k_2, ...)``: a row's
    entries in the order of their taps, the rows themselves not sorted.

    >>> from symconv import ConvSpec
    >>> [a.tolist() for a in layer_positions(ConvSpec(3, 2))]
    [[0, 0, 1, 1], [0, 1, 1, 2], [0, 1, 0, 1]]
    """
    out_shape = spec.out_shape if out_shape is None else out_shape
    rows = columns = taps = np.zeros((), dtype=np.int64)
    for axis in range(spec.ndim):
        o, k, i = axis_pairs(spec, axis)
        keep = o < out_shape[axis]
        rows = rows[..., None] * out_shape[axis] + o[keep]
        columns = columns[..., None] * spec.input_shape[axis] + i[keep]
        taps = taps[..., None] * spec.kernel_shape[axis] + k[keep]
    return repeat_for_channels(spec, rows.ravel(), columns.ravel(), taps.ravel(), prod(out_shape))


def repeat_for_channels(
    spec: ConvSpec, rows: np.ndarray, columns: np.ndarray, taps: np.ndarray, out_size: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The flat spatial entries ``(rows, columns, taps)`` of one channel pair, repeated for every
    connected pair ``(o, c)``: shifted to block ``(o, c)`` and to the weights ``W[o, c - group start]``.

    ``out_size`` (default ``prod(spec.out_shape)``) is the number of rows of a block.

    >>> from symconv import ConvSpec
    >>> spec = ConvSpec(3, 2, in_channels=1, out_channels=2)
    >>> [a.tolist() for a in repeat_for_channels(spec, np.array([0, 1]), np.array([1, 2]), np.array([1, 0]))]
    [[0, 1, 2, 3], [1, 2, 1, 2], [1, 0, 3, 2]]
    """
    if not spec.has_channels:  # one pair, block (0, 0): the entries themselves
        return rows, columns, taps
    out_size = prod(spec.out_shape) if out_size is None else out_size
    out, inp, weight = channel_pairs(spec)
    rows = out[:, None] * out_size + rows[None, :]
    columns = inp[:, None] * prod(spec.input_shape) + columns[None, :]
    taps = weight[:, None] * prod(spec.kernel_shape) + taps[None, :]
    return rows.ravel(), columns.ravel(), taps.ravel()


def layer_kernel(spec: SpecBase, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None) -> Array:
    """The weight operand of a layer, an Array of ``spec.weight_shape``.

    ``kernel=None`` gives symbols: ``W[o, c, i, j]`` when the spec has channels, the
    single-channel ``W[i, j]`` (in a ``(1, 1, *kernel_shape)`` Array) otherwise. A
    single-channel kernel may be given with or without the two leading axes of length 1.

    >>> from symconv import ConvSpec
    >>> layer_kernel(ConvSpec(3, 2, in_channels=2, out_channels=2, groups=2))
    [[[W[0, 0, 0], W[0, 0, 1]]], [[W[1, 0, 0], W[1, 0, 1]]]]
    >>> layer_kernel(ConvSpec(3, 2))
    [[[W[0], W[1]]]]
    """
    if spec.has_channels:
        if kernel is None:
            return kernel_symbols(spec.kernel_shape, channels=spec.weight_shape[:2], max_nonzeros=max_nonzeros)
        return as_array(kernel, spec.weight_shape, "kernel")
    if kernel is None:
        single = kernel_symbols(spec.kernel_shape, max_nonzeros=max_nonzeros)
    else:
        single = as_array(kernel, spec.kernel_shape, "kernel")
    return single.reshape(*spec.weight_shape)
