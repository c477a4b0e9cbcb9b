r"""Random valid specs: the one sampler behind the Hypothesis strategies and the derivations' checks.

A spec is drawn parameter by parameter, each an integer ``choose(low, high)`` (both ends
included). ``choose`` is a :class:`random.Random` (its ``randint``) in the derivations' numeric
checks, and ``draw(st.integers(low, high))`` in :mod:`symconv.strategies`, where Hypothesis can
then shrink a failing case to its smallest parameters. Every draw is a valid spec: the dilated
kernel fits the padded input, and a transposed convolution's ``output_padding`` is below its
stride or its dilation and leaves at least one output (PyTorch's rules).

>>> import random
>>> rng = random.Random(0)
>>> random_conv_spec(rng, ndim=2).ndim
2
>>> spec = random_transposed_spec(rng, max_stride=1)
>>> spec.stride == (1,) * spec.ndim
True

Any ``(low, high) -> int`` works as ``choose``; the smallest choices give the smallest spec:

>>> random_conv_spec(lambda low, high: low, ndim=2)
ConvSpec(input_shape=(1, 1), kernel_shape=(1, 1), stride=(1, 1), padding=(0, 0), dilation=(1, 1))
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar, Union

from .errors import SpecError
from .parameters import as_int
from .specs import ConvSpec, SpecBase, TransposedConvSpec

__all__ = ["Choose", "random_conv_spec", "random_transposed_spec", "random_channels"]

#: Chooses an integer from ``low`` to ``high``, both included (``random.Random.randint``).
Choose = Callable[[int, int], int]

_Spec = TypeVar("_Spec", bound=SpecBase)


def _chooser(source: Union[random.Random, Choose]) -> Choose:
    if isinstance(source, random.Random):
        return source.randint
    if callable(source):
        return source
    raise TypeError(f"source: must be a random.Random or a function (low, high) -> int, got {type(source).__name__}")


def _bound(name: str, value: object, minimum: int) -> int:
    number = as_int(value, name)
    if number < minimum:
        raise SpecError(name, f"must be an integer >= {minimum}, got {number}")
    return number


def _dimensions(choose: Choose, ndim: object, min_ndim: object, max_ndim: object) -> int:
    if ndim is not None:
        return _bound("ndim", ndim, 1)
    low = _bound("min_ndim", min_ndim, 1)
    return choose(low, _bound("max_ndim", max_ndim, low))


def random_conv_spec(
    source: Union[random.Random, Choose],
    ndim: int | None = None,
    *,
    min_ndim: int = 1,
    max_ndim: int = 3,
    max_size: int = 6,
    max_kernel: int = 3,
    max_stride: int = 3,
    max_padding: int = 2,
    max_dilation: int = 2,
    same: bool = False,
) -> ConvSpec:
    """A valid :class:`~symconv.ConvSpec` in ``ndim`` dimensions (``min_ndim`` to ``max_ndim``
    when ``None``), each parameter from 1 (padding from 0) up to its bound; the input size is at
    least what the dilated kernel needs. With ``same=True`` a fair coin chooses
    ``padding="same"`` (stride 1) instead.

    Defaults (for checks that build symbolic objects): sizes <= 6, kernels <= 3, strides <= 3,
    padding <= 2, dilation <= 2, 1-3 dimensions.

    >>> import random
    >>> spec = random_conv_spec(random.Random(3), 2, max_kernel=2)
    >>> spec.ndim, max(spec.kernel_shape) <= 2
    (2, True)
    """
    choose = _chooser(source)
    n = _dimensions(choose, ndim, min_ndim, max_ndim)
    size, kernel = _bound("max_size", max_size, 1), _bound("max_kernel", max_kernel, 1)
    stride, padding = _bound("max_stride", max_stride, 1), _bound("max_padding", max_padding, 0)
    dilation = _bound("max_dilation", max_dilation, 1)
    if same and choose(0, 1):
        dilations = [choose(1, dilation) for _ in range(n)]
        kernels = [choose(1, kernel) for _ in range(n)]
        return ConvSpec([choose(1, size) for _ in range(n)], kernels, padding="same", dilation=dilations)
    qs, ds, ps, hs = [], [], [], []
    for _ in range(n):
        q, d, p = choose(1, kernel), choose(1, dilation), choose(0, padding)
        smallest = max(1, d * (q - 1) + 1 - 2 * p)  # the dilated kernel must fit the padded input
        if smallest > size:
            q, d, smallest = 1, 1, 1
        qs.append(q)
        ds.append(d)
        ps.append(p)
        hs.append(choose(smallest, size))
    return ConvSpec(hs, qs, stride=[choose(1, stride) for _ in range(n)], padding=ps, dilation=ds)


def random_transposed_spec(
    source: Union[random.Random, Choose],
    ndim: int | None = None,
    *,
    min_ndim: int = 1,
    max_ndim: int = 3,
    max_size: int = 4,
    max_kernel: int = 3,
    max_stride: int = 3,
    max_padding: int = 2,
    max_dilation: int = 3,
) -> TransposedConvSpec:
    """A valid :class:`~symconv.TransposedConvSpec`, every ``output_padding`` PyTorch allows
    included (up to ``max(stride, dilation) - 1``, so ``output_padding >= stride`` occurs when
    ``dilation > stride``); the padding leaves at least one output.

    Defaults: input sizes <= 4, kernels <= 3, strides <= 3, padding <= 2, dilation <= 3, 1-3
    dimensions; ``max_stride=1`` gives stride-1 specs.

    >>> import random
    >>> spec = random_transposed_spec(random.Random(1), 1, max_dilation=1)
    >>> spec.output_padding[0] < spec.stride[0]
    True
    """
    choose = _chooser(source)
    n = _dimensions(choose, ndim, min_ndim, max_ndim)
    size, kernel = _bound("max_size", max_size, 1), _bound("max_kernel", max_kernel, 1)
    stride, padding = _bound("max_stride", max_stride, 1), _bound("max_padding", max_padding, 0)
    dilation = _bound("max_dilation", max_dilation, 1)
    values: dict[str, list[int]] = {key: [] for key in "hqspda"}
    for _ in range(n):
        h, q = choose(1, size), choose(1, kernel)
        s, d = choose(1, stride), choose(1, dilation)
        a = choose(0, max(s, d) - 1)  # PyTorch: smaller than the stride or the dilation
        room = (h - 1) * s + d * (q - 1) + a  # the output (room - 2p + 1) must be at least 1
        p = choose(0, max(0, min(padding, room // 2)))
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


def random_channels(
    source: Union[random.Random, Choose], spec: _Spec, *, max_groups: int = 3, max_group_channels: int = 2
) -> _Spec:
    """``spec`` with channels: 1 to ``max_groups`` groups of 1 to ``max_group_channels`` input and
    output channels each (depthwise and 1x1 layers included).

    >>> import random
    >>> from symconv import ConvSpec
    >>> layer = random_channels(random.Random(0), ConvSpec(4, 3), max_groups=2)
    >>> layer.in_channels % layer.groups == layer.out_channels % layer.groups == 0
    True
    """
    choose = _chooser(source)
    groups = choose(1, _bound("max_groups", max_groups, 1))
    per_group = _bound("max_group_channels", max_group_channels, 1)
    in_channels = groups * choose(1, per_group)
    out_channels = groups * choose(1, per_group)
    return replace(spec, groups=groups, in_channels=in_channels, out_channels=out_channels)
