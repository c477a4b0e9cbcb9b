"""The derivations' old names for the random specs of :mod:`symconv.sampling` (the one sampler,
shared with :mod:`symconv.strategies`). New derivations call :mod:`symconv.sampling` directly;
this module goes once ``transposed`` does (``random_tspec(rng, stride_one=True)`` is
``random_transposed_spec(rng, max_stride=1)``)."""

from __future__ import annotations

import random

from symconv import ConvSpec, TransposedConvSpec
from symconv.sampling import random_conv_spec, random_transposed_spec


def random_spec(rng: random.Random, ndim: int | None = None) -> ConvSpec:
    """A valid convolution: kernels <= 3, strides <= 3, padding <= 2, dilation <= 2, sizes <= 6."""
    return random_conv_spec(rng, ndim)


def random_tspec(
    rng: random.Random, ndim: int | None = None, *, stride_one: bool = False, max_kernel: int = 3, max_dilation: int = 3
) -> TransposedConvSpec:
    """A valid transposed convolution, every output padding PyTorch allows included."""
    return random_transposed_spec(
        rng, ndim, max_stride=1 if stride_one else 3, max_kernel=max_kernel, max_dilation=max_dilation
    )
