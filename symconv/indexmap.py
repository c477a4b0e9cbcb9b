r"""The index map: (output position, kernel tap) -> input position, as data.

Everything else in symconv is generated from it: the matrix ``C``, im2col, the
transposed convolution, the figures and the proofs. Per dimension the map is

.. math:: i = s\,o - p + d\,k

(``p`` the padding before the input). A pair ``(o, k)`` whose ``i`` falls outside
``0 <= i < h`` lands in the padding and contributes nothing.

>>> from symconv import ConvSpec
>>> m = index_map(ConvSpec((4, 4), (3, 3)))
>>> len(m)
36
>>> m.flat_output[:3].tolist(), m.flat_tap[:3].tolist(), m.flat_input[:3].tolist()
([0, 0, 0], [0, 1, 2], [0, 1, 2])
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from typing import Union, overload

import numpy as np

from .limits import DEFAULT_MAX_NONZEROS, axis_nonzeros, check_indexable, check_size, check_work
from .parameters import shown
from .specs import ConvSpec, require_spec
from .typing import SizeLike

__all__ = [
    "axis_pairs",
    "IndexMap",
    "index_map",
    "flat_index",
    "input_position",
    "nonzero_count",
    "index_map_work",
    "axis_taps",
    "check_size",
    "DEFAULT_MAX_NONZEROS",
    "Position",
]


#: What :func:`input_position` computes with: integers, integer arrays, SymPy expressions.
Position = Union[SizeLike, np.ndarray]


@overload
def input_position(o: np.ndarray, k: Position, s: Position = 1, p: Position = 0, d: Position = 1) -> np.ndarray: ...
@overload
def input_position(o: int, k: int, s: int = 1, p: int = 0, d: int = 1) -> int: ...
@overload
def input_position(o: Position, k: Position, s: Position = 1, p: Position = 0, d: Position = 1) -> Position: ...
def input_position(o: Position, k: Position, s: Position = 1, p: Position = 0, d: Position = 1) -> Position:
    r"""The input position read by output ``o`` through kernel tap ``k``: :math:`s o - p + d k`.

    Works for ints, numpy arrays and SymPy symbols alike (one definition for the
    numbers and for the proofs).

    >>> input_position(1, 2, s=2, p=1)
    3
    >>> import sympy
    >>> o, k, s, p, d = sympy.symbols("o k s p d", integer=True)
    >>> input_position(o, k, s, p, d)
    d*k + o*s - p
    """
    for name, value in (("o", o), ("k", k), ("s", s), ("p", p), ("d", d)):
        if isinstance(value, (str, bytes, bool)) or value is None:
            raise TypeError(f"{name}: must be an integer, an integer array or a SymPy expression, got {shown(value)}")
    return s * o - p + d * k


def _effective(spec: ConvSpec, axis: int) -> tuple[int, int, int, int, int, int]:
    """``h, q, s, before, d, outputs`` of one dimension, with a stride that cannot matter (one
    output) and a dilation that cannot matter (one tap) set to 1: every number then stays below
    the padded length, which :func:`check_indexable` keeps inside numpy's integers."""
    h, q, outputs = spec.input_shape[axis], spec.kernel_shape[axis], spec.out_shape[axis]
    s = spec.stride[axis] if outputs > 1 else 1
    d = spec.dilation[axis] if q > 1 else 1
    return h, q, s, spec.padding_before[axis], d, outputs


def _candidates(h: int, q: int, s: int, before: int, d: int, outputs: int) -> tuple[int, int]:
    """The outputs ``lo .. hi`` whose window can reach the input: ``s o - before + d(q-1) >= 0`` and
    ``s o - before <= h - 1`` (Python ints; empty when ``hi < lo``)."""
    lo = max(0, -((d * (q - 1) - before) // s))  # ceil((before - d(q-1)) / s)
    hi = min(outputs - 1, (h - 1 + before) // s)
    return lo, hi


def axis_taps(spec: ConvSpec, axis: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One dimension of the map: the outputs that read the input, the first tap each reads and how
    many (the valid taps of an output are consecutive: ``0 <= s o - p + d k < h`` is an interval
    of ``k``). Work in proportion to those outputs, never to ``outputs x taps``.

    >>> [a.tolist() for a in axis_taps(ConvSpec(5, 3, stride=2, padding=1), 0)]
    [[0, 1, 2], [1, 0, 0], [2, 3, 2]]
    """
    h, q, s, before, d, outputs = _effective(spec, axis)
    lo, hi = _candidates(h, q, s, before, d, outputs)
    if hi < lo:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    # the input position of tap 0 of each candidate output, from the one definition of the map
    start = np.asarray(input_position(lo + np.arange(hi - lo + 1, dtype=np.int64), 0, s, before, d)).astype(np.int64)
    first = np.maximum(0, -(start // d))  # ceil(-start / d)
    last = np.minimum(q - 1, (h - 1 - start) // d)
    keep = last >= first
    return lo + np.flatnonzero(keep), first[keep], (last - first + 1)[keep]


def axis_pairs(spec: ConvSpec, axis: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The valid ``(o, k, i)`` triples of one dimension, ordered by ``(o, k)``: the taps of
    :func:`axis_taps` written out, in proportion to them.

    >>> [a.tolist() for a in axis_pairs(ConvSpec(5, 3, stride=2, padding=1), 0)]
    [[0, 0, 1, 1, 1, 2, 2], [1, 2, 0, 1, 2, 0, 1], [0, 1, 1, 2, 3, 3, 4]]
    """
    outputs, first, count = axis_taps(spec, axis)
    o = np.repeat(outputs, count)
    k = (
        np.repeat(first, count)
        + np.arange(int(count.sum()), dtype=np.int64)
        - np.repeat(np.cumsum(count) - count, count)
    )
    _, _, stride, before, dilation, _ = _effective(spec, axis)  # numbers numpy can hold
    i = input_position(o, k, stride, before, dilation)
    return o, k, i


def nonzero_count(spec: ConvSpec) -> int:
    """Number of (output, tap) pairs that land inside the input, times the connected channel
    pairs ``out_channels * in_channels/groups``: the non-zeros of ``C``.

    Counted in closed form per dimension (:func:`~symconv.limits.axis_nonzeros`), in time
    independent of the sizes, before anything is built.

    >>> nonzero_count(ConvSpec((4, 4), (3, 3)))
    36
    >>> nonzero_count(ConvSpec((100000, 100000), (3, 3)))
    89996400036
    >>> nonzero_count(ConvSpec((4, 4), (3, 3), in_channels=2, out_channels=2, groups=2))
    72
    """
    require_spec(spec, ConvSpec)
    channel_pairs = spec.out_channels * (spec.in_channels // spec.groups)
    return channel_pairs * prod(axis_nonzeros(*_effective(spec, axis)) for axis in range(spec.ndim))


def index_map_work(spec: ConvSpec) -> dict[str, int]:
    """The work of :func:`index_map` (and of the matrices built from it), for the cost model: its
    non-zeros with the channel pairs, and the cells of the per-dimension ranges. Sizes that
    numpy's integers cannot index are refused here (:func:`~symconv.limits.check_indexable`).

    >>> index_map_work(ConvSpec((1, 1), (1, 1), padding=20000))
    {'non-zeros': 1, 'cells': 2}
    """
    require_spec(spec, ConvSpec)
    for axis in range(spec.ndim):
        padded = spec.input_shape[axis] + spec.padding_before[axis] + spec.padding_after[axis]
        check_indexable(padded, f"the padded input's positions in dimension {axis}")
    check_indexable(spec.out_channels * prod(spec.out_shape), "the matrix's rows")
    check_indexable(spec.in_channels * prod(spec.input_shape), "the matrix's columns")
    check_indexable(spec.out_channels * spec.in_channels * prod(spec.kernel_shape), "the weight's taps")
    cells = 0
    for axis in range(spec.ndim):
        lo, hi = _candidates(*_effective(spec, axis))
        cells += max(0, hi - lo + 1)
    return {"non-zeros": nonzero_count(spec), "cells": cells}


@dataclass(frozen=True, eq=False)
class IndexMap:
    """All (output position, kernel tap, input position) triples that land inside the input.

    ``output``, ``tap`` and ``input`` are integer arrays of shape ``(n, ndim)`` holding
    multi-indices; ``flat_*`` give the row-major flat positions (the rows and columns
    of ``C``). Triples are ordered by output position, then tap.
    """

    spec: ConvSpec
    output: np.ndarray
    tap: np.ndarray
    input: np.ndarray

    def __len__(self) -> int:
        return len(self.output)

    @property
    def flat_output(self) -> np.ndarray:
        """Row of ``C`` of each triple (row-major over ``out_shape``)."""
        return flat_index(self.output, self.spec.out_shape)

    @property
    def flat_tap(self) -> np.ndarray:
        """Flat kernel tap of each triple (row-major over ``kernel_shape``)."""
        return flat_index(self.tap, self.spec.kernel_shape)

    @property
    def flat_input(self) -> np.ndarray:
        """Column of ``C`` of each triple (row-major over ``input_shape``)."""
        return flat_index(self.input, self.spec.input_shape)

    def restrict_outputs(self, shape: tuple[int, ...]) -> "IndexMap":
        """Only the triples whose output position lies inside ``shape`` (a corner of ``out_shape``)."""
        keep = np.all(self.output < np.asarray(shape), axis=1)
        return IndexMap(self.spec, self.output[keep], self.tap[keep], self.input[keep])


def flat_index(multi: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Row-major flat indices of the multi-indices ``multi`` (one per row) in an array of ``shape``.

    >>> flat_index(np.array([[0, 1], [2, 3]]), (3, 4)).tolist()
    [1, 11]
    """
    strides = np.cumprod((1,) + tuple(shape[:0:-1]))[::-1]
    return multi @ strides.astype(np.int64) if len(multi) else np.zeros(0, dtype=np.int64)


def index_map(spec: ConvSpec, *, max_nonzeros: int | None = None) -> IndexMap:
    """The index map of ``spec``, built in time proportional to its number of entries.

    The map of an N-D convolution is the product of its 1-D maps (:func:`axis_taps`): a pair
    (output, tap) lands inside the input exactly when it does so in every dimension. The outputs
    that read the input are enumerated in row-major order, and for each the product of its
    per-dimension tap ranges, also row-major: the triples come out ordered by (output, tap), and
    nothing is built for an output or a tap that lands in the padding.

    >>> m = index_map(ConvSpec(5, 3, stride=2, padding=1))
    >>> m.output.ravel().tolist(), m.tap.ravel().tolist(), m.input.ravel().tolist()
    ([0, 0, 1, 1, 1, 2, 2], [1, 2, 0, 1, 2, 0, 1], [0, 1, 1, 2, 3, 3, 4])
    """
    require_spec(spec, ConvSpec)
    check_work("the index map", index_map_work(spec), max_nonzeros)
    n = spec.ndim
    axes = [axis_taps(spec, axis) for axis in range(n)]
    if any(len(outputs) == 0 for outputs, _, _ in axes):
        empty = np.zeros((0, n), dtype=np.int64)
        return IndexMap(spec, empty, empty.copy(), empty.copy())
    # every output position with taps in all dimensions, row-major, and its number of taps
    groups = [grid.ravel() for grid in np.meshgrid(*[np.arange(len(a[0])) for a in axes], indexing="ij")]
    sizes = np.ones(len(groups[0]), dtype=np.int64)
    for (_, _, counts), group in zip(axes, groups):
        sizes *= counts[group]
    owner = np.repeat(np.arange(len(sizes)), sizes)  # the output position of each entry
    local = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    output = np.empty((len(owner), n), dtype=np.int64)
    tap, inp = np.empty_like(output), np.empty_like(output)
    for axis in reversed(range(n)):  # the taps' mixed-radix digits, the last dimension fastest
        outputs, first, counts = axes[axis]
        group = groups[axis][owner]
        count = counts[group]
        output[:, axis] = outputs[group]
        tap[:, axis] = first[group] + local % count
        local //= count
        _, _, s, before, d, _ = _effective(spec, axis)
        inp[:, axis] = input_position(output[:, axis], tap[:, axis], s, before, d)
    return IndexMap(spec, output, tap, inp)
