"""A user's own test suite for a course on convolutions, written only with ``symconv.testing``
and ``symconv.strategies`` (run it with ``pytest examples/user_tests``)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from symconv import conv_matrix, conv_output_size, transposed_conv_matrix, transposed_output_size
from symconv.strategies import conv_specs, inputs, kernels, transposed_specs
from symconv.testing import assert_conv_matches, assert_identity, assert_matches_torch


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


@settings(deadline=None)  # the first call imports PyTorch
@given(st.data(), conv_specs(max_ndim=2))
def test_my_convolutions_against_numpy_and_torch(data, spec):
    kernel, x = data.draw(kernels(spec)), data.draw(inputs(spec))
    assert_conv_matches(spec, kernel, x)
    assert_matches_torch(spec, kernel, x)
