"""Parsing the CLI's values: sizes like ``4x4``, per-dimension parameters, padding modes.

Bad values raise :class:`~symconv.SpecError` naming the option, so that the CLI
reports them in one line with exit status 2.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import SpecError

#: Library parameter names -> the CLI options that set them.
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
    "zero": "--zero",
}


def sizes(text: str, option: str) -> tuple[int, ...]:
    """``"4x4"`` -> ``(4, 4)``; ``"4"`` -> ``(4,)``."""
    parts = text.lower().replace("×", "x").split("x")
    try:
        values = tuple(int(part) for part in parts)
    except ValueError:
        raise SpecError(option, f"must be integers separated by 'x' (like 4x4), got {text!r}") from None
    return values


def per_dimension(text: str | None, option: str) -> Any:
    """An int, or one int per dimension (``2x1``); ``None`` stays ``None``."""
    if text is None:
        return None
    values = sizes(text, option)
    return values[0] if len(values) == 1 else values


def padding(text: str | None) -> Any:
    """An int, ``2x1`` per dimension, or ``same`` / ``valid``."""
    if text is None:
        return 0
    if text.lower() in ("same", "valid"):
        return text.lower()
    return per_dimension(text, "--padding")


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


def spec_arguments(args: argparse.Namespace, *, transposed: bool = False) -> dict[str, Any]:
    """Keyword arguments for ``ConvSpec`` (or ``TransposedConvSpec``) from parsed options."""
    result: dict[str, Any] = {
        "input_shape": sizes(args.input, "--input"),
        "kernel_shape": sizes(args.kernel, "--kernel"),
        "padding": padding(args.padding),
    }
    names = ("stride", "dilation", "output_padding") if transposed else ("stride", "dilation")
    for name in names:
        value = per_dimension(getattr(args, name), "--" + name.replace("_", "-"))
        if value is not None:
            result[name] = value
    for name in ("in_channels", "out_channels", "groups"):
        if getattr(args, name, None) is not None:
            result[name] = getattr(args, name)
    return result


def size_values(text: str | None, option: str, default: int, **assumptions: Any) -> list[Any]:
    """Per-dimension values that may be symbols: ``4x5``, ``h``, ``hxw``; validated names only."""
    import sympy

    from ..symbols import validate_name

    if text is None:
        return [default]
    values: list[Any] = []
    for part in text.replace("×", "x").split("x") if not text.isidentifier() else [text]:
        part = part.strip()
        if part.lstrip("-").isdigit():
            values.append(int(part))
        elif part[:1].isalpha():
            values.append(sympy.Symbol(validate_name(part, option), integer=True, **assumptions))
        else:
            raise SpecError(option, f"must be an integer or a symbol name like h, got {text!r}")
    return values
