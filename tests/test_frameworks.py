"""TensorFlow/Keras and JAX conventions as symconv specs: proved on the formulas, and checked against
JAX where it is installed (it is optional: those tests are skipped without it)."""

import itertools
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy_reference import numeric_matrix

from symconv import ConvSpec, MissingDependencyError, SpecError, conv_matrix, from_torch, transposed_conv_matrix
from symconv.frameworks import (
    jax_conv_kernel,
    jax_conv_spec,
    jax_conv_transpose_kernel,
    jax_conv_transpose_padding,
    jax_conv_transpose_spec,
    keras_conv_spec,
    keras_conv_transpose_spec,
    keras_input,
    keras_kernel,
    keras_padding,
    relayout,
    transposed_spec,
)


@given(st.integers(1, 30), st.integers(1, 5), st.integers(1, 4), st.integers(1, 3))
def test_keras_same_gives_ceil_with_the_extra_zero_at_the_end(h, q, s, d):
    ((before, after),) = keras_padding("same", h, q, s, d)
    assert 0 <= after - before <= 1
    spec = ConvSpec(h, q, stride=s, padding=[(before, after)], dilation=d)
    assert spec.out_shape == (-(-h // s),)  # ceil(h / s)
    if s == 1:  # PyTorch's padding="same" splits the same way
        assert spec == ConvSpec(h, q, padding="same", dilation=d)


@given(st.integers(1, 30), st.integers(1, 5), st.integers(1, 4), st.integers(1, 3))
def test_keras_valid_is_no_padding(h, q, s, d):
    if d * (q - 1) + 1 > h:
        with pytest.raises(SpecError):
            keras_conv_spec((h, 1), 1, q, strides=s, dilation_rate=d)
        return
    spec = keras_conv_spec((h, 1), 1, q, strides=s, dilation_rate=d)
    assert spec.padding == (0,) and spec.out_shape == ((h - d * (q - 1) - 1) // s + 1,)


def test_keras_layouts_are_permutations():
    x = np.arange(2 * 3 * 4).reshape(2, 3, 4)  # (H, W, C)
    assert np.array_equal(keras_input(x)[1], x[:, :, 1])
    assert np.array_equal(keras_input(x, "channels_first"), x)
    k = np.arange(3 * 3 * 2 * 5).reshape(3, 3, 2, 5)  # HWIO
    w = keras_kernel(k)
    assert w.shape == (5, 2, 3, 3) and all(w[o, c, i, j] == k[i, j, c, o] for o, c, i, j in np.ndindex(*w.shape))
    assert keras_conv_spec((2, 7, 7), 4, 3, data_format="channels_first").in_channels == 2
    with pytest.raises(SpecError, match="data_format"):
        keras_conv_spec((7, 7, 2), 4, 3, data_format="nhwc")
    with pytest.raises(SpecError, match="layout"):
        relayout(k, "HWIO", "OIHWX")


def keras_transpose_length(h, q, s, d, padding, a):
    """Keras's output length (conv_utils.deconv_output_length), as its documentation states it."""
    span = d * (q - 1) + 1
    if a is None:
        return h * s if padding == "same" else h * s + max(span - s, 0)
    return (h - 1) * s + span + a - (2 * (span // 2) if padding == "same" else 0)


def keras_jax_padding(q, s, d, padding, a):
    """Keras 3's (low, high) padding of the zero-inserted input for JAX, as written in its backend."""
    k = (q - 1) * d + 1
    if padding == "valid":
        a = max(k, s) - k if a is None else a
        return k - 1, k - 1 + a
    total = s + k - 2 if a is None else k + k % 2 - 2 + a
    low = min(total // 2 + total % 2, k - 1)
    return low, total - low


def test_keras_conv_transpose_sizes_and_backends_agree():
    """For every small case: the forward convolution has the layer's input as output, the size is
    Keras's, and TensorFlow's padding (the adjoint of a SAME/VALID convolution) is the (low, high)
    padding Keras 3 gives JAX and JAX's own conv_transpose uses."""
    count = 0
    for h, q, s, d, padding in itertools.product(range(1, 5), range(1, 5), range(1, 4), range(1, 3), ("same", "valid")):
        for a in [None, *range(s)]:
            try:
                F = keras_conv_transpose_spec(
                    (h, 1), 1, q, strides=s, padding=padding, output_padding=a, dilation_rate=d
                )
            except SpecError:  # TensorFlow refuses these too: its convolution would have another size
                assert a is not None and padding == "same"
                continue
            (n,), (b,), (_,) = F.input_shape, F.padding_before, F.padding_after
            assert F.out_shape == (h,) and n == keras_transpose_length(h, q, s, d, padding, a)
            k = d * (q - 1) + 1
            low, high = keras_jax_padding(q, s, d, padding, a)
            assert (k - 1 - b, n - (h - 1) * s - 1 - (k - 1 - b) + k - 1) == (low, high)
            if a is None:
                assert (low, high) == jax_conv_transpose_padding(k, s, padding)
            count += 1
    assert count > 500


def test_tensorflow_same_transposed_is_not_a_pytorch_conv_transpose():
    """Kernel 3, stride 2, SAME: TensorFlow pads (0, 1) before its adjoint; PyTorch's padding=1,
    output_padding=1 has the same size but is shifted by one; the even case has a ConvTranspose."""
    F = keras_conv_transpose_spec((4, 1), 1, 3, strides=2, padding="same")
    assert F.padding == ((0, 1),)
    with pytest.raises(SpecError, match="no ConvTranspose"):
        transposed_spec(F)
    from symconv import TransposedConvSpec

    pytorch = TransposedConvSpec(4, 3, stride=2, padding=1, output_padding=1)
    assert pytorch.out_shape == F.input_shape and transposed_conv_matrix(pytorch) != conv_matrix(F).T
    even = keras_conv_transpose_spec((4, 1), 1, 4, strides=2, padding="same")
    assert transposed_conv_matrix(transposed_spec(even)) == conv_matrix(even).T


def test_jax_transpose_kernel_is_rotation_and_swap():
    rhs = np.arange(3 * 2 * 4).reshape(3, 2, 4)  # conv_transpose's 1-D default layout: (H, I, O)
    plain, swapped = jax_conv_transpose_kernel(rhs), jax_conv_transpose_kernel(rhs, transpose_kernel=True)
    assert plain.shape == (2, 4, 3) and swapped.shape == (4, 2, 3)
    assert all(plain[c, o, k] == rhs[2 - k, c, o] for c, o, k in np.ndindex(*plain.shape))
    assert all(swapped[c, o, k] == rhs[k, o, c] for c, o, k in np.ndindex(*swapped.shape))
    with pytest.raises(SpecError, match="lhs_dilation"):
        jax_conv_spec((1, 1, 5), (1, 1, 3), (1,), "VALID", lhs_dilation=(2,))
    with pytest.raises(SpecError, match="feature_group_count"):
        jax_conv_spec((1, 4, 5), (2, 4, 3), (1,), "VALID", feature_group_count=2)


def test_missing_torch_is_one_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(MissingDependencyError, match="needs torch") as info:
        from_torch(object(), 3)
    assert isinstance(info.value, ImportError) and "\n" not in str(info.value)


def _jax():
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    return jax.lax


LAYOUTS = {1: [("NCW", "OIW", "NCW"), ("NWC", "WIO", "NWC")], 2: [("NCHW", "OIHW", "NCHW"), ("NHWC", "HWIO", "NHWC")]}


def _arrays(rng, spec, shapes):
    return [rng.integers(-4, 5, [shape[c] for c in spec_]).astype(float) for spec_, shape in zip(spec, shapes)]


@settings(max_examples=40)
@given(st.data(), st.integers(1, 2), st.integers(1, 2), st.integers(1, 2), st.integers(1, 2))
def test_conv_general_dilated_agrees_with_jax(data, ndim, groups, per_in, per_out):
    lax = _jax()
    letters = "HW"[:ndim] if ndim == 2 else "W"
    layout = data.draw(st.sampled_from(LAYOUTS[ndim]))
    q = [data.draw(st.integers(1, 3)) for _ in range(ndim)]
    d = [data.draw(st.integers(1, 2)) for _ in range(ndim)]
    s = [data.draw(st.integers(1, 3)) for _ in range(ndim)]
    h = [d[j] * (q[j] - 1) + 1 + data.draw(st.integers(0, 3)) for j in range(ndim)]
    padding = data.draw(st.sampled_from(["SAME", "VALID", "SAME_LOWER", [(1, 0)] * ndim]))
    rng = np.random.default_rng(data.draw(st.integers(0, 99)))
    lhs, rhs = _arrays(
        rng,
        layout[:2],
        [
            {"N": 1, "C": groups * per_in, **dict(zip(letters, h))},
            {"O": groups * per_out, "I": per_in, **dict(zip(letters, q))},
        ],
    )
    out = np.asarray(
        lax.conv_general_dilated(
            lhs, rhs, s, padding, rhs_dilation=d, dimension_numbers=layout, feature_group_count=groups
        )
    )
    spec = jax_conv_spec(
        lhs.shape, rhs.shape, s, padding, rhs_dilation=d, dimension_numbers=layout, feature_group_count=groups
    )
    x = relayout(lhs, layout[0], "NC" + letters)[0]
    got = numeric_matrix(conv_matrix(spec, jax_conv_kernel(rhs, layout))) @ x.ravel()
    assert np.array_equal(got, relayout(out, layout[2], "NC" + letters)[0].ravel())


@settings(max_examples=40)
@given(st.data(), st.integers(1, 2), st.booleans(), st.integers(1, 2), st.integers(1, 2))
def test_conv_transpose_agrees_with_jax(data, ndim, transpose_kernel, channels_in, channels_out):
    lax = _jax()
    letters = "HW"[:ndim] if ndim == 2 else "W"
    layout = data.draw(st.sampled_from(LAYOUTS[ndim][::-1]))
    q = [data.draw(st.integers(1, 3)) for _ in range(ndim)]
    d = [data.draw(st.integers(1, 2)) for _ in range(ndim)]
    s = [data.draw(st.integers(1, 3)) for _ in range(ndim)]
    h = [data.draw(st.integers(1, 4)) for _ in range(ndim)]
    padding = data.draw(st.sampled_from(["SAME", "VALID", [(d[j] * (q[j] - 1), 0) for j in range(ndim)]]))
    o_axis, i_axis = (channels_in, channels_out) if transpose_kernel else (channels_out, channels_in)
    rng = np.random.default_rng(data.draw(st.integers(0, 99)))
    lhs, rhs = _arrays(
        rng,
        layout[:2],
        [{"N": 1, "C": channels_in, **dict(zip(letters, h))}, {"O": o_axis, "I": i_axis, **dict(zip(letters, q))}],
    )
    out = np.asarray(
        lax.conv_transpose(
            lhs, rhs, s, padding, rhs_dilation=d, dimension_numbers=layout, transpose_kernel=transpose_kernel
        )
    )
    F = jax_conv_transpose_spec(
        lhs.shape, rhs.shape, s, padding, rhs_dilation=d, dimension_numbers=layout, transpose_kernel=transpose_kernel
    )
    W = jax_conv_transpose_kernel(rhs, layout, transpose_kernel)
    x = relayout(lhs, layout[0], "NC" + letters)[0]
    got = numeric_matrix(conv_matrix(F, W)).T @ x.ravel()
    assert np.array_equal(got, relayout(out, layout[2], "NC" + letters)[0].ravel())


def tensorflow_conv3d_before(h, q, s, d):
    """What TensorFlow's Conv3D pads before with padding='same' (issue 16): the total is not clamped at
    0 and is halved towards zero, as C++ divides; Conv1D/Conv2D, JAX and the documentation clamp it."""
    total = (-(-h // s) - 1) * s + d * (q - 1) + 1 - h
    return int(total / 2)


def test_keras_conv3d_same_follows_the_layer_or_refuses():
    """Where TensorFlow's Conv3D pads a negative amount (a shifted window) symconv refuses the spec,
    naming the rule; everywhere else its padding is the layer's, and 1-D and 2-D are never refused."""
    refused = 0
    for h, q, s, d in itertools.product(range(1, 9), range(1, 4), range(1, 8), range(1, 3)):
        before = tensorflow_conv3d_before(h, q, s, d)
        for ndim in (1, 2):
            spec = keras_conv_spec((h,) * ndim + (1,), 1, q, strides=s, dilation_rate=d, padding="same")
            assert spec.padding_before == (max(before, 0),) * ndim
        shape = (h, 3, 3, 1)
        if before < 0:
            with pytest.raises(SpecError, match="Conv3D with padding='same' on TensorFlow pads -"):
                keras_conv_spec(shape, 1, q, strides=s, dilation_rate=d, padding="same")
            assert s > d * (q - 1) + 2  # the hint's rule: a stride up to the span + 1 is never shifted
            refused += 1
        else:
            spec = keras_conv_spec(shape, 1, (q, 1, 1), strides=(s, 1, 1), dilation_rate=d, padding="same")
            assert spec.padding_before[0] == before and spec.out_shape[0] == -(-h // s)
    assert refused > 20
    # the example: input [10, 20, 30], kernel 1, stride 3 (Conv1D gives [10], Conv3D [20])
    with pytest.raises(SpecError, match="^strides: "):
        keras_conv_spec((3, 1, 1, 1), 1, 1, strides=3, padding="same")
    assert keras_conv_spec((3, 1), 1, 1, strides=3, padding="same").padding == (0,)
    assert keras_conv_spec((3, 1, 1, 1), 1, 1, strides=3, padding="valid").out_shape == (1, 1, 1)
