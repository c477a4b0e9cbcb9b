import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symconv import ConvSpec, SpecError, TransposedConvSpec, conv_output_size
from symconv.specs import SpecBase
from symconv.strategies import conv_specs


def test_seminar_case():
    spec = ConvSpec((4, 4), (3, 3))
    assert spec.ndim == 2
    assert spec.out_shape == (2, 2)
    assert spec.stride == (1, 1) and spec.padding == (0, 0) and spec.dilation == (1, 1)


@pytest.mark.parametrize("shape", [(4, 4), [4, 4], sympy.Tuple(4, 4), np.array([4, 4]), (np.int64(4), np.int32(4))])
def test_shapes_accept_any_integer_sequence(shape):
    assert ConvSpec(shape, shape).input_shape == (4, 4)
    assert all(type(v) is int for v in ConvSpec(shape, 3).kernel_shape)


def test_int_parameter_applies_to_every_dimension():
    spec = ConvSpec((5, 6, 7), 3, stride=2, padding=1, dilation=1)
    assert spec.kernel_shape == (3, 3, 3) and spec.stride == (2, 2, 2) and spec.padding == (1, 1, 1)
    assert spec.out_shape == (3, 3, 4)


def test_frozen_and_hashable():
    spec = ConvSpec(4, 3)
    with pytest.raises(AttributeError):  # frozen: dataclasses.FrozenInstanceError
        spec.stride = 2
    assert spec == ConvSpec([4], [3]) and hash(spec) == hash(ConvSpec((4,), (3,)))


@pytest.mark.parametrize(
    "kwargs, parameter, words",
    [
        (dict(input_shape=(4, 0), kernel_shape=3), "input_shape", "positive"),
        (dict(input_shape=4, kernel_shape=0), "kernel_shape", "positive"),
        (dict(input_shape=4, kernel_shape=3, stride=0), "stride", "positive"),
        (dict(input_shape=4, kernel_shape=3, stride=-1), "stride", "positive"),
        (dict(input_shape=4, kernel_shape=3, dilation=0), "dilation", "positive"),
        (dict(input_shape=4, kernel_shape=3, padding=-1), "padding", "non-negative"),
        (dict(input_shape=4, kernel_shape=5), "kernel_shape", "larger than the padded input"),
        (dict(input_shape=5, kernel_shape=3, dilation=3), "kernel_shape", "larger than the padded input"),
        (dict(input_shape=(4, 4), kernel_shape=(3, 3, 3)), "kernel_shape", "dimensions"),
        (dict(input_shape=(4, 4), kernel_shape=3, stride=(1, 1, 1)), "stride", "dimensions"),
        (dict(input_shape=(4, 4), kernel_shape=3, padding=(1, 1, 1)), "padding", "dimensions"),
        (dict(input_shape=4.0, kernel_shape=3), "input_shape", "integer"),
        (dict(input_shape=4, kernel_shape=3, stride=1.5), "stride", "integer"),
        (dict(input_shape=4, kernel_shape=3, stride=True), "stride", "integer"),
        (dict(input_shape=4, kernel_shape=3, padding="full"), "padding", '"same"'),
        (dict(input_shape=4, kernel_shape=3, stride=2, padding="same"), "padding", "stride 1"),
        (dict(input_shape=(), kernel_shape=3), "input_shape", "dimension"),
    ],
)
def test_invalid_values_name_the_parameter(kwargs, parameter, words):
    with pytest.raises(SpecError) as info:
        ConvSpec(**kwargs)
    message = str(info.value)
    assert message.startswith(parameter + ":") and words in message and "\n" not in message
    assert isinstance(info.value, ValueError)


def test_valid_is_zero_padding():
    assert ConvSpec((5, 5), 3, padding="valid") == ConvSpec((5, 5), 3, padding=0)


@pytest.mark.parametrize("q, d, before, after", [(3, 1, 1, 1), (4, 1, 1, 2), (2, 1, 0, 1), (4, 2, 3, 3), (2, 3, 1, 2)])
def test_same_padding_splits_like_pytorch(q, d, before, after):
    spec = ConvSpec(7, q, padding="same", dilation=d)
    assert spec.padding_before == (before,) and spec.padding_after == (after,)
    assert spec.out_shape == (7,)


@given(conv_specs())
def test_out_shape_is_the_formula(spec):
    for h, q, s, b, a, d, w in zip(
        spec.input_shape,
        spec.kernel_shape,
        spec.stride,
        spec.padding_before,
        spec.padding_after,
        spec.dilation,
        spec.out_shape,
    ):
        assert w == (h + b + a - d * (q - 1) - 1) // s + 1
        assert w == conv_output_size(h, q, s, (b, a), d) >= 1


@given(st.integers(1, 30), st.integers(1, 6), st.integers(1, 4), st.integers(0, 3), st.integers(1, 3))
def test_symbolic_size_formula_agrees_with_integers(h, q, s, p, d):
    H, Q, S, P, D = sympy.symbols("h q s p d", integer=True, positive=True)
    formula = conv_output_size(H, Q, S, P, D)
    if d * (q - 1) + 1 > h + 2 * p:
        with pytest.raises(SpecError):
            conv_output_size(h, q, s, p, d)
        return
    assert formula.subs({H: h, Q: q, S: s, P: p, D: d}) == conv_output_size(h, q, s, p, d)


def test_latex_and_text():
    spec = ConvSpec((4, 4), (3, 3))
    assert (
        str(spec)
        == repr(spec)
        == ("ConvSpec(input_shape=(4, 4), kernel_shape=(3, 3), stride=(1, 1), padding=(0, 0), dilation=(1, 1))")
    )
    assert sympy.latex(spec) == (
        r"\operatorname{conv}\left(h = 4 \times 4,\ q = 3 \times 3,\ s = 1,\ p = 0,\ "
        r"d = 1\right)\colon 4 \times 4 \to 2 \times 2"
    )
    assert spec._repr_latex_().startswith("$\\displaystyle \\operatorname{conv}")


def test_both_specs_share_one_base():
    """Validation, channels, shapes and printing are written once, in SpecBase."""
    for name in ("ndim", "has_channels", "padding_before", "padding_after", "__repr__", "_latex", "_initialise"):
        assert name in vars(SpecBase) and name not in vars(ConvSpec) and name not in vars(TransposedConvSpec)
    assert isinstance(ConvSpec(4, 3), SpecBase) and isinstance(TransposedConvSpec(2, 3), SpecBase)
    with pytest.raises(TypeError):
        SpecBase()  # abstract: out_shape and weight_shape belong to the two kinds


@pytest.mark.parametrize("padding, stored", [(1, (1,)), ([2], (2,)), ([(1, 1)], (1,)), (np.int64(0), (0,))])
def test_padding_has_one_normal_form_in_both(padding, stored):
    assert ConvSpec(6, 3, padding=padding).padding == TransposedConvSpec(6, 3, padding=padding).padding == stored
    t = TransposedConvSpec(6, 3, padding=padding)
    assert t.forward().padding == t.padding and (t.padding_before, t.padding_after) == (stored, stored)


def test_transposed_padding_refuses_what_pytorch_cannot_crop():
    assert ConvSpec(6, 3, padding=[(0, 1)]).padding == ((0, 1),)
    with pytest.raises(SpecError, match="^padding: a transposed convolution crops equally at both ends"):
        TransposedConvSpec(6, 3, padding=[(0, 1)])
    with pytest.raises(SpecError, match="^padding: .*transposed convolution, got 'same'"):
        TransposedConvSpec(6, 3, padding="same")


def test_repr_follows_the_constructor_and_round_trips():
    t = TransposedConvSpec((2, 3), 3, stride=2, padding=1, output_padding=(1, 0), in_channels=2, out_channels=4)
    assert repr(t).startswith(
        "TransposedConvSpec(input_shape=(2, 3), kernel_shape=(3, 3), stride=(2, 2), padding=(1, 1)"
    )
    assert eval(repr(t)) == t and eval(repr(t.forward())) == t.forward()
