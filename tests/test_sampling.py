"""The one sampler of random specs, shared by the strategies and the derivations' checks."""

import random

import numpy as np
import pytest
import sympy
from hypothesis import find

from symconv import ConvSpec, SpecError, TransposedConvSpec
from symconv.sampling import random_channels, random_conv_spec, random_transposed_spec
from symconv.strategies import conv_specs, transposed_specs


def test_random_specs_are_valid_within_their_bounds():
    rng = random.Random(0)
    for _ in range(300):
        spec = random_conv_spec(rng, max_size=5, max_kernel=3, max_stride=2, max_padding=1, max_dilation=2)
        assert isinstance(spec, ConvSpec) and 1 <= spec.ndim <= 3 and min(spec.out_shape) >= 1
        assert max(spec.input_shape) <= 5 and max(spec.stride) <= 2 and max(spec.padding_before) <= 1
        tspec = random_transposed_spec(rng, 2, max_stride=1)
        assert isinstance(tspec, TransposedConvSpec) and tspec.ndim == 2 and tspec.stride == (1, 1)
        assert all(a < max(s, d) for a, s, d in zip(tspec.output_padding, tspec.stride, tspec.dilation))
        layer = random_channels(rng, spec, max_groups=2, max_group_channels=3)
        assert layer.groups <= 2 and layer.in_channels % layer.groups == 0 and layer.out_channels <= 6


def test_the_same_seed_gives_the_same_specs():
    first = [random_conv_spec(random.Random(7), same=True) for _ in range(3)]
    assert first == [random_conv_spec(random.Random(7), same=True) for _ in range(3)]


def test_the_strategies_draw_through_the_sampler():
    """Hypothesis shrinks every choice to its lowest: the sampler's smallest spec."""
    lowest = lambda low, high: low  # noqa: E731
    assert find(conv_specs(ndim=2), lambda spec: True) == random_conv_spec(lowest, 2)
    assert find(transposed_specs(ndim=1), lambda spec: True) == random_transposed_spec(lowest, 1)
    smallest_layer = random_channels(lowest, random_conv_spec(lowest, 1))
    assert find(conv_specs(ndim=1, channels=True), lambda spec: True) == smallest_layer


def test_bounds_are_validated_and_integers_of_any_kind_accepted():
    rng = random.Random(1)
    assert random_conv_spec(rng, np.int64(2), max_size=sympy.Integer(5)).ndim == 2
    with pytest.raises(SpecError, match="max_size: must be an integer >= 1, got 0"):
        random_conv_spec(rng, max_size=0)
    with pytest.raises(SpecError, match="max_ndim: must be an integer >= 2"):
        random_transposed_spec(rng, min_ndim=2, max_ndim=1)
    with pytest.raises(TypeError, match="source: must be a random.Random or a function"):
        random_conv_spec(3)  # type: ignore[arg-type]
