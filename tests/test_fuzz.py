"""Fuzzing: random values and strings into the public functions and the CLI. Only the documented
errors may come out (``SpecError``, a ``ValueError``, or ``TypeError`` from the library; exit status
2 and one line from the CLI), never another exception, a traceback or a hang."""

from collections import Counter

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symconv
from symconv import SpecError
from symconv.cli.main import main

CLASSES: Counter = Counter()

scalars = st.one_of(
    st.integers(-3, 12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.none(),
    st.booleans(),
    st.just(sympy.Symbol("h")),
    st.just(sympy.Rational(1, 2)),
    st.just(np.int64(3)),
    st.just(float("nan")),
    st.just("same"),
    st.just("valid"),
    st.just(r"\input{x}"),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=4),
    st.tuples(scalars, scalars),
    st.lists(st.lists(st.integers(-3, 5), max_size=3), max_size=3),
)


def _classify(error: BaseException) -> str:
    return type(error).__name__


def _call(function, *args, **kwargs):
    try:
        function(*args, **kwargs)
        CLASSES["ok"] += 1
    except (SpecError, TypeError) as error:
        message = str(error)
        assert message and "\n" not in message.strip(), f"{function.__name__}: multi-line message {message!r}"
        CLASSES[_classify(error)] += 1


SPEC_FUNCTIONS = ["conv_matrix", "sliding_window", "im2col", "col2im", "index_map", "nonzero_count", "kernel_row"]
TSPEC_FUNCTIONS = [
    "transposed_conv_matrix",
    "conv_transpose",
    "recipe_stages",
    "overlap_counts",
    "subpixel_kernels",
    "subpixel_conv_transpose",
]
PLAIN_FUNCTIONS = [
    "conv_output_size",
    "transposed_output_size",
    "kernel_symbols",
    "input_symbols",
    "zero_insert",
    "stride_selection",
    "bilinear_kernel",
    "bilinear_interpolate",
    "fcn_bilinear_kernel",
    "fcn_upsampling_spec",
    "bilinear_upsampling_spec",
    "tent",
    "interior_overlap",
    "rotate_kernel",
    "receptive_field",
    "vec",
    "unvec",
    "input_position",
    "ConvSpec",
    "TransposedConvSpec",
]

fast = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@fast
@given(st.sampled_from(PLAIN_FUNCTIONS), st.lists(values, max_size=6))
def test_plain_functions(name, args):
    _call(getattr(symconv, name), *args)


@fast
@given(st.sampled_from(SPEC_FUNCTIONS), values, st.lists(values, max_size=2))
def test_spec_functions_with_garbage_spec(name, spec, args):
    _call(getattr(symconv, name), spec, *args)


@fast
@given(st.sampled_from(SPEC_FUNCTIONS), st.lists(values, max_size=2))
def test_spec_functions_with_valid_spec(name, args):
    _call(getattr(symconv, name), symconv.ConvSpec((4, 4), (3, 3), padding=1), *args)


@fast
@given(
    st.sampled_from(TSPEC_FUNCTIONS),
    st.one_of(values, st.just(symconv.TransposedConvSpec(3, 3, stride=2))),
    st.lists(values, max_size=2),
)
def test_transposed_functions(name, tspec, args):
    _call(getattr(symconv, name), tspec, *args)


OPTIONS = [
    "--input",
    "--kernel",
    "--stride",
    "--padding",
    "--dilation",
    "--format",
    "--output-padding",
    "--zero",
    "--max-nonzeros",
    "--transposed",
    "--explain",
    "--list",
    "--position",
    "--factor",
    "--lang",
    "--only",
]
WORDS = [
    "matrix",
    "im2col",
    "steps",
    "size",
    "latex",
    "prove",
    "notes",
    "all",
    "4x4",
    "3x3",
    "2",
    "0",
    "-1",
    "1.5",
    "h",
    "x",
    "",
    "same",
    "valid",
    "latex",
    "json",
    "text",
    "abc",
    "100000x100000",
    "3x3x3",
    "4",
    "figure",
    "bilinear",
    "transposed",
    "sizes",
    r"\input{x}",
    "9x9",
    "--help-me",
]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(["matrix", "im2col", "steps", "size", "latex", "prove", "bogus", "notes"]),
    st.lists(st.one_of(st.sampled_from(OPTIONS), st.sampled_from(WORDS), st.text(max_size=5)), max_size=8),
)
def test_cli_never_crashes(tmp_path_factory, command, argv):
    if command == "notes":  # keep it cheap: only bad values (a missing -o or a bad option ends early)
        argv = [a for a in argv if a not in ("-o", "--output")]
    if command == "prove" and ("all" in argv or not argv):
        argv = ["nothing"]
    try:
        status = main([command, *argv])
    except SystemExit as exit_:  # --help prints and exits 0
        status = exit_.code
    assert status in (0, 1, 2)
    CLASSES[f"cli exit {status}"] += 1


# Structured fuzzing: a valid request with one parameter replaced by a value of a bad-input class.
BAD = {
    "non-integer": st.one_of(
        st.floats().filter(lambda v: v != int(v) if v == v and abs(v) < 1e300 else True),
        st.text(max_size=4),
        st.none(),
        st.just(sympy.Rational(3, 2)),
        st.just([2.5, 2]),
    ),
    "non-positive": st.integers(-(10**9), 0),
    "negative padding": st.integers(-(10**9), -1),
}
PARAMETERS = {"input_shape": (6, 6), "kernel_shape": (3, 3), "stride": 2, "padding": 1, "dilation": 1}


LIBRARY_CLASSES = st.sampled_from(
    [
        "non-integer",
        "non-positive",
        "negative padding",
        "kernel too large",
        "dimension mismatch",
        "output padding too large",
        "too large",
        "bad name",
    ]
)


def library_bad_input(data, kind, transposed):
    cls = symconv.TransposedConvSpec if transposed else symconv.ConvSpec
    kwargs = dict(PARAMETERS)
    if kind in ("non-integer", "non-positive"):
        name = data.draw(st.sampled_from(["input_shape", "kernel_shape", "stride", "dilation"]))
        kwargs[name] = data.draw(BAD[kind])
    elif kind == "negative padding":
        name = "padding"
        kwargs[name] = data.draw(BAD[kind])
    elif kind == "kernel too large":
        name = "kernel_shape" if not transposed else "padding"
        if transposed:  # a padding that leaves no output
            kwargs[name] = data.draw(st.integers(20, 100))
        else:
            kwargs[name] = (8 + 1 + data.draw(st.integers(0, 5)),) * 2  # larger than 6 + 2*1
    elif kind == "dimension mismatch":
        name = data.draw(st.sampled_from(["kernel_shape", "stride", "padding", "dilation"]))
        kwargs[name] = (1, 1, 1)
    elif kind == "output padding too large":
        if not transposed:
            return
        name = "output_padding"
        kwargs[name] = data.draw(st.integers(2, 9))  # stride 2, dilation 1
    elif kind == "too large":
        name = "input_shape"
        with pytest.raises(symconv.TooLargeError) as info:
            symconv.conv_matrix(symconv.ConvSpec((10**5, 10**5), 3))
        assert "max_nonzeros" in str(info.value) and "--" not in str(info.value)  # the parameter, not the option
        CLASSES[f"library {kind}"] += 1
        return
    else:
        name = "name"
        with pytest.raises(SpecError, match="^name: "):
            symconv.kernel_symbols((2, 2), name=data.draw(st.sampled_from([r"\input{x}", "W_1", "", "W}", "1W"])))
        CLASSES[f"library {kind}"] += 1
        return
    with pytest.raises(SpecError) as info:
        cls(**kwargs)
    message = str(info.value)
    assert message.split(":")[0] == name, (kind, kwargs, message)
    assert "\n" not in message
    CLASSES[f"library {kind}"] += 1


CLI_BAD = {
    "non-integer size": lambda n, t: (["matrix", "--input", f"{n}.5x4", "--kernel", "3x3"], "--input"),
    "non-positive stride": lambda n, t: (
        ["matrix", "--input", "4x4", "--kernel", "3x3", "--stride", f"-{n}"],
        "--stride",
    ),
    "negative padding": lambda n, t: (
        ["im2col", "--input", "4x4", "--kernel", "3x3", "--padding", f"-{n}"],
        "--padding",
    ),
    "kernel too large": lambda n, t: (["matrix", "--input", "4x4", "--kernel", f"{4 + n}x3"], "--kernel"),
    "dimension mismatch": lambda n, t: (
        ["matrix", "--input", "4x4", "--kernel", "3x3", "--stride", "x".join(["1"] * (3 + n % 5))],
        "--stride",
    ),
    "output padding too large": lambda n, t: (
        ["steps", "--input", "3", "--kernel", "3", "--stride", "2", "--output-padding", str(2 + n)],
        "--output-padding",
    ),
    "too large": lambda n, t: (["matrix", "--input", f"{10**5 + n}x{10**5}", "--kernel", "3x3"], "--input"),
    "unknown format": lambda n, t: (["matrix", "--input", "4x4", "--kernel", "3x3", "--format", f"pdf{t}"], "--format"),
    "unknown command": lambda n, t: ([f"frobnicate{t}"], "COMMAND"),
    "unknown derivation": lambda n, t: (["prove", f"no-such-{t}"], "NAME"),
    "bad symbol name": lambda n, t: (["matrix", "--input", "3", "--kernel", "2", "--name", "W{" + t], "--name"),
    "unknown topic": lambda n, t: (["notes", "-o", "/nonexistent-dir-symconv", "--only", f"nothing{t}"], "--only"),
}


def cli_bad_input(capsys, kind, number, text):
    argv, option = CLI_BAD[kind](number, text)
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2 and option in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err, (kind, err)
    CLASSES[f"cli {kind}"] += 1


def _library(examples):
    return settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))(
        given(st.data(), LIBRARY_CLASSES, st.booleans())(library_bad_input)
    )


def _cli(examples):
    strategy = (st.sampled_from(sorted(CLI_BAD)), st.integers(1, 10**6), st.text(alphabet="abcxyz019_-", max_size=6))

    def test(capsys, kind, number, text):
        cli_bad_input(capsys, kind, number, text)

    return settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))(
        given(*strategy)(test)
    )


test_library_bad_input_classes = _library(300)
test_library_bad_input_classes_slow = pytest.mark.slow(_library(2000))
test_cli_bad_input_classes = _cli(150)
test_cli_bad_input_classes_slow = pytest.mark.slow(_cli(1200))


def test_zz_report_counts():
    """Not a check: prints how many cases of each class the fuzzers produced (see the closing note)."""
    print(dict(CLASSES))
