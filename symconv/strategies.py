"""Hypothesis strategies for symconv's objects (needs ``hypothesis``, a test extra).

Built only on Hypothesis's public API, in the style of ``hypothesis.extra.numpy``:
keyword-only bounds, validated when called.

Every spec comes from the one sampler of :mod:`symconv.sampling` (the derivations' numeric
checks draw theirs there too), its integers drawn by Hypothesis, so that a failing case shrinks
to its smallest parameters. :func:`conv_cases` and :func:`transposed_cases` draw a whole case
(spec, kernel, input), so that a test needs no ``st.data()``.

Timing: drawing takes a few milliseconds per example, Hypothesis included (3 ms for
``transposed_specs(ndim=2)``, 17 ms for ``conv_cases`` with channels; measured on 2 busy
cores), far below Hypothesis' default deadline of 200 ms. What a test then computes may not
be: symbolic objects of 3-D specs at the default bounds take up to about 0.6 s (the
recipe ``conv_transpose``; ``sliding_window`` 0.3 s, the exact check ``C^T`` of
``transposed_conv_matrix`` 0.2 s). For such tests bound the specs (``max_ndim=2``,
``max_size=4``) or select the Hypothesis profile ``symconv`` that symconv's pytest plugin
registers (no deadline): ``hypothesis.settings.load_profile("symconv")`` in ``conftest.py``.

>>> from hypothesis import given
>>> @given(conv_specs(ndim=2, max_size=6))
... def test_shape(spec):
...     assert len(spec.out_shape) == 2
>>> test_shape()
"""

from __future__ import annotations

from math import prod
from typing import NamedTuple, TypeVar

import numpy as np
from hypothesis import strategies as st

from .errors import SpecError
from .limits import check_work
from .parameters import as_int, shown
from .sampling import Choose, random_channels, random_conv_spec, random_transposed_spec
from .specs import ConvSpec, SpecBase, TransposedConvSpec, require_spec
from .typing import Entry, Shape

__all__ = [
    "conv_specs",
    "transposed_specs",
    "kernels",
    "inputs",
    "conv_cases",
    "transposed_cases",
    "ConvCase",
    "TransposedCase",
]

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
    return random_conv_spec(
        _choose(draw),
        ndim,
        min_ndim=min_ndim,
        max_ndim=max_ndim,
        max_size=max_size,
        max_kernel=max_kernel,
        max_stride=max_stride,
        max_padding=max_padding,
        max_dilation=max_dilation,
        same=same,
    )


def _choose(draw: st.DrawFn) -> Choose:
    """The sampler's ``choose`` through Hypothesis, so that a failing case shrinks."""
    return lambda low, high: draw(st.integers(low, high))


@st.composite
def _with_channels(draw: st.DrawFn, specs: st.SearchStrategy[_Spec], max_groups: int, max_group_channels: int) -> _Spec:
    """``specs`` with channels: ``groups`` up to ``max_groups``, each with 1 to ``max_group_channels``
    input and output channels (depthwise and 1x1 layers included)."""
    return random_channels(_choose(draw), draw(specs), max_groups=max_groups, max_group_channels=max_group_channels)


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
    return random_transposed_spec(
        _choose(draw),
        ndim,
        min_ndim=min_ndim,
        max_ndim=max_ndim,
        max_size=max_size,
        max_kernel=max_kernel,
        max_stride=max_stride,
        max_padding=max_padding,
        max_dilation=max_dilation,
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


class ConvCase(NamedTuple):
    """A whole convolution case: a spec, a kernel of its weight shape and an input (numpy arrays)."""

    spec: ConvSpec
    kernel: np.ndarray
    x: np.ndarray


class TransposedCase(NamedTuple):
    """A whole transposed-convolution case: a spec, a kernel of its weight shape and an input."""

    tspec: TransposedConvSpec
    kernel: np.ndarray
    y: np.ndarray


def _strategy(value: object, parameter: str) -> None:
    if not isinstance(value, st.SearchStrategy):
        raise TypeError(f"{parameter}: must be a Hypothesis strategy, got {type(value).__name__}")


@st.composite
def _conv_cases(
    draw: st.DrawFn, specs: st.SearchStrategy[ConvSpec], elements: st.SearchStrategy[Entry] | None
) -> ConvCase:
    spec = draw(specs)
    return ConvCase(spec, draw(kernels(spec, elements=elements)), draw(inputs(spec, elements=elements)))


def conv_cases(
    specs: st.SearchStrategy[ConvSpec] | None = None, *, elements: st.SearchStrategy[Entry] | None = None
) -> st.SearchStrategy[ConvCase]:
    """Whole cases ``(spec, kernel, x)``: a spec from ``specs`` (:func:`conv_specs` by default), a
    kernel and an input for it (:func:`kernels`, :func:`inputs`), so that a test needs no
    ``st.data()``. With channel specs the kernel has ``spec.weight_shape`` and the input
    ``(in_channels, *input_shape)``.

    Drawing is fast (see the module's timing); what a test builds from a case may not be.

    >>> from hypothesis import given
    >>> from symconv.testing import assert_conv_matches
    >>> @given(conv_cases(conv_specs(max_ndim=2, channels=True)))
    ... def test_conv_matrix(case):
    ...     assert_conv_matches(*case)
    >>> test_conv_matrix()
    """
    specs = conv_specs() if specs is None else specs
    _strategy(specs, "specs")
    if elements is not None:
        _strategy(elements, "elements")
    return _conv_cases(specs, elements)


@st.composite
def _transposed_cases(
    draw: st.DrawFn, specs: st.SearchStrategy[TransposedConvSpec], elements: st.SearchStrategy[Entry] | None
) -> TransposedCase:
    tspec = draw(specs)
    return TransposedCase(tspec, draw(kernels(tspec, elements=elements)), draw(inputs(tspec, elements=elements)))


def transposed_cases(
    specs: st.SearchStrategy[TransposedConvSpec] | None = None, *, elements: st.SearchStrategy[Entry] | None = None
) -> st.SearchStrategy[TransposedCase]:
    """Whole cases ``(tspec, kernel, y)``: a transposed spec from ``specs``
    (:func:`transposed_specs` by default), a kernel and an input for it; timing as in
    :func:`conv_cases`.

    >>> from hypothesis import given
    >>> from symconv.testing import assert_transposed_matches
    >>> @given(transposed_cases(transposed_specs(max_ndim=2, max_size=4)))
    ... def test_transposed(case):
    ...     assert_transposed_matches(*case)
    >>> test_transposed()
    """
    specs = transposed_specs() if specs is None else specs
    _strategy(specs, "specs")
    if elements is not None:
        _strategy(elements, "elements")
    return _transposed_cases(specs, elements)
