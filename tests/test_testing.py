import subprocess
import sys
from pathlib import Path

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symconv import ConvSpec, SpecError, conv_matrix
from symconv.strategies import conv_specs, inputs, kernels, transposed_specs
from symconv.testing import assert_conv_matches, assert_identity

ROOT = Path(__file__).resolve().parents[1]


def test_assert_identity_names_the_first_difference_in_the_seminar_notation():
    C = conv_matrix(ConvSpec((4, 4), (3, 3)))
    wrong = C.copy()
    wrong[1, 2] = sympy.IndexedBase("W")[2, 2]
    with pytest.raises(AssertionError, match=r"C: entry \(1, 2\): W_\{0,1\} != W_\{2,2\}"):
        assert_identity(C, wrong, name="C")
    assert_identity(C, C.copy())


def test_assert_conv_matches_detects_a_wrong_kernel(monkeypatch):
    spec = ConvSpec(5, 3)
    assert_conv_matches(spec, [1, 2, 3], [1, 2, 3, 4, 5])
    import symconv.testing as testing

    monkeypatch.setattr(testing, "conv_matrix", lambda spec, kernel: conv_matrix(spec, [3, 2, 1]))
    with pytest.raises(AssertionError, match="conv_matrix of ConvSpec"):
        testing.assert_conv_matches(spec, [1, 2, 3], [1, 2, 3, 4, 5])


@given(conv_specs(ndim=2, max_size=5, max_kernel=3, max_stride=2, max_padding=1, max_dilation=2))
def test_conv_specs_respect_their_bounds(spec):
    assert spec.ndim == 2 and max(spec.input_shape) <= 5 and max(spec.kernel_shape) <= 3
    assert max(spec.stride) <= 2 and max(spec.dilation) <= 2 and max(spec.padding_before) <= 2


@given(transposed_specs(max_stride=2, max_dilation=4))
def test_transposed_specs_include_large_output_padding(tspec):
    assert all(a < max(s, d) for a, s, d in zip(tspec.output_padding, tspec.stride, tspec.dilation))
    assert min(tspec.out_shape) >= 1


def test_transposed_specs_reach_output_padding_beyond_stride():
    seen = []

    @given(transposed_specs(ndim=1, max_stride=1, max_dilation=4))
    def collect(tspec):
        seen.append(tspec.output_padding[0] >= tspec.stride[0])

    collect()
    assert any(seen)


@given(st.data(), conv_specs())
def test_kernels_and_inputs_have_the_spec_shapes(data, spec):
    assert data.draw(kernels(spec)).shape == spec.kernel_shape
    assert data.draw(inputs(spec, elements=st.integers(0, 1))).shape == spec.input_shape


@pytest.mark.parametrize(
    "bad",
    [dict(max_size=0), dict(max_stride=-1), dict(ndim=0), dict(max_padding=-1), dict(max_ndim=0), dict(max_kernel=1.5)],
)
def test_strategy_bounds_are_validated_when_called(bad):
    with pytest.raises(SpecError):
        conv_specs(**bad)
    with pytest.raises(SpecError):
        transposed_specs(**bad)


def test_the_users_example_suite_passes():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "examples" / "user_tests")],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    try:
        import torch  # noqa: F401
    except ImportError:  # assert_matches_torch skips the third test
        assert "2 passed, 1 skipped" in result.stdout
    else:
        assert "3 passed" in result.stdout
