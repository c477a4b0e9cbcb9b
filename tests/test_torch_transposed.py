"""Transposed convolutions against PyTorch (skipped when torch is not installed)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy_reference import numeric_matrix

from symconv import TransposedConvSpec, conv_transpose, subpixel_conv_transpose, transposed_conv_matrix
from symconv.strategies import inputs, kernels, transposed_specs

torch = pytest.importorskip("torch")
F = torch.nn.functional


def torch_conv_transpose(tspec, y, w):
    op = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}[tspec.ndim]
    t = lambda a: torch.tensor(np.asarray(a, dtype=float), dtype=torch.float64)[None, None]
    out = op(
        t(y),
        t(w),
        stride=tspec.stride,
        padding=tspec.padding,
        output_padding=tspec.output_padding,
        dilation=tspec.dilation,
    )
    return out[0, 0].numpy()


@settings(max_examples=200)
@given(st.data(), transposed_specs())
def test_matrix_and_recipe_agree_with_torch(data, tspec):
    w, y = data.draw(kernels(tspec)), data.draw(inputs(tspec))
    expected = torch_conv_transpose(tspec, y, w)
    assert expected.shape == tspec.out_shape
    got = numeric_matrix(transposed_conv_matrix(tspec, w)) @ y.astype(float).ravel()
    assert np.array_equal(got, expected.ravel())
    assert np.array_equal(np.array(conv_transpose(tspec, y, w).tolist(), dtype=float), expected)


@given(st.data(), transposed_specs(max_ndim=2))
def test_subpixel_form_agrees_with_torch(data, tspec):
    w, y = data.draw(kernels(tspec)), data.draw(inputs(tspec))
    got = np.array(subpixel_conv_transpose(tspec, y, w).tolist(), dtype=float)
    assert np.array_equal(got, torch_conv_transpose(tspec, y, w))


def test_output_padding_at_least_stride_with_dilation():
    """PyTorch allows output_padding >= stride when dilation > stride."""
    rng = np.random.default_rng(0)
    count = 0
    for h in range(1, 5):
        for q in range(1, 4):
            for s in (1, 2):
                for d in range(s + 1, 5):
                    for a in range(s, d):
                        t = TransposedConvSpec(h, q, stride=s, dilation=d, output_padding=a)
                        w, y = rng.integers(-5, 6, q), rng.integers(-5, 6, h)
                        expected = torch_conv_transpose(t, y, w)
                        assert np.array_equal(numeric_matrix(transposed_conv_matrix(t, w.tolist())) @ y, expected)
                        assert np.array_equal(np.array(conv_transpose(t, y, w).tolist(), dtype=float), expected)
                        count += 1
    assert count > 50
