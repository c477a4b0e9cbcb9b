"""Agreement with PyTorch, the reference users trust (skipped when torch is not installed)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy_reference import numeric_matrix

from symconv import conv_matrix, sliding_window
from symconv.strategies import conv_specs, inputs, kernels

torch = pytest.importorskip("torch")
F = torch.nn.functional


def torch_conv(spec, x, w):
    conv = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}[spec.ndim]
    padding = "same" if spec.padding_before != spec.padding_after else spec.padding_before
    t = lambda a: torch.tensor(np.asarray(a, dtype=float), dtype=torch.float64)[None, None]
    out = conv(t(x), t(w), stride=spec.stride, padding=padding, dilation=spec.dilation)
    return out[0, 0].numpy()


@settings(max_examples=150)
@given(st.data(), conv_specs())
def test_matrix_agrees_with_torch(data, spec):
    w, x = data.draw(kernels(spec)), data.draw(inputs(spec))
    expected = torch_conv(spec, x, w)
    assert expected.shape == spec.out_shape
    got = numeric_matrix(conv_matrix(spec, w)) @ x.astype(float).ravel()
    assert np.array_equal(got, expected.ravel())


@given(st.data(), conv_specs(max_size=6))
def test_sliding_window_agrees_with_torch(data, spec):
    w, x = data.draw(kernels(spec)), data.draw(inputs(spec))
    got = np.array(sliding_window(spec, x, w).tolist(), dtype=float)
    assert np.array_equal(got, torch_conv(spec, x, w))
