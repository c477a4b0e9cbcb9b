"""Hypothesis strategies for symconv's objects (needs ``hypothesis``, a test extra).

Built only on Hypothesis's public API, in the style of ``hypothesis.extra.numpy``:
keyword-only bounds, validated when called.

>>> from hypothesis import given
>>> @given(conv_specs(ndim=2, max_size=6))
... def test_shape(spec):
...     assert len(spec.out_shape) == 2
>>> test_shape()
"""

from __future__ import annotations

from dataclasses import replace
from math import prod
from typing import TypeVar

import numpy as np
from hypothesis import strategies as st

from .errors import SpecError
from .limits import check_work
from .parameters import as_int, shown
from .specs import ConvSpec, SpecBase, TransposedConvSpec, require_spec
from .typing import Entry, Shape

__all__ = ["conv_specs", "transposed_specs", "kernels", "inputs"]

_Spec = TypeVar("_Spec", bound=SpecBase)


def _bound(name: str, value: object, minimum: int) -> int:
    """A bound as an int (Python, NumPy or SymPy integer), at least ``minimum``."""
    number = as_int(value, name)
    if number < minimum:
        raise SpecError(name, f"must be an integer >= {minimum}, got {number}")
    return number


def _bounds(ndim: object, **values: object) -> tuple[int | None, list[int]]:
    """``ndim`` (``None`` kept) and the bounds ``min_ndim, max_ndim, max_size, max_kernel, max_stride,
    max_padding, max_dilation`` as Python ints, validated."""
    minimums = {"min_ndim": 1, "max_size": 1, "max_kernel": 1, "max_stride": 1, "max_padding": 0, "max_dilation": 1}
    checked = {name: _bound(name, values[name], minimum) for name, minimum in minimums.items()}
    checked["max_ndim"] = _bound("max_ndim", values["max_ndim"], checked["min_ndim"])
    order = ("min_ndim", "max_ndim", "max_size", "max_kernel", "max_stride", "max_padding", "max_dilation")
    return (None if ndim is None else _bound("ndim", ndim, 1)), [checked[name] for name in order]


@st.composite
def _conv_specs(
    draw: st.DrawFn,
    ndim: int | None,
    min_ndim: int,
    max_ndim: int,
    max_size: int,
    max_kernel: int,
    max_stride: int,
    max_padding: int,
    max_dilation: int,
    same: bool,
) -> ConvSpec:
    n = ndim if ndim is not None else draw(st.integers(min_ndim, max_ndim))
    if same and draw(st.booleans()):
        dilation = [draw(st.integers(1, max_dilation)) for _ in range(n)]
        kernel = [draw(st.integers(1, max_kernel)) for _ in range(n)]
        size = [draw(st.integers(1, max_size)) for _ in range(n)]
        return ConvSpec(size, kernel, padding="same", dilation=dilation)
    kernel, dilation, padding, size = [], [], [], []
    for _ in range(n):
        q = draw(st.integers(1, max_kernel))
        d = draw(st.integers(1, max_dilation))
        p = draw(st.integers(0, max_padding))
        smallest = max(1, d * (q - 1) + 1 - 2 * p)  # the dilated kernel must fit the padded input
        if smallest > max_size:
            q, d = 1, 1
            smallest = 1
        kernel.append(q)
        dilation.append(d)
        padding.append(p)
        size.append(draw(st.integers(smallest, max_size)))
    stride = [draw(st.integers(1, max_stride)) for _ in range(n)]
    return ConvSpec(size, kernel, stride=stride, padding=padding, dilation=dilation)


@st.composite
def _with_channels(draw: st.DrawFn, specs: st.SearchStrategy[_Spec], max_groups: int, max_group_channels: int) -> _Spec:
    """``specs`` with channels: ``groups`` up to ``max_groups``, each with 1 to ``max_group_channels``
    input and output channels (depthwise and 1x1 layers included)."""
    groups = draw(st.integers(1, max_groups))
    per_group = st.integers(1, max_group_channels)
    return replace(
        draw(specs), groups=groups, in_channels=groups * draw(per_group), out_channels=groups * draw(per_group)
    )


def _channel_bounds(channels: object, max_groups: object, max_group_channels: object) -> tuple[bool, int, int]:
    if not isinstance(channels, (bool, np.bool_)):
        raise SpecError("channels", f"must be True or False, got {shown(channels)}")
    return bool(channels), _bound("max_groups", max_groups, 1), _bound("max_group_channels", max_group_channels, 1)


def conv_specs(
    *,
    ndim: int | None = None,
    min_ndim: int = 1,
    max_ndim: int = 3,
    max_size: int = 8,
    max_kernel: int = 4,
    max_stride: int = 3,
    max_padding: int = 2,
    max_dilation: int = 2,
    same: bool = True,
    channels: bool = False,
    max_groups: int = 3,
    max_group_channels: int = 2,
) -> st.SearchStrategy[ConvSpec]:
    """Valid :class:`~symconv.ConvSpec` values (``padding="same"`` included when ``same``).

    Defaults: 1-3 dimensions, sizes <= 8, kernels <= 4, strides <= 3, padding <= 2,
    dilation <= 2, one channel. With ``channels=True``: 1 to ``max_groups`` groups of 1 to
    ``max_group_channels`` input and output channels each.

    >>> from hypothesis import find
    >>> find(conv_specs(ndim=2), lambda spec: spec.stride == (2, 2)).ndim
    2
    """
    n, bounds = _bounds(
        ndim,
        min_ndim=min_ndim,
        max_ndim=max_ndim,
        max_size=max_size,
        max_kernel=max_kernel,
        max_stride=max_stride,
        max_padding=max_padding,
        max_dilation=max_dilation,
    )
    channels, groups, group_channels = _channel_bounds(channels, max_groups, max_group_channels)
    if not isinstance(same, (bool, np.bool_)):
        raise SpecError("same", f"must be True or False, got {shown(same)}")
    low, high, size, kernel, stride, padding, dilation = bounds
    specs = _conv_specs(n, low, high, size, kernel, stride, padding, dilation, bool(same))
    return _with_channels(specs, groups, group_channels) if channels else specs


@st.composite
def _transposed_specs(
    draw: st.DrawFn,
    ndim: int | None,
    min_ndim: int,
    max_ndim: int,
    max_size: int,
    max_kernel: int,
    max_stride: int,
    max_padding: int,
    max_dilation: int,
) -> TransposedConvSpec:
    n = ndim if ndim is not None else draw(st.integers(min_ndim, max_ndim))
    values: dict[str, list[int]] = {k: [] for k in ("h", "q", "s", "p", "d", "a")}
    for _ in range(n):
        h, q = draw(st.integers(1, max_size)), draw(st.integers(1, max_kernel))
        s, d = draw(st.integers(1, max_stride)), draw(st.integers(1, max_dilation))
        a = draw(st.integers(0, max(s, d) - 1))  # PyTorch: smaller than the stride or the dilation
        room = (h - 1) * s + d * (q - 1) + a  # the output (room - 2p + 1) must be at least 1
        p = draw(st.integers(0, max(0, min(max_padding, room // 2))))
        for key, value in zip("hqspda", (h, q, s, p, d, a)):
            values[key].append(value)
    return TransposedConvSpec(
        values["h"],
        values["q"],
        stride=values["s"],
        padding=values["p"],
        dilation=values["d"],
        output_padding=values["a"],
    )


def transposed_specs(
    *,
    ndim: int | None = None,
    min_ndim: int = 1,
    max_ndim: int = 3,
    max_size: int = 6,
    max_kernel: int = 4,
    max_stride: int = 3,
    max_padding: int = 2,
    max_dilation: int = 3,
    channels: bool = False,
    max_groups: int = 3,
    max_group_channels: int = 2,
) -> st.SearchStrategy[TransposedConvSpec]:
    """Valid :class:`~symconv.TransposedConvSpec` values, ``output_padding`` included (up to
    ``max(stride, dilation) - 1``, so ``output_padding >= stride`` occurs when ``dilation > stride``);
    channels as in :func:`conv_specs`.

    >>> from hypothesis import find
    >>> spec = find(transposed_specs(ndim=1), lambda t: t.output_padding[0] >= t.stride[0])
    >>> spec.dilation[0] > spec.stride[0]
    True
    """
    n, bounds = _bounds(
        ndim,
        min_ndim=min_ndim,
        max_ndim=max_ndim,
        max_size=max_size,
        max_kernel=max_kernel,
        max_stride=max_stride,
        max_padding=max_padding,
        max_dilation=max_dilation,
    )
    channels, groups, group_channels = _channel_bounds(channels, max_groups, max_group_channels)
    low, high, size, kernel, stride, padding, dilation = bounds
    specs = _transposed_specs(n, low, high, size, kernel, stride, padding, dilation)
    return _with_channels(specs, groups, group_channels) if channels else specs


def _numbers(shape: Shape, elements: object) -> st.SearchStrategy[np.ndarray]:
    if elements is not None and not isinstance(elements, st.SearchStrategy):
        raise TypeError(f"elements: must be a Hypothesis strategy or None, got {shown(elements)}")
    count = prod(shape)
    check_work("the strategy's arrays", {"cells": count})
    values = elements if elements is not None else st.integers(-9, 9)
    return st.lists(values, min_size=count, max_size=count).map(lambda v: np.array(v, dtype=object).reshape(shape))


def kernels(
    spec: ConvSpec | TransposedConvSpec, *, elements: st.SearchStrategy[Entry] | None = None
) -> st.SearchStrategy[np.ndarray]:
    """Kernels of ``spec.kernel_shape``, or of ``spec.weight_shape`` when the spec has channels
    (numpy object arrays; small integers by default).

    >>> from hypothesis import find
    >>> from symconv import ConvSpec
    >>> find(kernels(ConvSpec((4, 4), (3, 3))), lambda w: True).shape
    (3, 3)
    """
    require_spec(spec, (ConvSpec, TransposedConvSpec))
    return _numbers(spec.weight_shape if spec.has_channels else spec.kernel_shape, elements)


def inputs(
    spec: ConvSpec | TransposedConvSpec, *, elements: st.SearchStrategy[Entry] | None = None
) -> st.SearchStrategy[np.ndarray]:
    """Inputs of ``spec.input_shape``, or ``(in_channels, *input_shape)`` when the spec has channels
    (numpy object arrays; small integers by default).

    >>> from hypothesis import find, strategies as st
    >>> from symconv import ConvSpec
    >>> find(inputs(ConvSpec(4, 3), elements=st.integers(1, 1)), lambda x: True).tolist()
    [1, 1, 1, 1]
    """
    require_spec(spec, (ConvSpec, TransposedConvSpec))
    shape = (spec.in_channels, *spec.input_shape) if spec.has_channels else spec.input_shape
    return _numbers(shape, elements)
