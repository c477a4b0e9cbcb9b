"""``symconv latex WHAT``: one LaTeX snippet to paste into your own notes."""

from __future__ import annotations

import argparse

from ..errors import SpecError
from ..snippets import SNIPPETS, latex_snippet, standalone
from .arguments import add_limit_option, integer, limit_option, sizes, spec_arguments, zero_option

OPTIONS = {"what": "WHAT", "position": "--position", "factor": "--factor", "input": "--input", "kernel": "--kernel"}

_SPEC = ("matrix", "im2col", "transposed", "figure")
#: The snippets each option is for: an option given to another snippet is refused, not ignored.
USES = {
    "input": _SPEC,
    "kernel": _SPEC,
    "stride": _SPEC,
    "padding": _SPEC,
    "dilation": _SPEC,
    "output_padding": ("transposed", "figure"),
    "transposed": ("figure", "size"),
    "position": ("figure",),
    "factor": ("bilinear",),
    "zero": ("matrix", "im2col", "transposed"),
    "max_nonzeros": (*_SPEC, "bilinear"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "One LaTeX snippet for the given spec: matrix, im2col, transposed "
        "(the recipe's stages), figure (TikZ), size (a derivation), bilinear."
    )
    parser.add_argument("what", choices=tuple(SNIPPETS), metavar="WHAT", help=", ".join(SNIPPETS))
    parser.add_argument("--input", metavar="HxW", help="input size (default 4x4)")
    parser.add_argument("--kernel", metavar="QxQ", help="kernel size (default 3x3)")
    parser.add_argument("--stride", metavar="S")
    parser.add_argument("--padding", metavar="P")
    parser.add_argument("--dilation", metavar="D")
    parser.add_argument("--output-padding", metavar="A", help="for 'transposed' and 'figure --transposed'")
    parser.add_argument("--transposed", action="store_true", default=None, help="figure, size: of the transposed one")
    parser.add_argument("--position", metavar="RxC", help="figure: the output position whose window is drawn")
    parser.add_argument("--factor", metavar="F", help="bilinear: the upsampling factor (default 2; 1 to 1,000,000)")
    parser.add_argument("--zero", choices=("0", "cdot"), help="how zero cells print (default 0)")
    parser.add_argument("--full", action="store_true", help="matrix, im2col: every cell beyond 16 rows or columns")
    parser.add_argument("--standalone", action="store_true", help="a complete document that compiles as it is")
    add_limit_option(parser)


def _refuse_unused(args: argparse.Namespace) -> None:
    for name, snippets in USES.items():
        if getattr(args, name) is not None and args.what not in snippets:
            listed = ", ".join(snippets[:-1]) + " and " + snippets[-1] if len(snippets) > 1 else snippets[0]
            raise SpecError(name, f"only for the {listed} snippets, not {args.what}")


def run(args: argparse.Namespace) -> int:
    _refuse_unused(args)
    args.input = "4x4" if args.input is None else args.input
    args.kernel = "3x3" if args.kernel is None else args.kernel
    args.zero = "0" if args.zero is None else args.zero
    text = latex_snippet(
        args.what,
        **spec_arguments(args, transposed=True),
        transposed=bool(args.transposed),
        position=None if args.position is None else sizes(args.position, "position"),
        factor=2 if args.factor is None else integer(args.factor, "factor"),
        zero=zero_option(args),
        full=args.full,
        max_nonzeros=limit_option(args),
    )
    print(standalone(args.what, text) if args.standalone else text)
    return 0
