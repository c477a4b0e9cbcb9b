"""Channels, groups and bias: specs, block matrices, the affine map (no PyTorch needed)."""

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy_reference import conv_layer, conv_transpose_layer, numeric_matrix
from sympy import IndexedBase

from symconv import (
    ConvSpec,
    SpecError,
    TransposedConvSpec,
    affine_matrix,
    bias_symbols,
    bias_vector,
    conv_matrix,
    conv_transpose,
    im2col,
    input_symbols,
    kernel_symbols,
    latex,
    nonzero_count,
    sliding_window,
    transposed_conv_matrix,
    vec,
)
from symconv.channels import channel_pairs, layer_kernel
from symconv.sparse import nonzero_rows
from symconv.strategies import conv_specs, inputs, kernels, transposed_specs

W = IndexedBase("W")


def test_defaults_are_the_single_channel_picture():
    spec = ConvSpec((4, 4), (3, 3))
    assert (spec.in_channels, spec.out_channels, spec.groups) == (1, 1, 1) and not spec.has_channels
    assert spec == ConvSpec((4, 4), (3, 3), in_channels=1, out_channels=1, groups=1)
    assert "channels" not in repr(spec) and "C_" not in latex(spec)
    assert spec.weight_shape == (1, 1, 3, 3)
    assert conv_matrix(spec)[0, 0] == W[0, 0]


@pytest.mark.parametrize(
    "kwargs, parameter, words",
    [
        (dict(in_channels=0), "in_channels", "positive"),
        (dict(out_channels=-1), "out_channels", "positive"),
        (dict(groups=0), "groups", "positive"),
        (dict(in_channels=3, out_channels=4, groups=2), "in_channels", "divisible by groups (2)"),
        (dict(in_channels=4, out_channels=3, groups=2), "out_channels", "divisible by groups (2)"),
        (dict(in_channels=2.0), "in_channels", "integer"),
        (dict(groups=True), "groups", "integer"),
    ],
)
@pytest.mark.parametrize("kind", [ConvSpec, TransposedConvSpec])
def test_channel_rules_name_the_parameter(kind, kwargs, parameter, words):
    with pytest.raises(SpecError) as info:
        kind(4, 3, **kwargs)
    assert str(info.value).startswith(parameter + ":") and words in str(info.value)


def test_repr_and_latex_show_channels_when_given():
    spec = ConvSpec((4, 4), 3, in_channels=2, out_channels=4, groups=2)
    assert repr(spec) == (
        "ConvSpec(input_shape=(4, 4), kernel_shape=(3, 3), stride=(1, 1), padding=(0, 0), "
        "dilation=(1, 1), in_channels=2, out_channels=4, groups=2)"
    )
    assert eval(repr(spec)) == spec
    assert latex(spec).endswith(
        r"C_{\mathrm{in}} = 2,\ C_{\mathrm{out}} = 4,\ g = 2\right)\colon "
        r"2 \times 4 \times 4 \to 4 \times 2 \times 2"
    )
    assert "g =" not in latex(ConvSpec(4, 3, out_channels=2))
    t = TransposedConvSpec(2, 3, in_channels=4, out_channels=2, groups=2)
    assert repr(t).endswith("output_padding=(0,), in_channels=4, out_channels=2, groups=2)")
    assert t.weight_shape == (4, 1, 3) == t.forward().weight_shape
    assert (t.forward().in_channels, t.forward().out_channels) == (2, 4)


def test_weight_symbols_carry_channel_indices():
    assert kernel_symbols((3, 3), channels=(2, 1))[1, 0, 2, 1] == W[1, 0, 2, 1]
    assert kernel_symbols((3, 3)).shape == (3, 3)
    assert latex(layer_kernel(ConvSpec((4, 4), 3, out_channels=2))[1, 0, 0, 2]) == "W_{1,0,0,2}"
    assert bias_symbols(2)[1] == IndexedBase("b")[1]
    # a single-channel kernel may keep PyTorch's two leading axes of length 1
    spec = ConvSpec((3, 3), 2)
    assert conv_matrix(spec, [[[[1, 2], [3, 4]]]]) == conv_matrix(spec, [[1, 2], [3, 4]])
    with pytest.raises(SpecError, match=r"kernel: has shape \(2, 1, 1, 2\) but \(2, 2\)"):
        conv_matrix(spec, np.ones((2, 1, 1, 2)))  # only leading axes of length 1 may be added
    with pytest.raises(SpecError, match="kernel: has shape"):
        conv_matrix(ConvSpec(4, 3, out_channels=2), np.ones((1, 2, 3)))  # not the transposed layout


def test_channel_pairs_follow_pytorch_groups():
    out, inp, weight = channel_pairs(ConvSpec(4, 3, in_channels=6, out_channels=3, groups=3))
    assert out.tolist() == [0, 0, 1, 1, 2, 2] and inp.tolist() == [0, 1, 2, 3, 4, 5]
    assert weight.tolist() == list(range(6))


@settings(max_examples=60)
@given(st.data(), conv_specs(channels=True, max_ndim=2, max_size=6))
def test_layer_matrix_is_the_grouped_convolution(data, spec):
    w, x = data.draw(kernels(spec)), data.draw(inputs(spec))
    C = conv_matrix(spec, w)
    assert C.shape == (spec.out_channels * np.prod(spec.out_shape), spec.in_channels * np.prod(spec.input_shape))
    assert np.array_equal(numeric_matrix(C) @ x.astype(float).ravel(), conv_layer(spec, x, w).ravel())


@settings(max_examples=60)
@given(st.data(), transposed_specs(channels=True, max_ndim=2, max_size=4))
def test_transposed_layer_matrix_scatters(data, tspec):
    w, y = data.draw(kernels(tspec)), data.draw(inputs(tspec))
    T = transposed_conv_matrix(tspec, w)
    assert np.array_equal(numeric_matrix(T) @ y.astype(float).ravel(), conv_transpose_layer(tspec, y, w).ravel())
    forward = conv_matrix(tspec.forward(), w)
    if forward.rows == T.cols:  # output_padding < stride: exactly the transpose (T1 with channels)
        assert T == forward.T


@given(conv_specs(channels=True, max_ndim=2, max_size=5))
def test_blocks_are_single_channel_matrices(spec):
    """Block (o, c) is the single-channel C of W[o, c - group start] inside the group, 0 outside."""
    C = conv_matrix(spec)
    single = ConvSpec(
        spec.input_shape, spec.kernel_shape, stride=spec.stride, padding=spec.padding, dilation=spec.dilation
    )
    rows, cols = int(np.prod(spec.out_shape)), int(np.prod(spec.input_shape))
    per_in, per_out = spec.in_channels // spec.groups, spec.out_channels // spec.groups
    weight = layer_kernel(spec)
    for o in range(spec.out_channels):
        for c in range(spec.in_channels):
            block = C[o * rows : (o + 1) * rows, c * cols : (c + 1) * cols]
            if c // per_in == o // per_out:
                assert block == conv_matrix(single, weight[o, c % per_in])
            else:
                assert block.is_zero_matrix


def test_depthwise_is_block_diagonal_and_sparse():
    spec = ConvSpec((6, 6), 3, in_channels=3, out_channels=3, groups=3)
    C = conv_matrix(spec)
    assert C._rep.rep.fmt == "sparse"
    entries = sum(len(row) for row in nonzero_rows(C).values())
    assert entries == nonzero_count(spec) == 3 * 16 * 9
    assert all(r // 16 == c // 36 for r, row in nonzero_rows(C).items() for c in row)


def test_one_by_one_is_a_matrix_product_over_channels():
    spec = ConvSpec((2, 2), 1, in_channels=3, out_channels=2)
    X = input_symbols((3, 4))
    Y = conv_matrix(spec) * vec(X)
    for o in range(2):
        for n in range(4):
            assert Y[o * 4 + n] == sum(W[o, c, 0, 0] * X[c, n] for c in range(3))


def test_bias_is_repeated_over_positions():
    spec = ConvSpec(3, 2, in_channels=1, out_channels=2)
    b = bias_vector(spec)
    assert list(b) == [sympy.IndexedBase("b")[o] for o in (0, 0, 1, 1)]
    A = affine_matrix(spec, bias=[5, 7])
    x = sympy.Matrix([1, 2, 3, 1])
    assert A * x == (conv_matrix(spec) * x[:3, :]).col_join(sympy.Matrix([1])) + sympy.Matrix([5, 5, 7, 7, 0])
    assert A[-1, :] == sympy.Matrix([[0, 0, 0, 1]])
    with pytest.raises(SpecError, match="bias"):
        bias_vector(spec, [1, 2, 3])
    t = TransposedConvSpec(2, 2, out_channels=3)
    assert affine_matrix(t).shape == (3 * 3 + 1, 2 + 1) and bias_vector(t, [0, 1, 0]).T.tolist()[0][3:6] == [1, 1, 1]


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda s, t: sliding_window(s, input_symbols(5)), "sliding_window"),
        (lambda s, t: im2col(s, input_symbols(5)), "im2col"),
        (lambda s, t: conv_transpose(t, input_symbols(2, "Y")), "the recipe"),
    ],
)
def test_single_channel_operations_refuse_channels(call, words):
    spec, tspec = ConvSpec(5, 3, in_channels=2), TransposedConvSpec(2, 3, groups=2, in_channels=2, out_channels=2)
    with pytest.raises(SpecError, match=words):
        call(spec, tspec)


def test_channel_strategy_bounds_are_validated():
    with pytest.raises(SpecError, match="channels"):
        conv_specs(channels="yes")
    with pytest.raises(SpecError, match="max_groups"):
        transposed_specs(channels=True, max_groups=0)


def test_the_block_derivation_is_not_vacuous():
    """The group-membership step fails for a wrong block (no delta, or the wrong tap)."""
    from symconv.derivations.channels import _unique_division
    from symconv.proof import Derivation, Step

    a, b = sympy.symbols("a b", integer=True, positive=True)
    gamma, gamma2, alpha, beta, m = sympy.symbols("gamma gammaprime alpha beta m", integer=True)
    K = IndexedBase("K")
    block = sympy.Sum(sympy.KroneckerDelta(a * gamma2 + alpha, a * gamma + m) * K[b * gamma + beta, m], (m, 0, a - 1))
    where = (alpha >= 0) & (alpha <= a - 1) & (beta >= 0) & (beta <= b - 1)
    for wrong in (K[b * gamma + beta, alpha], sympy.KroneckerDelta(gamma2, gamma) * K[b * gamma + beta, 0]):
        step = Step(block, wrong, "wrong", _unique_division(a, alpha, m), where=where)
        assert not Derivation("w", "w", "", steps=(step,)).check().ok


def test_cli_prints_the_block_matrix(capsys):
    from symconv.cli.main import main

    argv = [
        "matrix",
        "--input",
        "4x4",
        "--kernel",
        "3x3",
        "--in-channels",
        "2",
        "--out-channels",
        "2",
        "--groups",
        "2",
        "--format",
        "latex",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == r"\left(\begin{array}{" + "c" * 16 + "|" + "c" * 16 + "}"
    assert len(out) == 10 and out[4].endswith(
        r"W_{0,0,2,2} & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 & 0 \\ \hline"
    )
    assert out[5].startswith("0 & " * 16 + "W_{1,0,0,0}") and out[-1] == r"\end{array}\right)"
    assert main(["matrix", "--input", "3", "--kernel", "2", "--out-channels", "2", "--format", "json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["shape"] == [4, 3] and data["spec"]["out_channels"] == 2 and data["entries"][4] == [2, 0, "W[1, 0, 0]"]


@pytest.mark.parametrize(
    "argv, words",
    [
        (
            ["matrix", "--input", "4", "--kernel", "3", "--in-channels", "3", "--groups", "2"],
            "--in-channels: must be divisible",
        ),
        (["matrix", "--input", "4", "--kernel", "3", "--groups", "0"], "--groups: must be positive"),
        (
            ["matrix", "--input", "4", "--kernel", "3", "--groups", "x"],
            "--groups: must be an integer from 1 to 1,000,000",
        ),
        (
            ["im2col", "--input", "4", "--kernel", "3", "--in-channels", "2"],
            "--in-channels: im2col takes a single-channel",
        ),
    ],
)
def test_cli_channel_options_exit_2_with_one_line(capsys, argv, words):
    from symconv.cli.main import main

    assert main(argv) == 2
    _, err = capsys.readouterr()
    assert words in err and len(err.strip().splitlines()) == 1


def test_built_from_the_non_zeros_only():
    """Depthwise, 64 channels of 16x16: 205 million cells, 113 thousand non-zeros."""
    import time

    spec = ConvSpec((16, 16), 3, padding=0, in_channels=64, out_channels=64, groups=64)
    start = time.perf_counter()
    C = conv_matrix(spec)
    assert time.perf_counter() - start < 3
    assert C.shape == (64 * 196, 64 * 256) and sum(len(r) for r in nonzero_rows(C).values()) == 64 * 196 * 9
