"""What the commands share: the spec options, parsing their values, and showing results.

Values are parsed into the library's parameters (``"4x4"`` -> ``input_shape=(4, 4)``); bad
values raise :class:`~symconv.SpecError` naming the parameter, like the library's own errors,
and :data:`OPTIONS` turns parameter names into option names when the CLI reports them.
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

import sympy

from ..errors import SpecError
from ..indexmap import index_map_work
from ..limits import LIMIT_RANGE, check_work
from ..parameters import shown
from ..printing.matrices import SlideMatrix, check_printable, matrix_json
from ..printing.printer import latex
from ..specs import ConvSpec, TransposedConvSpec
from ..symbols import input_symbols, kernel_symbols, validate_name

__all__ = [
    "OPTIONS",
    "UsageError",
    "add_spec_options",
    "add_output_options",
    "add_limit_option",
    "limit_option",
    "RANGES",
    "integer",
    "optional_integer",
    "spec_arguments",
    "conv_spec",
    "transposed_spec",
    "kernel_option",
    "input_option",
    "zero_option",
    "sizes",
    "size_values",
    "show",
    "check_output",
    "print_matrix",
]

#: Library parameter names -> the CLI options that set them (a command adds its own).
OPTIONS = {
    "input_shape": "--input",
    "kernel_shape": "--kernel",
    "stride": "--stride",
    "padding": "--padding",
    "dilation": "--dilation",
    "output_padding": "--output-padding",
    "kernel": "--kernel",
    "name": "--name",
    "input_name": "--input-name",
    "max_nonzeros": "--max-nonzeros",
    "in_channels": "--in-channels",
    "out_channels": "--out-channels",
    "groups": "--groups",
    "transposed": "--transposed",
    "zero": "--zero",
    "full": "--full",
}


class UsageError(Exception):
    """Bad usage of the options, reported in one line with exit status 2 (as argparse's own errors)."""


#: The range of every number the CLI reads, by the library parameter it sets (inclusive).
RANGES: dict[str, tuple[int, int]] = {
    "input_shape": (1, 10**9),
    "kernel_shape": (1, 10**9),
    "stride": (1, 10**9),
    "dilation": (1, 10**9),
    "padding": (0, 10**9),
    "output_padding": (0, 10**9),
    "in_channels": (1, 10**6),
    "out_channels": (1, 10**6),
    "groups": (1, 10**6),
    "max_nonzeros": LIMIT_RANGE,
    "factor": (1, 10**6),
    "position": (0, 10**9),
    "seed": (0, 2**32 - 1),
}

_INTEGER = re.compile(r"-?[0-9]{1,40}\Z")


def integer(text: str, parameter: str) -> int:
    """An ASCII decimal integer within ``RANGES[parameter]``; anything else (``1e6``, ``1_000``,
    ``٣``, ``１２``, 5,000 digits) is a :class:`~symconv.SpecError` naming the parameter."""
    low, high = RANGES[parameter]
    if not _INTEGER.match(text):
        raise SpecError(parameter, f"must be an integer from {low:,} to {high:,} (ASCII digits), got {shown(text)}")
    value = int(text)
    if value < low:
        rule = "positive" if low == 1 else "non-negative" if low == 0 else f"at least {low:,}"
        raise SpecError(parameter, f"must be {rule}, got {value}")
    if value > high:
        raise SpecError(parameter, f"must be at most {high:,}, got {shown(value)}")
    return value


def sizes(text: str, parameter: str) -> tuple[int, ...]:
    """``"4x4"`` -> ``(4, 4)``; ``"4"`` -> ``(4,)``: ASCII integers in the parameter's range."""
    parts = text.lower().replace("\u00d7", "x").split("x")
    if len(text) > 400 or not all(_INTEGER.match(part) for part in parts):
        raise SpecError(parameter, f"must be integers separated by 'x' (like 4x4), got {shown(text)}")
    return tuple(integer(part, parameter) for part in parts)


def optional_integer(text: str | None, parameter: str) -> int | None:
    """:func:`integer`, with ``None`` (the option not given) kept."""
    return None if text is None else integer(text, parameter)


def _per_dimension(text: str | None, parameter: str) -> Any:
    """An int, or one int per dimension (``2x1``); ``None`` stays ``None``."""
    if text is None:
        return None
    values = sizes(text, parameter)
    return values[0] if len(values) == 1 else values


def _padding(text: str | None) -> Any:
    """An int, ``2x1`` per dimension, or ``same`` / ``valid``."""
    if text is None:
        return 0
    if text.lower() in ("same", "valid"):
        return text.lower()
    return _per_dimension(text, "padding")


def add_spec_options(
    parser: argparse.ArgumentParser, *, transposed: bool = False, name: bool = True, input_name: bool = True
) -> None:
    """The options that describe a convolution; ``name`` and ``input_name``: whether the command
    uses the kernel's and the input's symbols (an option a command does not use is not offered)."""
    parser.add_argument("--input", required=True, metavar="HxW", help="input size, e.g. 4x4 (one number per dimension)")
    parser.add_argument("--kernel", required=True, metavar="QxQ", help="kernel size, e.g. 3x3")
    parser.add_argument("--stride", metavar="S", help="stride (default 1), one value or one per dimension (2x1)")
    parser.add_argument("--padding", metavar="P", help="padding (default 0): a number, 1x0, 'same' or 'valid'")
    parser.add_argument("--dilation", metavar="D", help="dilation (default 1)")
    if transposed:
        parser.add_argument("--output-padding", metavar="A", help="output padding (default 0)")
    else:  # the layer's block matrix (PyTorch's rules: both channel counts divisible by the groups)
        parser.add_argument("--in-channels", metavar="C", help="input channels (default 1)")
        parser.add_argument("--out-channels", metavar="C", help="output channels (default 1)")
        parser.add_argument("--groups", metavar="G", help="groups (default 1)")
    add_limit_option(parser)
    if name:
        parser.add_argument(
            "--name",
            default=None,
            metavar="NAME",
            help="the kernel's symbol (default W; letters and digits, or a Greek letter)",
        )
    if input_name:
        parser.add_argument("--input-name", default=None, metavar="NAME", help="the input's symbol (default X, Y)")


def add_limit_option(parser: argparse.ArgumentParser) -> None:
    """``--max-nonzeros N``: the limit of the cost model."""
    low, high = LIMIT_RANGE
    parser.add_argument(
        "--max-nonzeros",
        metavar="N",
        help=f"refuse requests whose work exceeds N units, one per non-zero (default 1,000,000 or "
        f"$SYMCONV_MAX_NONZEROS; {low} to {high:,})",
    )


def limit_option(args: argparse.Namespace) -> int | None:
    """``--max-nonzeros`` parsed (``None``: the library's default, ``SYMCONV_MAX_NONZEROS`` or 1,000,000)."""
    return optional_integer(getattr(args, "max_nonzeros", None), "max_nonzeros")


def add_output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...] = ("text", "latex")) -> None:
    """``--format``, ``--zero`` and ``--full``."""
    parser.add_argument("--format", choices=formats, default="text")
    parser.add_argument("--zero", choices=("0", "cdot"), default="0", help="how zero cells print")
    parser.add_argument(
        "--full", action="store_true", help="every cell of a matrix beyond 16 rows or columns (else its structure)"
    )


def spec_arguments(args: argparse.Namespace, *, transposed: bool = False) -> dict[str, Any]:
    """Keyword arguments for ``ConvSpec`` (or ``TransposedConvSpec``) from the options a command has."""
    result: dict[str, Any] = {
        "input_shape": sizes(args.input, "input_shape"),
        "kernel_shape": sizes(args.kernel, "kernel_shape"),
        "padding": _padding(args.padding),
    }
    names = ("stride", "dilation", "output_padding") if transposed else ("stride", "dilation")
    for name in names:
        value = _per_dimension(getattr(args, name, None), name)
        if value is not None:
            result[name] = value
    for name in ("in_channels", "out_channels", "groups"):
        value = optional_integer(getattr(args, name, None), name)
        if value is not None:
            result[name] = value
    return result


def conv_spec(args: argparse.Namespace) -> ConvSpec:
    """The convolution of the options, refused at once when its index map is too large to build."""
    spec = ConvSpec(**spec_arguments(args))
    check_work("the matrix", index_map_work(spec), limit_option(args))
    return spec


def transposed_spec(args: argparse.Namespace) -> TransposedConvSpec:
    """The transposed convolution of the options, refused at once when it is too large to build."""
    tspec = TransposedConvSpec(**spec_arguments(args, transposed=True))
    check_work("the matrix", index_map_work(tspec.forward()), limit_option(args))
    return tspec


def kernel_option(args: argparse.Namespace, spec: ConvSpec | TransposedConvSpec) -> Any:
    """The kernel's symbols under ``--name`` (``None``: the library's default ``W``)."""
    if args.name is None:
        return None
    channels = spec.weight_shape[:2] if spec.has_channels else None
    return kernel_symbols(spec.kernel_shape, args.name, channels=channels, max_nonzeros=limit_option(args))


def input_option(args: argparse.Namespace, shape: tuple[int, ...], default: str) -> Any:
    """The input's symbols under ``--input-name`` (else ``default``)."""
    name = validate_name(args.input_name, "input_name") if args.input_name else default
    return input_symbols(shape, name, max_nonzeros=limit_option(args))


def zero_option(args: argparse.Namespace) -> str:
    """``--zero cdot`` is the library's ``zero=r"\\cdot"``."""
    return r"\cdot" if args.zero == "cdot" else "0"


#: The assumptions of the size parameters' symbols (``--input h``): sizes positive, paddings not negative.
_ASSUMPTIONS = {"padding": {"nonnegative": True}, "output_padding": {"nonnegative": True}}
#: Words that name something else than a symbol where a size is expected.
_RESERVED = {"same", "valid"}


def size_values(text: str | None, parameter: str) -> list[Any] | None:
    """Per-dimension values that may be symbols: ``4x5``, ``h``, ``hxw`` (symbols ``h`` and ``w``).

    A text that does not split into non-empty parts (``x``, ``max``, ``xi``) is one name;
    names are validated. Numbers are ASCII integers in the parameter's range, symbols have
    the parameter's sign (sizes positive, paddings non-negative). ``None`` stays ``None``.
    """
    if text is None:
        return None
    if len(text) > 400:
        raise SpecError(parameter, f"must be integers or symbol names like h, got {shown(text)}")
    parts = [part.strip() for part in text.replace("\u00d7", "x").split("x")]
    if len(parts) == 1 or not all(parts):
        parts = [text.strip()]
    assumptions = _ASSUMPTIONS.get(parameter, {"positive": True})
    values: list[Any] = []
    for part in parts:
        if _INTEGER.match(part):
            values.append(integer(part, parameter))
        elif part.lower() in _RESERVED:
            raise SpecError(parameter, f"{part!r} is a padding mode, not a size: symconv size takes numbers or symbols")
        elif part[:1].isascii() and part[:1].isalpha():
            values.append(sympy.Symbol(validate_name(part, parameter), integer=True, **assumptions))
        else:
            raise SpecError(parameter, f"must be an integer or a symbol name like h, got {shown(text)}")
    return values


def show(obj: Any, form: str, **settings: Any) -> str:
    """``obj`` as ``--format`` asks: LaTeX (the seminar's printer) or text (SymPy's ``sstr``)."""
    return latex(obj, **settings) if form == "latex" else sympy.sstr(obj, **settings)


def check_output(args: argparse.Namespace, shape: tuple[int, int], entries: int) -> None:
    """Refuse, before the matrix is built, what ``--format`` could not print: more cells than a
    slide-style matrix prints, or a JSON of more entries than the limit allows."""
    if args.format == "json":
        check_work("the JSON", {"JSON entries": entries}, limit_option(args))
    else:
        check_printable(shape, bool(getattr(args, "full", False)))


def print_matrix(matrix: Any, spec: ConvSpec, args: argparse.Namespace) -> None:
    """Print a matrix of ``spec`` as ``--format`` asks: slide-style text or LaTeX, or JSON of its non-zeros."""
    if args.format == "json":
        print(json.dumps(matrix_json(matrix, spec)))
    else:
        print(show(SlideMatrix.of_layer(matrix, spec, zero_option(args), args.full), args.format))
