import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symconv import ConvSpec, SpecError, conv_matrix, conv_output_size, transposed_conv_matrix, transposed_output_size
from symconv.receptive import ReceptiveField, receptive_field
from symconv.strategies import conv_specs, transposed_specs

h, q, s, p, d, a = sympy.symbols("h q s p d a", integer=True, positive=True)


def test_symbolic_formulas():
    assert conv_output_size(h, q, s, p, d) == sympy.floor((h + 2 * p - d * (q - 1) - 1) / s) + 1
    assert transposed_output_size(h, q, s, p, d, a) == (h - 1) * s - 2 * p + d * (q - 1) + a + 1
    assert sympy.expand(transposed_output_size(h, q, s, p) - ((h - 1) * s - 2 * p + q)) == 0


def test_ints_give_ints():
    assert conv_output_size(4, 3) == 2 and type(conv_output_size(4, 3)) is int
    assert transposed_output_size(2, 3, 2, 1) == 3 and type(transposed_output_size(2, 3, 2, 1)) is int


@pytest.mark.parametrize(
    "args, parameter",
    [
        ((0, 3), "input_shape"),
        ((4, 0), "kernel_shape"),
        ((4, 3, 0), "stride"),
        ((4, 3, 1, -1), "padding"),
        ((4, 3, 1, 0, 0), "dilation"),
        ((4, 5), "kernel_shape"),
        ((4.5, 3), "input_shape"),
        ((4, 3, 1.0), "stride"),
    ],
)
def test_conv_size_errors(args, parameter):
    with pytest.raises(SpecError) as info:
        conv_output_size(*args)
    assert str(info.value).startswith(parameter + ":")


@pytest.mark.parametrize(
    "args, parameter",
    [
        ((4, 3, 2, 0, 1, 2), "output_padding"),
        ((1, 1, 1, 1), "padding"),
        ((4, 3, 1, 0, 1, -1), "output_padding"),
        ((4, 3, 0), "stride"),
    ],
)
def test_transposed_size_errors(args, parameter):
    with pytest.raises(SpecError) as info:
        transposed_output_size(*args)
    assert str(info.value).startswith(parameter + ":")


@given(conv_specs())
def test_spec_and_matrix_shapes_use_the_formula(spec):
    C = conv_matrix(spec)
    assert C.shape == (int(np.prod(spec.out_shape)), int(np.prod(spec.input_shape)))


@given(transposed_specs())
def test_transposed_shapes(tspec):
    assert transposed_conv_matrix(tspec).shape == (int(np.prod(tspec.out_shape)), int(np.prod(tspec.input_shape)))
    for n in range(tspec.ndim):
        assert tspec.out_shape[n] == transposed_output_size(
            tspec.input_shape[n],
            tspec.kernel_shape[n],
            tspec.stride[n],
            tspec.padding[n],
            tspec.dilation[n],
            tspec.output_padding[n],
        )


@given(st.integers(1, 30), st.integers(1, 6), st.integers(1, 5), st.integers(0, 4), st.integers(1, 4))
def test_inverse_and_ambiguity_on_integers(h_, q_, s_, p_, d_):
    if d_ * (q_ - 1) + 1 > h_ + 2 * p_:
        return
    o_ = conv_output_size(h_, q_, s_, p_, d_)
    a_ = (h_ + 2 * p_ - d_ * (q_ - 1) - 1) % s_
    assert transposed_output_size(o_, q_, s_, p_, d_, a_) == h_
    for a2 in range(s_):
        w_ = (o_ - 1) * s_ - 2 * p_ + d_ * (q_ - 1) + a2 + 1
        if w_ >= 1:
            assert conv_output_size(w_, q_, s_, p_, d_) == o_


def test_receptive_field():
    layers = [ConvSpec(32, 3, padding=1), ConvSpec(32, 3, stride=2, padding=1), ConvSpec(16, 3, dilation=2)]
    assert receptive_field(layers) == (ReceptiveField(size=13, jump=2, start=-2),)
    with pytest.raises(SpecError, match="layer 1 has input"):
        receptive_field([ConvSpec(32, 3), ConvSpec(32, 3)])
    with pytest.raises(SpecError, match="at least one"):
        receptive_field([])


def test_conv_arithmetic_table():
    from symconv import latex
    from symconv.derivations.conv_arithmetic import relationships, table

    rows = relationships()
    assert [r.number for r in rows] == list(range(1, 16))
    text = latex(table())
    assert text.startswith("\\begin{tabular}{rlll}") and text.count("\\\\") == 16
    assert (
        "14 & transposed, general: $a = (i + 2p - k) \\bmod s$ & $o' = s \\left(i' - 1\\right) + a + k - 2 p$ & "
        "$w = \\left(h - 1\\right) s - 2 p + q + a$" in text
    )


_CONV_SIZES = st.tuples(st.integers(1, 64), st.integers(1, 7), st.integers(1, 5), st.integers(0, 4), st.integers(1, 4))


def _conv_size_matches_torch(torch, values):
    h_, q_, s_, p_, d_ = values
    x = torch.zeros(1, 1, h_)
    weight = torch.zeros(1, 1, q_)
    if d_ * (q_ - 1) + 1 > h_ + 2 * p_:
        with pytest.raises(SpecError):
            conv_output_size(h_, q_, s_, p_, d_)
        with pytest.raises(RuntimeError):
            torch.nn.functional.conv1d(x, weight, stride=s_, padding=p_, dilation=d_)
        return
    out = torch.nn.functional.conv1d(x, weight, stride=s_, padding=p_, dilation=d_)
    assert out.shape[-1] == conv_output_size(h_, q_, s_, p_, d_)


@settings(max_examples=400)
@given(_CONV_SIZES)
def test_conv_size_agrees_with_torch(torch, values):
    _conv_size_matches_torch(torch, values)


@pytest.mark.slow
@settings(max_examples=5000)
@given(_CONV_SIZES)
def test_conv_size_agrees_with_torch_sweep(torch, values):
    _conv_size_matches_torch(torch, values)


@settings(max_examples=2000)
@given(
    st.tuples(
        st.integers(1, 40),
        st.integers(1, 7),
        st.integers(1, 5),
        st.integers(0, 4),
        st.integers(1, 4),
        st.integers(0, 4),
    )
)
def test_transposed_size_agrees_with_torch(torch, values):
    h_, q_, s_, p_, d_, a_ = values
    x = torch.zeros(
        1,
        1,
        h_,
    )
    weight = torch.zeros(
        1,
        1,
        q_,
    )
    try:
        expected = torch.nn.functional.conv_transpose1d(
            x, weight, stride=s_, padding=p_, output_padding=a_, dilation=d_
        ).shape[-1]
    except RuntimeError:
        with pytest.raises(SpecError):
            transposed_output_size(h_, q_, s_, p_, d_, a_)
        return
    if expected < 1:  # torch may build an empty output; symconv refuses it
        with pytest.raises(SpecError):
            transposed_output_size(h_, q_, s_, p_, d_, a_)
        return
    assert transposed_output_size(h_, q_, s_, p_, d_, a_) == expected


def test_output_sizes_per_dimension():
    from symconv.sizes import output_sizes

    result = output_sizes((5, 7), 3, padding=(1, 0))
    assert result.sizes == (5, 5) and sympy.sstr(result) == "5x5"
    assert [dict(values) for values in result.dimensions] == [
        {"h": 5, "q": 3, "s": 1, "p": 1, "d": 1},
        {"h": 7, "q": 3, "s": 1, "p": 0, "d": 1},
    ]
    w = sympy.Symbol("w", integer=True, positive=True)
    symbolic = output_sizes((h, w), q, s, transposed=True)
    assert symbolic.sizes[1] == transposed_output_size(w, q, s) and symbolic.dimensions[0]["a"] == 0
    assert sympy.sstr(symbolic).splitlines()[0] == "w0 = " + sympy.sstr(transposed_output_size(h, q, s))
    with pytest.raises(SpecError, match=r"^stride: has 3 values but the input has 2 dimensions"):
        output_sizes((4, 4), 3, (1, 1, 1))
    with pytest.raises(SpecError, match=r"^output_padding: is only for a transposed convolution \(set transposed\)"):
        output_sizes(4, 3, output_padding=1)
    with pytest.raises(SpecError, match="^kernel_shape: the dilated kernel"):
        output_sizes(4, 9)
