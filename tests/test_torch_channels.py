"""Grouped layers and from_torch against PyTorch (skipped when torch is not installed)."""

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy_reference import numeric_matrix

from symconv import (
    ConvSpec,
    Layer,
    affine_matrix,
    conv_matrix,
    from_torch,
    to_torch,
    transposed_conv_matrix,
)
from symconv.strategies import conv_specs, inputs, kernels, transposed_specs

torch = pytest.importorskip("torch")
F = torch.nn.functional


def tensor(a):
    return torch.tensor(np.asarray(a, dtype=float), dtype=torch.float64)


@settings(max_examples=100)
@given(st.data(), conv_specs(channels=True, max_ndim=2))
def test_grouped_convolution_agrees_with_torch(data, spec):
    w, x = data.draw(kernels(spec)), data.draw(inputs(spec))
    padding = "same" if spec.padding_before != spec.padding_after else spec.padding_before
    op = {1: F.conv1d, 2: F.conv2d}[spec.ndim]
    x, w = x.reshape(spec.in_channels, *spec.input_shape), w.reshape(spec.weight_shape)  # 1 channel: kernel_shape
    expected = op(
        tensor(x)[None], tensor(w), stride=spec.stride, padding=padding, dilation=spec.dilation, groups=spec.groups
    )[0].numpy()
    assert expected.shape == (spec.out_channels, *spec.out_shape)
    assert np.array_equal(numeric_matrix(conv_matrix(spec, w)) @ x.astype(float).ravel(), expected.ravel())


@settings(max_examples=100)
@given(st.data(), transposed_specs(channels=True, max_ndim=2))
def test_grouped_transposed_convolution_agrees_with_torch(data, tspec):
    w, y = data.draw(kernels(tspec)), data.draw(inputs(tspec))
    op = {1: F.conv_transpose1d, 2: F.conv_transpose2d}[tspec.ndim]
    y, w = y.reshape(tspec.in_channels, *tspec.input_shape), w.reshape(tspec.weight_shape)
    expected = op(
        tensor(y)[None],
        tensor(w),
        stride=tspec.stride,
        padding=tspec.padding,
        output_padding=tspec.output_padding,
        dilation=tspec.dilation,
        groups=tspec.groups,
    )[0].numpy()
    assert expected.shape == (tspec.out_channels, *tspec.out_shape)
    got = numeric_matrix(transposed_conv_matrix(tspec, w)) @ y.astype(float).ravel()
    assert np.array_equal(got, expected.ravel())


MODULES = [
    torch.nn.Conv1d,
    torch.nn.Conv2d,
    torch.nn.Conv3d,
    torch.nn.ConvTranspose1d,
    torch.nn.ConvTranspose2d,
    torch.nn.ConvTranspose3d,
]


def random_module(rng, cls):
    ndim = int(cls.__name__[-2])
    transposed = "Transpose" in cls.__name__
    groups = int(rng.integers(1, 4))
    stride, dilation = int(rng.integers(1, 3)), int(rng.integers(1, 3))
    kwargs = dict(
        stride=stride,
        dilation=dilation,
        groups=groups,
        bias=bool(rng.integers(0, 2)),
        padding=int(rng.integers(0, 2)),
        dtype=torch.float64,
    )
    if transposed:
        kwargs["output_padding"] = int(rng.integers(0, max(stride, dilation)))
    module = cls(groups * int(rng.integers(1, 3)), groups * int(rng.integers(1, 3)), int(rng.integers(1, 4)), **kwargs)
    with torch.no_grad():  # small integers: every sum is exact in float64, in any order
        module.weight.copy_(torch.randint(-4, 5, module.weight.shape, dtype=torch.float64))
        if module.bias is not None:
            module.bias.copy_(torch.randint(-4, 5, module.bias.shape, dtype=torch.float64))
    size = int(rng.integers(dilation * 2 + 1, dilation * 2 + 4)) if ndim < 3 else 4
    return module, (size,) * ndim


@pytest.mark.parametrize("cls", MODULES, ids=lambda c: c.__name__)
def test_from_torch_rebuilds_the_outputs_exactly(cls):
    rng = np.random.default_rng(7)
    for _ in range(6 if "3d" in cls.__name__ else 12):
        module, size = random_module(rng, cls)
        layer = from_torch(module, size)
        x = torch.randint(-4, 5, (1, module.in_channels, *size), dtype=torch.float64)
        expected = module(x)[0].detach().numpy()
        assert expected.shape == (layer.spec.out_channels, *layer.spec.out_shape)
        augmented = np.append(x.numpy().ravel(), 1.0)
        assert np.array_equal((numeric_matrix(layer.affine_matrix()) @ augmented)[:-1], expected.ravel())
        assert from_torch(to_torch(layer), size) == layer  # the round trip


def test_from_torch_is_exact_for_float32_weights():
    torch.manual_seed(0)
    module = torch.nn.Conv2d(4, 6, 3, padding=1, groups=2)  # float32, random initialisation
    layer = from_torch(module, (5, 5))
    assert layer.spec == ConvSpec((5, 5), 3, padding=1, in_channels=4, out_channels=6, groups=2)
    weights = module.weight.detach().double().numpy().ravel()
    assert all(isinstance(v, sympy.Rational) for v in layer.kernel.reshape(len(layer.kernel)))
    assert [float(v) for v in layer.kernel.reshape(len(layer.kernel))] == weights.tolist()
    x = torch.randn(1, 4, 5, 5)
    got = numeric_matrix(affine_matrix(layer.spec, layer.kernel, layer.bias)) @ np.append(x.double().numpy().ravel(), 1)
    assert np.allclose(got[:-1], module(x)[0].detach().double().numpy().ravel(), atol=1e-5)


def test_from_torch_same_padding_and_errors():
    layer = from_torch(torch.nn.Conv1d(1, 1, 4, padding="same", bias=False), 7)
    assert layer.spec.padding == ((1, 2),) and layer.bias is None
    assert to_torch(layer).padding == "same"
    from symconv import SpecError

    with pytest.raises(SpecError, match="module"):
        from_torch(torch.nn.Linear(2, 2), 3)
    with pytest.raises(SpecError, match="padding_mode"):
        from_torch(torch.nn.Conv1d(1, 1, 3, padding_mode="circular"), 5)
    with pytest.raises(SpecError, match="kernel"):
        to_torch(Layer(ConvSpec(4, 3), None))
    with pytest.raises(SpecError, match="padding"):
        to_torch(Layer(ConvSpec(4, 3, stride=2, padding=[(0, 1)]), [1, 2, 3]))
