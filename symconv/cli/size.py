"""``symconv size``: the output size per dimension, or its formula when sizes are symbols."""

from __future__ import annotations

import argparse

from ..derivations.sizes import size_derivation
from ..sizes import output_sizes
from .arguments import UsageError, show, size_values

OPTIONS: dict[str, str] = {}

#: The options and the library parameters they set.
PARAMETERS = {
    "input": "input_shape",
    "kernel": "kernel_shape",
    "stride": "stride",
    "padding": "padding",
    "dilation": "dilation",
    "output_padding": "output_padding",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Output size of a convolution (or, with --transposed, of a transposed convolution). "
        "Sizes may be symbols: --input h --kernel q, or one per dimension: --input hxw."
    )
    parser.add_argument("--input", required=True, metavar="H", help="input size: 4, 4x5, or symbols like h or hxw")
    parser.add_argument("--kernel", required=True, metavar="Q", help="kernel size (number or symbol)")
    parser.add_argument("--stride", metavar="S", help="stride (default 1)")
    parser.add_argument("--padding", metavar="P", help="padding (default 0)")
    parser.add_argument("--dilation", metavar="D", help="dilation (default 1)")
    parser.add_argument("--transposed", action="store_true", help="a transposed convolution (PyTorch's rules)")
    parser.add_argument("--output-padding", metavar="A", help="output padding (default 0; with --transposed)")
    parser.add_argument("--explain", action="store_true", help="print the derivation with the values put in")
    parser.add_argument("--format", choices=("text", "latex"), default="text")


def run(args: argparse.Namespace) -> int:
    if args.output_padding is not None and not args.transposed:
        raise UsageError("symconv size: --output-padding: only with --transposed")
    given = {parameter: size_values(getattr(args, option), parameter) for option, parameter in PARAMETERS.items()}
    result = output_sizes(**{k: v for k, v in given.items() if v is not None}, transposed=args.transposed)
    if args.explain:
        for n, values in enumerate(result.dimensions):
            if len(result.dimensions) > 1:
                print(f"dimension {n}:")
            print(show(size_derivation(values, transposed=args.transposed), args.format, order="none"))
    print(show(result, args.format))
    return 0
