import subprocess
import sys
from pathlib import Path

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symconv import ConvSpec, SpecError, conv_matrix
from symconv.strategies import conv_cases, conv_specs, inputs, kernels, transposed_cases, transposed_specs
from symconv.testing import assert_conv_matches, assert_derivation, assert_identity, assert_transposed_matches

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


@pytest.mark.slow  # CI also runs examples/user_tests on its own
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
    except ImportError:  # assert_matches_torch skips one test
        assert "6 passed, 1 skipped" in result.stdout
    else:
        assert "7 passed" in result.stdout


def test_assert_identity_names_nd_entries_and_compares_an_array_with_its_vec_column():
    from symconv import input_symbols, vec

    A = input_symbols((5, 5), multi_index=True)
    changed = A.tolist()
    changed[2][3] = 0
    with pytest.raises(AssertionError, match=r"^entry \(2, 3\): X_\{2,3\} != 0 \(after expand\)$"):
        assert_identity(A, changed)
    column = sympy.Matrix(vec(sympy.Array(changed)))
    with pytest.raises(AssertionError, match=r"shapes differ: \(5, 5\) != \(25, 1\) \(compare .* by vec=True\)"):
        assert_identity(A, column)
    with pytest.raises(AssertionError, match=r"^Y: entry \(2, 3\): 0 != X_\{2,3\} \(after expand\)$"):
        assert_identity(column, A, vec=True, name="Y")  # named by the array's index, whichever side it is
    assert_identity(vec(A), A, vec=True)
    with pytest.raises(AssertionError, match=r"sizes differ: 25 != 24 entries"):
        assert_identity(A, sympy.zeros(24, 1), vec=True)


def test_assert_identity_takes_plain_and_nested_lists_and_numpy_arrays():
    import numpy as np

    x = sympy.Symbol("x")
    assert_identity([1, 2, 3], sympy.Array([1, 2, 3]))
    assert_identity([[[x, 1]], [[2, x]]], sympy.Array([[[x, 1]], [[2, x]]]))
    assert_identity(np.array([[1, 2], [3, 4]]), sympy.Matrix([[1, 2], [3, 4]]))
    with pytest.raises(AssertionError, match=r"entry \(1,\): 2 != 5"):
        assert_identity([1, 2, 3], [1, 5, 3])
    with pytest.raises(TypeError, match="rhs: a nested list must be rectangular"):
        assert_identity([[1, 2]], [[1, 2], [3]])


def test_assert_identity_says_where_scalars_differ_after_the_rule():
    x = sympy.Symbol("x")
    with pytest.raises(AssertionError) as failure:
        assert_identity((x + 1) ** 2, x**2 + 1)
    assert str(failure.value).splitlines() == [
        "(x + 1)**2 != x**2 + 1 (after expand)",
        "  left after the rule:  x**2 + 2*x + 1",
        "  right after the rule: x**2 + 1",
        "  first difference: 2*x (left) where the right has 0",
    ]


@given(conv_cases(conv_specs(max_ndim=2, max_size=5, channels=True)))
def test_assert_conv_matches_takes_channel_specs(case):
    assert_conv_matches(*case)


@given(transposed_cases(transposed_specs(max_ndim=2, max_size=4, channels=True)))
def test_assert_transposed_matches_takes_whole_cases(case):
    assert_transposed_matches(*case)
    assert case.kernel.shape == (case.tspec.weight_shape if case.tspec.has_channels else case.tspec.kernel_shape)


def test_assert_transposed_matches_detects_a_wrong_matrix(monkeypatch):
    import symconv.testing as testing
    from symconv import TransposedConvSpec, transposed_conv_matrix

    tspec = TransposedConvSpec(3, 2, stride=2)
    testing.assert_transposed_matches(tspec, [1, 2], [1, 2, 3])
    monkeypatch.setattr(testing, "transposed_conv_matrix", lambda t, kernel: transposed_conv_matrix(t, [2, 1]))
    with pytest.raises(AssertionError, match=r"transposed_conv_matrix of TransposedConvSpec.*: output \(0,\) is 2\.0"):
        testing.assert_transposed_matches(tspec, [1, 2], [1, 2, 3])


def test_assert_conv_matches_refuses_symbols_and_names_the_channel_of_a_wrong_output(monkeypatch):
    import symconv.testing as testing

    layer = ConvSpec(3, 2, in_channels=2, out_channels=2, groups=2)
    with pytest.raises(SpecError, match="kernel: must hold real numbers"):
        testing.assert_conv_matches(layer, [[[sympy.Symbol("w"), 1]]] * 2, [[1] * 3] * 2)
    swapped = [[[0, 1]], [[1, 0]]]
    monkeypatch.setattr(testing, "conv_matrix", lambda spec, kernel: conv_matrix(spec, swapped))
    with pytest.raises(AssertionError, match=r"output \(0, 0\) is 2\.0, the numpy reference gives 1\.0"):
        testing.assert_conv_matches(layer, [[[1, 0]], [[0, 1]]], [[1, 2, 3], [4, 5, 6]])


def test_assert_derivation_raises_with_the_report_and_why():
    from symconv.proof import EXPAND, Derivation, Step

    x = sympy.Symbol("x")
    good = Derivation("s", "Square", "", steps=(Step((x + 1) ** 2, x**2 + 2 * x + 1, "expand", EXPAND),))
    assert assert_derivation(good).ok
    wrong = Derivation("w", "Wrong", "", steps=(Step((x + 1) ** 2, x**2 + 1, "expand", EXPAND),))
    with pytest.raises(AssertionError) as failure:
        assert_derivation(wrong)
    text = str(failure.value)
    assert (
        text.startswith("w: Wrong\n  [FAIL] (x + 1)**2 = x**2 + 1")
        and "why step 1 (expand) fails: the equation is false" in text
    )
    with pytest.raises(TypeError, match="derivation: must be a symconv.proof.Derivation"):
        assert_derivation("w")


def test_case_strategies_take_strategies_and_are_validated_when_called():
    with pytest.raises(TypeError, match="specs: must be a Hypothesis strategy"):
        conv_cases(ConvSpec(4, 3))
    with pytest.raises(TypeError, match="elements: must be a Hypothesis strategy"):
        transposed_cases(elements=[1, 2])

    @given(conv_cases(conv_specs(ndim=1, max_size=3), elements=st.just(1)))
    def ones(case):
        assert set(case.x.ravel()) == {1} and set(case.kernel.ravel()) == {1} and case.spec.ndim == 1

    ones()
