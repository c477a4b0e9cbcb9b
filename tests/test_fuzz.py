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


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
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
test_cli_bad_input_classes = _cli(40)
test_cli_bad_input_classes_slow = pytest.mark.slow(_cli(1200))


# The classes of issue 16: integers of every kind, huge values, bad numbers on the command line,
# the environment variable, options a command does not use, symbolic sizes, long echoed inputs.
INTEGER_KINDS = [int, np.int32, np.int64, np.uint16, sympy.Integer]
SEQUENCE_KINDS = [tuple, list, np.array, sympy.Array, lambda values: sympy.Tuple(*values)]
NOT_INTEGERS = [True, np.bool_(False), 2.0, np.float64(3), sympy.Float(2), sympy.Rational(1, 2), "2", None, 1j]


def integer_kinds_case(data):
    """A valid spec given with integers (and sequences) of any kind equals the one of Python ints."""
    cls = data.draw(st.sampled_from([symconv.ConvSpec, symconv.TransposedConvSpec]))
    kind = data.draw(st.sampled_from(INTEGER_KINDS))
    seq = data.draw(st.sampled_from(SEQUENCE_KINDS))
    shape = [data.draw(st.integers(3, 6)) for _ in range(data.draw(st.integers(1, 3)))]
    kernel = [data.draw(st.integers(1, 3)) for _ in shape]
    stride = data.draw(st.integers(1, 3))
    expected = cls(shape, kernel, stride=stride)
    got = cls(seq([kind(v) for v in shape]), seq([kind(v) for v in kernel]), stride=kind(stride))
    assert got == expected and all(type(v) is int for v in got.input_shape + got.stride)
    h, q = shape[0], kernel[0]
    assert symconv.conv_output_size(kind(h), kind(q), kind(stride)) == symconv.conv_output_size(h, q, stride)
    assert symconv.bilinear_kernel(kind(2), kind(1)) == symconv.bilinear_kernel(2, 1)
    CLASSES["library integer kinds"] += 1


def not_integer_case(data):
    """Bools, floats and non-integral values are refused, naming the parameter."""
    name = data.draw(st.sampled_from(["input_shape", "kernel_shape", "stride", "padding", "dilation"]))
    value = data.draw(st.sampled_from(NOT_INTEGERS))
    kwargs = {"input_shape": (5, 5), "kernel_shape": 3, "stride": 1, "padding": 0, "dilation": 1}
    kwargs[name] = data.draw(st.sampled_from([value, (value, 1), [1, value]]))
    with pytest.raises((SpecError, TypeError)) as info:
        symconv.ConvSpec(**kwargs)
    assert str(info.value).startswith(name + ":"), (kwargs, str(info.value))
    CLASSES["library not an integer"] += 1


def huge_value_case(data):
    """Huge values in any parameter give SpecError or TooLargeError (never a NumPy or SymPy error)."""
    value = data.draw(st.sampled_from([1, -1])) * 10 ** data.draw(st.integers(18, 160))
    name = data.draw(st.sampled_from(["input_shape", "kernel_shape", "stride", "padding", "dilation"]))
    kwargs = {"input_shape": 2, "kernel_shape": 1, "stride": 1, "padding": 0, "dilation": 1, name: value}
    if name == "kernel_shape":
        kwargs["padding"] = abs(value)
    function = data.draw(
        st.sampled_from(
            [
                lambda s: symconv.conv_matrix(symconv.ConvSpec(**s)),
                lambda s: symconv.nonzero_count(symconv.ConvSpec(**s)),
                lambda s: symconv.sliding_window(symconv.ConvSpec(**s), [1, 2]),
                lambda s: symconv.conv_transpose(symconv.TransposedConvSpec(**s), [1, 2]),
                lambda s: symconv.overlap_counts(symconv.TransposedConvSpec(**s)),
                lambda s: symconv.subpixel_kernels(symconv.TransposedConvSpec(**s)),
                lambda s: symconv.conv_output_size(s["input_shape"], s["kernel_shape"], s["stride"], s["padding"]),
                lambda s: symconv.stride_selection(s["input_shape"], s["stride"]),
                lambda s: symconv.bilinear_kernel(s["stride"], s["dilation"]),
            ]
        )
    )
    try:
        function(kwargs)
        CLASSES["library huge value ok"] += 1
    except (SpecError, TypeError) as error:
        assert "\n" not in str(error) and len(str(error)) < 400, str(error)
        CLASSES["library huge value refused"] += 1


def limit_value_case(data):
    """max_nonzeros of a wrong kind or below 1 is a SpecError naming max_nonzeros."""
    value = data.draw(st.sampled_from([0, -1, float("nan"), 1.5, 1e6, "10", sympy.Symbol("h"), True, None, 10]))
    try:
        symconv.conv_matrix(symconv.ConvSpec(12, 2), max_nonzeros=value)
        assert value is None
        CLASSES["library limit ok"] += 1
    except symconv.TooLargeError:
        assert value == 10
        CLASSES["library limit too small"] += 1
    except SpecError as error:
        assert error.parameter == "max_nonzeros", error
        CLASSES["library limit refused"] += 1


def symbolic_size_case(data):
    """The size formulas refuse what SymPy can decide is invalid, naming the parameter."""
    s = sympy.Symbol("s", integer=True, positive=True)
    h = sympy.Symbol("h", integer=True, positive=True)
    name, arguments = data.draw(
        st.sampled_from(
            [
                ("stride", dict(s=0)),
                ("stride", dict(s=-s)),
                ("padding", dict(p=-1)),
                ("dilation", dict(d=1 - s)),
                ("kernel_shape", dict(q=0)),
                ("input_shape", dict(h=-h)),
                ("output_padding", dict(a=5)),
            ]
        )
    )
    transposed = name == "output_padding" or data.draw(st.booleans())
    function = symconv.transposed_output_size if transposed else symconv.conv_output_size
    if name == "output_padding" and not transposed:
        return
    values = {"h": h, "q": 3, **arguments}
    with pytest.raises(SpecError) as info:
        function(**values)
    assert info.value.parameter == name, (values, str(info.value))
    CLASSES["library symbolic size"] += 1


LIBRARY_ISSUE_16 = [integer_kinds_case, not_integer_case, huge_value_case, limit_value_case, symbolic_size_case]

NUMBER_OPTIONS = {
    "matrix": ["--input", "--kernel", "--stride", "--padding", "--dilation", "--in-channels", "--max-nonzeros"],
    "steps": ["--output-padding"],
    "latex": ["--position", "--factor"],
    "prove": ["--seed"],
}
BAD_NUMBERS = ["\u0663", "\uff11\uff12", "\u00b2", "1e6", "1_000", "", " 4", "0x10", "9" * 5000, str(2**63), "4.0"]


def cli_number_case(capsys, data):
    """Numbers are ASCII decimal integers within a stated range; anything else names the option."""
    command = data.draw(st.sampled_from(sorted(NUMBER_OPTIONS)))
    option = data.draw(st.sampled_from(NUMBER_OPTIONS[command]))
    value = data.draw(st.sampled_from(BAD_NUMBERS))
    base = {
        "matrix": ["matrix", "--input", "4", "--kernel", "3"],
        "steps": ["steps", "--input", "3", "--kernel", "3", "--stride", "2"],
        "latex": ["latex", "figure" if option == "--position" else "bilinear"],
        "prove": ["prove", "seminar-4x4"],
    }[command]
    argv = list(base)
    if option in argv:  # replaced by the bad value below
        index = argv.index(option)
        del argv[index : index + 2]
    status = main([*argv, option, value])
    err = capsys.readouterr().err
    assert status == 2 and len(err.splitlines()) == 1 and option in err and len(err) < 400, (argv, option, err)
    CLASSES["cli bad number"] += 1


def cli_environment_case(capsys, monkeypatch, data):
    value = data.draw(st.sampled_from(["garbage", "-1", "0", "", "1e6", "1_000", "\u0663", "9" * 5000]))
    monkeypatch.setenv("SYMCONV_MAX_NONZEROS", value)
    status = main(["matrix", "--input", "4", "--kernel", "3"])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("symconv: SYMCONV_MAX_NONZEROS: ") and len(err) < 400, err
    CLASSES["cli environment variable"] += 1


UNUSED = [
    (["matrix", "--input", "4", "--kernel", "3", "--input-name", "Z"], "--input-name"),
    (["im2col", "--input", "4", "--kernel", "3", "--name", "V"], "--name"),
    (["latex", "matrix", "--factor", "3"], "--factor"),
    (["latex", "bilinear", "--input", "4x4"], "--input"),
    (["latex", "size", "--position", "1"], "--position"),
    (["latex", "im2col", "--transposed"], "--transposed"),
    (["latex", "size", "--max-nonzeros", "10"], "--max-nonzeros"),
    (["latex", "figure", "--zero", "cdot"], "--zero"),
    (["notes", "-o", "unused", "--keep-build"], "--keep-build"),
    (["size", "--input", "4", "--kernel", "3", "--padding", "same"], "--padding"),
    (["size", "--input", "4", "--kernel", "3", "--stride", "0"], "--stride"),
    (["size", "--input", "\u00b2", "--kernel", "3"], "--input"),
    (["size", "--input", "4", "--kernel", "3", "--output-padding", "5", "--transposed"], "--output-padding"),
]


def cli_unused_case(capsys, data):
    """Options a command does not use are refused (or not offered), and size checks its symbols."""
    argv, option = data.draw(st.sampled_from(UNUSED))
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2 and len(err.splitlines()) == 1 and option in err, (argv, err)
    CLASSES["cli unused option or bad size"] += 1


def cli_long_echo_case(capsys, data):
    """A 10,000-character value is echoed in at most about 60 characters."""
    option = data.draw(st.sampled_from(["--input", "--stride", "--padding", "--name", "--max-nonzeros"]))
    value = data.draw(st.sampled_from(["4" * 10_000, "x" * 10_000, "\u00e9" * 10_000, "1x" * 5_000]))
    argv = ["matrix", "--input", "4", "--kernel", "3"]
    if option == "--input":
        argv = ["matrix", "--kernel", "3"]
    status = main([*argv, option, value])
    err = capsys.readouterr().err
    assert status == 2 and len(err) < 300 and option in err, err
    CLASSES["cli long input"] += 1


CLI_ISSUE_16 = [cli_number_case, cli_environment_case, cli_unused_case, cli_long_echo_case]


def _issue_16(examples):
    """One test per class (parametrized), ``examples`` cases each."""
    chosen = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))

    @pytest.mark.parametrize("case", LIBRARY_ISSUE_16, ids=lambda case: case.__name__)
    @chosen
    @given(data=st.data())
    def library(case, data):
        case(data)

    @pytest.mark.parametrize("case", CLI_ISSUE_16, ids=lambda case: case.__name__)
    @chosen
    @given(data=st.data())
    def cli(capsys, monkeypatch, case, data):
        if case is cli_environment_case:
            with monkeypatch.context() as patch:
                case(capsys, patch, data)
        else:
            case(capsys, data)

    return library, cli


test_library_issue_16_classes, test_cli_issue_16_classes = _issue_16(40)
_slow_library, _slow_cli = _issue_16(400)
test_library_issue_16_classes_slow = pytest.mark.slow(_slow_library)
test_cli_issue_16_classes_slow = pytest.mark.slow(_slow_cli)


def test_zz_report_counts():
    """Not a check: prints how many cases of each class the fuzzers produced (see the closing note)."""
    print(dict(CLASSES))
