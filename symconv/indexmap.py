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

from .limits import DEFAULT_MAX_NONZEROS, check_size
from .specs import ConvSpec, require_spec
from .typing import SizeLike

__all__ = [
    "IndexMap",
    "index_map",
    "flat_index",
    "input_position",
    "nonzero_count",
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
            raise TypeError(f"{name}: must be an integer, an integer array or a SymPy expression, got {value!r}")
    return s * o - p + d * k


def axis_pairs(spec: ConvSpec, axis: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The valid ``(o, k, i)`` triples of one dimension, ordered by ``(o, k)``."""
    require_spec(spec, ConvSpec)
    out = spec.out_shape[axis]
    o, k = np.meshgrid(np.arange(out), np.arange(spec.kernel_shape[axis]), indexing="ij")
    i = input_position(o, k, spec.stride[axis], spec.padding_before[axis], spec.dilation[axis])
    inside = (i >= 0) & (i < spec.input_shape[axis])
    return o[inside], k[inside], i[inside]


def nonzero_count(spec: ConvSpec) -> int:
    """Number of (output, tap) pairs that land inside the input, times the connected channel
    pairs ``out_channels * in_channels/groups``: the non-zeros of ``C``.

    Computed per dimension, before anything is built.

    >>> nonzero_count(ConvSpec((4, 4), (3, 3)))
    36
    >>> nonzero_count(ConvSpec((100000, 100000), (3, 3)))
    89996400036
    >>> nonzero_count(ConvSpec((4, 4), (3, 3), in_channels=2, out_channels=2, groups=2))
    72
    """
    require_spec(spec, ConvSpec)
    channel_pairs = spec.out_channels * (spec.in_channels // spec.groups)
    return channel_pairs * prod(len(axis_pairs(spec, axis)[0]) for axis in range(spec.ndim))


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

    The map of an N-D convolution is the product of its 1-D maps: a pair (output, tap)
    lands inside the input exactly when it does so in every dimension. The mask over
    ``out_shape + kernel_shape`` is that product; its non-zeros, in row-major order,
    come out ordered by (output, tap).

    >>> m = index_map(ConvSpec(5, 3, stride=2, padding=1))
    >>> m.output.ravel().tolist(), m.tap.ravel().tolist(), m.input.ravel().tolist()
    ([0, 0, 1, 1, 1, 2, 2], [1, 2, 0, 1, 2, 0, 1], [0, 1, 1, 2, 3, 3, 4])
    """
    require_spec(spec, ConvSpec)
    n = spec.ndim
    check_size(nonzero_count(spec), max_nonzeros)
    mask = np.ones((1,) * (2 * n), dtype=bool)
    for axis in range(n):
        o = np.arange(spec.out_shape[axis])[:, None]
        k = np.arange(spec.kernel_shape[axis])[None, :]
        i = input_position(o, k, spec.stride[axis], spec.padding_before[axis], spec.dilation[axis])
        inside = (i >= 0) & (i < spec.input_shape[axis])
        shape = [1] * (2 * n)
        shape[axis], shape[n + axis] = inside.shape
        mask = mask & inside.reshape(shape)
    found = np.nonzero(mask)
    output = np.column_stack(found[:n])
    tap = np.column_stack(found[n:])
    inp = np.column_stack(
        [
            input_position(
                found[axis], found[n + axis], spec.stride[axis], spec.padding_before[axis], spec.dilation[axis]
            )
            for axis in range(n)
        ]
    )
    return IndexMap(spec, output, tap, inp)
