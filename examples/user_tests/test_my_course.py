"""A user's own test suite for a course on convolutions, written only with symconv's public API:
``symconv.testing``, ``symconv.strategies`` and ``symconv.proof`` (run it with
``pytest examples/user_tests``; ``conftest.py`` selects the plugin's Hypothesis profile)."""

import sympy
from hypothesis import given

from symconv import (
    ConvSpec,
    conv_matrix,
    conv_output_size,
    input_symbols,
    sliding_window,
    transposed_conv_matrix,
    transposed_output_size,
    vec,
)
from symconv.proof import DOIT_EXPAND, Derivation, Step
from symconv.strategies import conv_cases, conv_specs, transposed_cases, transposed_specs
from symconv.testing import (
    assert_conv_matches,
    assert_derivation,
    assert_identity,
    assert_matches_torch,
    assert_transposed_matches,
)


@given(conv_specs(ndim=2, max_size=5, max_kernel=3))
def test_C_X_is_the_sliding_window(spec):
    X = input_symbols(spec.input_shape)
    assert_identity(conv_matrix(spec) * vec(X), sliding_window(spec, X), vec=True, name="C X")


@given(transposed_specs(ndim=2, max_size=4))
def test_transposed_matrix_is_C_transposed(tspec):
    if all(a < s for a, s in zip(tspec.output_padding, tspec.stride)):
        assert_identity(transposed_conv_matrix(tspec), conv_matrix(tspec.forward()).T, name="C^T")


@given(transposed_specs())
def test_size_formula_inverts(tspec):
    for h, q, s, p, d, a, w in zip(
        tspec.input_shape,
        tspec.kernel_shape,
        tspec.stride,
        tspec.padding,
        tspec.dilation,
        tspec.output_padding,
        tspec.out_shape,
    ):
        assert w == transposed_output_size(h, q, s, p, d, a)
        if a < s:
            assert conv_output_size(w, q, s, p, d) == h


@given(conv_cases(conv_specs(max_ndim=2, channels=True)))
def test_my_layers_against_numpy(case):
    assert_conv_matches(*case)


@given(transposed_cases(transposed_specs(max_ndim=2, max_size=4, channels=True)))
def test_my_transposed_layers_against_numpy(case):
    assert_transposed_matches(*case)


@given(conv_cases(conv_specs(max_ndim=2, channels=True)))
def test_my_layers_against_torch(case):
    assert_matches_torch(*case)


def test_my_derivation():
    spec = ConvSpec(3, 2)
    X = input_symbols(3)
    product = sympy.MatMul(conv_matrix(spec), vec(X), evaluate=False)
    window = Derivation(
        "board-window",
        "The matrix product is the sliding window",
        "for 3 inputs and a 2-tap kernel",
        steps=(Step(product, vec(sliding_window(spec, X)), "multiply the matrix out", DOIT_EXPAND),),
    )
    assert_derivation(window)
