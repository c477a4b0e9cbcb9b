"""The numpy references agree with an independent route (tests/numpy_reference.py) and with PyTorch."""

import random

import numpy as np
import pytest
from numpy_reference import conv_layer, conv_transpose_layer

from symconv.reference import conv_reference, conv_transpose_reference, random_numbers, to_numpy
from symconv.sampling import random_channels, random_conv_spec, random_transposed_spec


@pytest.mark.parametrize("seed", range(3))
def test_the_references_agree_with_another_route(seed):
    rng = random.Random(seed)
    for _ in range(40):
        spec = random_channels(rng, random_conv_spec(rng))
        x, w = random_numbers(rng, (spec.in_channels, *spec.input_shape)), random_numbers(rng, spec.weight_shape)
        expected = conv_layer(spec, x, w)  # with the channel axis even for one channel
        assert np.array_equal(conv_reference(spec, x, w).reshape(expected.shape), expected)
        tspec = random_channels(rng, random_transposed_spec(rng))
        y, v = random_numbers(rng, (tspec.in_channels, *tspec.input_shape)), random_numbers(rng, tspec.weight_shape)
        expected = conv_transpose_layer(tspec, y, v)
        assert np.array_equal(conv_transpose_reference(tspec, y, v).reshape(expected.shape), expected)


def test_without_channels_the_shapes_are_the_specs():
    rng = random.Random(4)
    tspec = random_transposed_spec(rng, 2)
    y, w = random_numbers(rng, tspec.input_shape), random_numbers(rng, tspec.kernel_shape)
    assert conv_transpose_reference(tspec, y, w).shape == tspec.out_shape


def test_the_references_agree_with_pytorch():
    torch = pytest.importorskip("torch")
    functional = torch.nn.functional
    rng = random.Random(5)
    for _ in range(60):
        spec = random_channels(rng, random_conv_spec(rng, max_ndim=2))
        x, w = random_numbers(rng, (spec.in_channels, *spec.input_shape)), random_numbers(rng, spec.weight_shape)
        conv = (functional.conv1d, functional.conv2d)[spec.ndim - 1]
        expected = conv(
            torch.tensor(x)[None],
            torch.tensor(w),
            stride=spec.stride,
            padding=spec.padding_before,
            dilation=spec.dilation,
            groups=spec.groups,
        )[0].numpy()
        assert np.allclose(conv_reference(spec, x, w).reshape(expected.shape), expected)
        t = random_channels(rng, random_transposed_spec(rng, max_ndim=2))
        y, v = random_numbers(rng, (t.in_channels, *t.input_shape)), random_numbers(rng, t.weight_shape)
        transpose = (functional.conv_transpose1d, functional.conv_transpose2d)[t.ndim - 1]
        expected = transpose(
            torch.tensor(y)[None],
            torch.tensor(v),
            stride=t.stride,
            padding=t.padding,
            output_padding=t.output_padding,
            dilation=t.dilation,
            groups=t.groups,
        )[0].numpy()
        assert np.allclose(conv_transpose_reference(t, y, v).reshape(expected.shape), expected)


def test_to_numpy_reads_the_non_zeros():
    import sympy

    assert np.array_equal(to_numpy(sympy.Matrix([[0, 2], [3, 0]])), np.array([[0.0, 2.0], [3.0, 0.0]]))
