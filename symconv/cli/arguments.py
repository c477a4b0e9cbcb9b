"""What the commands share: the spec options, parsing their values, and showing results.

Values are parsed into the library's parameters (``"4x4"`` -> ``input_shape=(4, 4)``); bad
values raise :class:`~symconv.SpecError` naming the parameter, like the library's own errors,
and :data:`OPTIONS` turns parameter names into option names when the CLI reports them.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import sympy

from ..errors import SpecError
from ..indexmap import check_size, nonzero_count
from ..printing.matrices import SlideMatrix, matrix_json
from ..printing.printer import latex
from ..specs import ConvSpec, TransposedConvSpec
from ..symbols import input_symbols, kernel_symbols, validate_name

__all__ = [
    "OPTIONS",
    "UsageError",
    "add_spec_options",
    "add_output_options",
    "spec_arguments",
    "conv_spec",
    "transposed_spec",
    "kernel_option",
    "input_option",
    "zero_option",
    "sizes",
    "size_values",
    "show",
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


def sizes(text: str, parameter: str) -> tuple[int, ...]:
    """``"4x4"`` -> ``(4, 4)``; ``"4"`` -> ``(4,)``."""
    parts = text.lower().replace("×", "x").split("x")
    try:
        return tuple(int(part) for part in parts)
    except ValueError:
        raise SpecError(parameter, f"must be integers separated by 'x' (like 4x4), got {text!r}") from None


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


def add_spec_options(parser: argparse.ArgumentParser, *, transposed: bool = False) -> None:
    """The options that describe a convolution."""
    parser.add_argument("--input", required=True, metavar="HxW", help="input size, e.g. 4x4 (one number per dimension)")
    parser.add_argument("--kernel", required=True, metavar="QxQ", help="kernel size, e.g. 3x3")
    parser.add_argument("--stride", metavar="S", help="stride (default 1), one value or one per dimension (2x1)")
    parser.add_argument("--padding", metavar="P", help="padding (default 0): a number, 1x0, 'same' or 'valid'")
    parser.add_argument("--dilation", metavar="D", help="dilation (default 1)")
    if transposed:
        parser.add_argument("--output-padding", metavar="A", help="output padding (default 0)")
    else:  # the layer's block matrix (PyTorch's rules: both channel counts divisible by the groups)
        parser.add_argument("--in-channels", type=int, metavar="C", help="input channels (default 1)")
        parser.add_argument("--out-channels", type=int, metavar="C", help="output channels (default 1)")
        parser.add_argument("--groups", type=int, metavar="G", help="groups (default 1)")
    parser.add_argument(
        "--max-nonzeros", type=int, metavar="N", help="refuse requests with more non-zeros than N (default 1,000,000)"
    )
    parser.add_argument(
        "--name",
        default=None,
        metavar="NAME",
        help="the kernel's symbol (default W; letters and digits, or a Greek letter)",
    )
    parser.add_argument("--input-name", default=None, metavar="NAME", help="the input's symbol (default X, Y)")


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
        if getattr(args, name, None) is not None:
            result[name] = getattr(args, name)
    return result


def conv_spec(args: argparse.Namespace) -> ConvSpec:
    """The convolution of the options, refused at once when it is too large to build."""
    spec = ConvSpec(**spec_arguments(args))
    check_size(nonzero_count(spec), args.max_nonzeros)
    return spec


def transposed_spec(args: argparse.Namespace) -> TransposedConvSpec:
    """The transposed convolution of the options, refused at once when it is too large to build."""
    tspec = TransposedConvSpec(**spec_arguments(args, transposed=True))
    check_size(nonzero_count(tspec.forward()), args.max_nonzeros)
    return tspec


def kernel_option(args: argparse.Namespace, spec: ConvSpec | TransposedConvSpec) -> Any:
    """The kernel's symbols under ``--name`` (``None``: the library's default ``W``)."""
    if args.name is None:
        return None
    channels = spec.weight_shape[:2] if spec.has_channels else None
    return kernel_symbols(spec.kernel_shape, args.name, channels=channels)


def input_option(args: argparse.Namespace, shape: tuple[int, ...], default: str) -> Any:
    """The input's symbols under ``--input-name`` (else ``default``)."""
    return input_symbols(shape, validate_name(args.input_name, "input_name") if args.input_name else default)


def zero_option(args: argparse.Namespace) -> str:
    """``--zero cdot`` is the library's ``zero=r"\\cdot"``."""
    return r"\cdot" if args.zero == "cdot" else "0"


#: The assumptions of the size parameters' symbols (``--input h``): sizes positive, paddings not negative.
_ASSUMPTIONS = {"padding": {"nonnegative": True}, "output_padding": {"nonnegative": True}}


def size_values(text: str | None, parameter: str) -> list[Any] | None:
    """Per-dimension values that may be symbols: ``4x5``, ``h``, ``hxw`` (symbols ``h`` and ``w``).

    A text that does not split into non-empty parts (``x``, ``max``, ``xi``) is one name;
    names are validated. ``None`` stays ``None`` (the library's default).
    """
    if text is None:
        return None
    parts = [part.strip() for part in text.replace("×", "x").split("x")]
    if len(parts) == 1 or not all(parts):
        parts = [text.strip()]
    assumptions = _ASSUMPTIONS.get(parameter, {"positive": True})
    values: list[Any] = []
    for part in parts:
        if part.lstrip("-").isdigit():
            values.append(int(part))
        elif part[:1].isalpha():
            values.append(sympy.Symbol(validate_name(part, parameter), integer=True, **assumptions))
        else:
            raise SpecError(parameter, f"must be an integer or a symbol name like h, got {text!r}")
    return values


def show(obj: Any, form: str, **settings: Any) -> str:
    """``obj`` as ``--format`` asks: LaTeX (the seminar's printer) or text (SymPy's ``sstr``)."""
    return latex(obj, **settings) if form == "latex" else sympy.sstr(obj, **settings)


def print_matrix(matrix: Any, spec: ConvSpec, args: argparse.Namespace) -> None:
    """Print a matrix of ``spec`` as ``--format`` asks: slide-style text or LaTeX, or JSON of its non-zeros."""
    if args.format == "json":
        print(json.dumps(matrix_json(matrix, spec)))
    else:
        print(show(SlideMatrix.of_layer(matrix, spec, zero_option(args), args.full), args.format))
