import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symconv import (
    SpecError,
    bilinear_interpolate,
    bilinear_kernel,
    bilinear_upsampling_spec,
    conv_transpose,
    fcn_bilinear_kernel,
    fcn_upsampling_spec,
    input_symbols,
    tent,
)

shapes = st.integers(1, 3).flatmap(lambda n: st.lists(st.integers(1, 4 if n < 3 else 3), min_size=n, max_size=n))


def test_the_seminar_kernel():
    half = sympy.Rational(1, 2)
    assert bilinear_kernel() == sympy.Array([[half / 2, half, half / 2], [half, 1, half], [half / 2, half, half / 2]])
    assert tent(4) == [sympy.Rational(k, 4) for k in (1, 2, 3, 4, 3, 2, 1)]
    assert fcn_bilinear_kernel(2, 1).tolist() == [
        sympy.Rational(1, 4),
        sympy.Rational(3, 4),
        sympy.Rational(3, 4),
        sympy.Rational(1, 4),
    ]
    assert fcn_bilinear_kernel(3, 1) == bilinear_kernel(3, 1)  # odd factors: the same tent


def test_seminar_exercise_symbolically():
    X = input_symbols((3, 3))
    got = conv_transpose(bilinear_upsampling_spec((3, 3)), X, bilinear_kernel())
    assert got.shape == (5, 5)
    assert all(sympy.expand(a - b) == 0 for a, b in zip(got.reshape(25), bilinear_interpolate(X).reshape(25)))


@settings(max_examples=60)
@given(st.data(), shapes, st.integers(2, 8))
def test_transposed_convolution_is_align_corners_true(data, shape, factor):
    if len(shape) == 3:
        factor = min(factor, 3)  # keep 3-D outputs small; the derivation's check sweeps factors 2-8
    n = int(np.prod(shape))
    values = np.array(data.draw(st.lists(st.integers(-9, 9), min_size=n, max_size=n))).reshape(shape)
    got = conv_transpose(bilinear_upsampling_spec(tuple(shape), factor), values, bilinear_kernel(factor, len(shape)))
    assert got == bilinear_interpolate(values, factor)


def test_padding_zero_interpolates_towards_zeros():
    got = conv_transpose(bilinear_upsampling_spec(3, 2, padding=0), [2, 4, 6], bilinear_kernel(2, 1))
    assert list(got) == [1, 2, 3, 4, 5, 6, 3]


@pytest.mark.parametrize(
    "bad, parameter", [(dict(factor=0), "factor"), (dict(factor=2.5), "factor"), (dict(ndim=0), "ndim")]
)
def test_bad_factor(bad, parameter):
    with pytest.raises(SpecError, match=parameter):
        bilinear_kernel(**bad)


def test_bad_input_to_interpolation():
    with pytest.raises(SpecError, match="X"):
        bilinear_interpolate([])


def _interp_line(line, positions, grid):
    return np.interp(positions, grid, line)


def numpy_interpolate(values, factor, align_corners):
    """Multilinear interpolation by another route: ``np.interp`` along each axis in turn (the
    interpolation is a tensor product), at PyTorch's sample positions. ``np.interp`` holds the end
    values outside ``[0, h - 1]``, which is PyTorch's clamp at the borders."""
    result = np.asarray(values, dtype=float)
    for axis, h in enumerate(result.shape):
        if align_corners:
            positions = np.arange((h - 1) * factor + 1) / factor
        else:
            positions = (np.arange(factor * h) + 0.5) / factor - 0.5
        result = np.apply_along_axis(_interp_line, axis, result, positions, np.arange(h))
    return result


def as_floats(array):
    return np.array(array.tolist(), dtype=float)


def test_half_pixel_borders_by_hand():
    """h = 3, f = 2: samples at -1/4 (clamped to 0), 1/4, 3/4, 5/4, 7/4, 9/4 (clamped to 2)."""
    half = sympy.Rational(1, 2)
    assert bilinear_interpolate([1, 5, 7], 2, align_corners=False).tolist() == [1, 2, 4, 5 + half, 6 + half, 7]
    assert bilinear_interpolate([[0, 4], [8, 12]], 2, align_corners=False)[0, :].tolist() == [0, 1, 3, 4]
    assert bilinear_interpolate([[0, 4], [8, 12]], 2, align_corners=False)[:, 1].tolist() == [1, 3, 7, 9]
    assert bilinear_interpolate([2, 6], 4, align_corners=False).tolist()[:3] == [
        2,
        2,
        2 + half,
    ]  # -3/8, -1/8 clamped; 1/8


@settings(max_examples=80)
@given(st.data(), shapes, st.integers(2, 8), st.booleans())
def test_half_pixel_borders_match_an_independent_numpy_reference(data, shape, factor, align_corners):
    """Every output, the borders included, against ``np.interp`` (not only against PyTorch)."""
    if len(shape) == 3:
        factor = min(factor, 4)
    n = int(np.prod(shape))
    values = np.array(data.draw(st.lists(st.integers(-9, 9), min_size=n, max_size=n))).reshape(shape)
    ours = as_floats(bilinear_interpolate(values, factor, align_corners))
    assert ours.shape == numpy_interpolate(values, factor, align_corners).shape
    assert np.allclose(ours, numpy_interpolate(values, factor, align_corners), atol=1e-12)


@pytest.mark.parametrize("factor", range(2, 9))
def test_fcn_kernel_is_half_pixel_interpolation_towards_zeros(factor):
    """FCN's transposed convolution samples at PyTorch's half-pixel positions, but reads zeros
    outside the input instead of clamping: ``np.interp`` on the input extended by one zero at
    each end, every value compared (in the interior it equals ``align_corners=False``)."""
    rng = np.random.default_rng(factor)
    for h in range(1, 8):
        values = rng.integers(1, 10, h)
        got = as_floats(conv_transpose(fcn_upsampling_spec(h, factor), values, fcn_bilinear_kernel(factor, 1)))
        positions = (np.arange(factor * h) + 0.5) / factor - 0.5
        expected = np.interp(positions, np.arange(-1, h + 1), np.concatenate(([0], values, [0])))
        assert np.allclose(got, expected, atol=1e-12), (factor, h)
        interior = slice(factor // 2, factor * h - factor // 2)
        assert np.allclose(got[interior], numpy_interpolate(values, factor, False)[interior], atol=1e-12)


MODES = {1: "linear", 2: "bilinear", 3: "trilinear"}


def torch_interpolate(torch, values, factor, align_corners):
    x = torch.tensor(np.asarray(values, dtype=float), dtype=torch.float64)[None, None]
    n = x.dim() - 2
    if align_corners:
        size = [(h - 1) * factor + 1 for h in values.shape]
        out = torch.nn.functional.interpolate(x, size=size, mode=MODES[n], align_corners=True)
    else:
        out = torch.nn.functional.interpolate(x, scale_factor=factor, mode=MODES[n], align_corners=False)
    return out[0, 0].numpy()


@settings(max_examples=150)
@given(st.data(), shapes, st.integers(2, 8), st.booleans())
def test_reference_agrees_with_torch(torch, data, shape, factor, align_corners):
    if len(shape) == 3:  # 3x3x3 by 8 would be 110,592 terms, more than the limit's 50,000 (and 30 s)
        factor = min(factor, 3)
    n = int(np.prod(shape))
    values = np.array(data.draw(st.lists(st.integers(-9, 9), min_size=n, max_size=n))).reshape(shape)
    ours = np.array(bilinear_interpolate(values, factor, align_corners).tolist(), dtype=float)
    assert np.allclose(ours, torch_interpolate(torch, values, factor, align_corners), atol=1e-12)


@settings(max_examples=60)
@given(st.data(), shapes, st.integers(2, 8))
def test_transposed_convolution_agrees_with_torch_align_corners(torch, data, shape, factor):
    if len(shape) == 3:
        factor = min(factor, 3)
    n = int(np.prod(shape))
    values = np.array(data.draw(st.lists(st.integers(-9, 9), min_size=n, max_size=n))).reshape(shape)
    got = conv_transpose(bilinear_upsampling_spec(tuple(shape), factor), values, bilinear_kernel(factor, len(shape)))
    assert np.allclose(np.array(got.tolist(), dtype=float), torch_interpolate(torch, values, factor, True), atol=1e-12)


def test_fcn_kernel_differs_from_torch_only_at_the_borders(torch):
    rng = np.random.default_rng(3)
    cases = 0
    for factor in range(2, 9):
        for h in range(2, 8):
            values = rng.integers(1, 10, h)
            got = np.array(
                conv_transpose(fcn_upsampling_spec(h, factor), values, fcn_bilinear_kernel(factor, 1)).tolist(),
                dtype=float,
            )
            expected = torch_interpolate(torch, values, factor, False)
            differ = np.flatnonzero(~np.isclose(got, expected, atol=1e-12)).tolist()
            edge = factor // 2
            assert differ == list(range(edge)) + list(range(factor * h - edge, factor * h)), (factor, h)
            if factor == 2:
                assert np.isclose(got[0], 0.75 * values[0])
            cases += 1
    assert cases == 42
