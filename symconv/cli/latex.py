"""``symconv latex WHAT``: one LaTeX snippet to paste into your own notes."""

from __future__ import annotations

import argparse

from ..snippets import SNIPPETS, latex_snippet, standalone
from .arguments import sizes, spec_arguments, zero_option

OPTIONS = {"what": "WHAT", "position": "--position", "factor": "--factor"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "One LaTeX snippet for the given spec: matrix, im2col, transposed "
        "(the recipe's stages), figure (TikZ), size (a derivation), bilinear."
    )
    parser.add_argument("what", choices=tuple(SNIPPETS), metavar="WHAT", help=", ".join(SNIPPETS))
    parser.add_argument("--input", default="4x4", metavar="HxW")
    parser.add_argument("--kernel", default="3x3", metavar="QxQ")
    parser.add_argument("--stride", metavar="S")
    parser.add_argument("--padding", metavar="P")
    parser.add_argument("--dilation", metavar="D")
    parser.add_argument("--output-padding", metavar="A", help="for 'transposed' and 'figure --transposed'")
    parser.add_argument("--transposed", action="store_true", help="figure, size: of the transposed convolution")
    parser.add_argument("--position", metavar="RxC", help="figure: the output position whose window is drawn")
    parser.add_argument("--factor", type=int, default=2, help="bilinear: the upsampling factor")
    parser.add_argument("--zero", choices=("0", "cdot"), default="0", help="how zero cells print")
    parser.add_argument("--max-nonzeros", type=int, metavar="N")
    parser.add_argument("--standalone", action="store_true", help="a complete document that compiles as it is")


def run(args: argparse.Namespace) -> int:
    text = latex_snippet(
        args.what,
        **spec_arguments(args, transposed=True),
        transposed=args.transposed,
        position=sizes(args.position, "position") if args.position else None,
        factor=args.factor,
        zero=zero_option(args),
        max_nonzeros=args.max_nonzeros,
    )
    print(standalone(args.what, text) if args.standalone else text)
    return 0
