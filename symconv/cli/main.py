"""``symconv``: the command line.

Every command parses its options, calls the library and prints. Bad input exits with
status 2 and one line on stderr naming the option; a derivation that fails to verify
exits with status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import sympy

from ..errors import SpecError
from ..latex.matrices import SlideMatrix, StageList, matrix_json
from ..latex.printer import latex
from ..indexmap import check_size, nonzero_count
from ..ops.im2col import im2col
from ..ops.matrix import conv_matrix
from ..ops.transposed import recipe_stages
from ..specs import ConvSpec, TransposedConvSpec
from ..symbols import input_symbols
from .arguments import add_spec_options, option_name, spec_arguments

__all__ = ["main", "build_parser"]


class UsageError(Exception):
    """Bad usage reported by argparse (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="symconv", description="Derive, prove and print the mathematics of convolutions.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    for name, help_text in (("matrix", "the matrix C with vec(Y) = C vec(X) (the seminar's S3)"),
                            ("im2col", "the im2col matrix of windows of the input X (S4)")):
        command = commands.add_parser(name, help=help_text, description=help_text)
        add_spec_options(command)
        command.add_argument("--format", choices=("text", "latex", "json"), default="text")
        command.add_argument("--zero", choices=("0", "cdot"), default="0", help="how zero cells print")

    steps = commands.add_parser("steps", help="the seminar's recipe for the transposed convolution, stage by stage",
                                description="Each stage of the transposed convolution's recipe for concrete symbols: "
                                            "the input, the input with zeros, the padded input, the output.")
    add_spec_options(steps, transposed=True)
    steps.add_argument("--format", choices=("text", "latex"), default="text")
    steps.add_argument("--zero", choices=("0", "cdot"), default="0", help="how zero cells print")

    prove = commands.add_parser("prove", help="verify derivations and print every step with its check",
                                description="Verify derivations: NAME is 'all', a topic or one derivation.")
    prove.add_argument("names", nargs="*", metavar="NAME")
    prove.add_argument("--list", action="store_true", help="list the topics and derivations")
    prove.add_argument("--format", choices=("text", "latex"), default="text")
    prove.add_argument("--seed", type=int, default=0, help="seed of the random numeric checks")
    return parser


def _spec(args: argparse.Namespace) -> ConvSpec:
    spec = ConvSpec(**spec_arguments(args))
    check_size(nonzero_count(spec), args.max_nonzeros)
    return spec


def _print_matrix(matrix: Any, args: argparse.Namespace, spec: ConvSpec) -> None:
    if args.format == "json":
        print(json.dumps({"spec": {"input_shape": spec.input_shape, "kernel_shape": spec.kernel_shape,
                                   "stride": spec.stride, "padding": spec.padding, "dilation": spec.dilation,
                                   "out_shape": spec.out_shape}, **matrix_json(matrix)}))
        return
    slide = SlideMatrix(matrix, zero=r"\cdot" if args.zero == "cdot" else "0")
    print(latex(slide) if args.format == "latex" else sympy.sstr(slide))


def _matrix(args: argparse.Namespace) -> int:
    spec = _spec(args)
    _print_matrix(conv_matrix(spec, max_nonzeros=args.max_nonzeros), args, spec)
    return 0


def _im2col(args: argparse.Namespace) -> int:
    spec = _spec(args)
    _print_matrix(im2col(spec, input_symbols(spec.input_shape), max_nonzeros=args.max_nonzeros), args, spec)
    return 0


def _steps(args: argparse.Namespace) -> int:
    tspec = TransposedConvSpec(**spec_arguments(args, transposed=True))
    check_size(nonzero_count(tspec.forward()), args.max_nonzeros)
    stages = StageList(tuple(recipe_stages(tspec, input_symbols(tspec.input_shape, "Y"))),
                       zero=r"\cdot" if args.zero == "cdot" else "0")
    print(f"{tspec}  ->  output {'x'.join(map(str, tspec.out_shape))}")
    print(latex(stages) if args.format == "latex" else sympy.sstr(stages))
    return 0


def _prove(args: argparse.Namespace) -> int:
    from .. import derivations

    if args.list:
        for topic, derivation in derivations.all_derivations():
            print(f"{topic:16} {derivation.name:24} {derivation.title}")
        return 0
    if not args.names:
        raise UsageError("symconv prove: give NAME (a derivation, a topic or 'all') or --list")
    chosen = [d for name in args.names for d in derivations.find(name)]
    failed = 0
    for derivation in chosen:
        report = derivation.check(seed=args.seed)
        if args.format == "latex":
            print(f"% {derivation.name}: {derivation.title} -- {'verified' if report.ok else 'FAILED'}")
            print(derivation.align(_printer()))
        else:
            print(sympy.sstr(report))
        print()
        failed += not report.ok
    print(f"{len(chosen) - failed} of {len(chosen)} derivations verified", file=sys.stderr)
    return 1 if failed else 0


def _printer() -> Any:
    from ..latex.printer import SeminarLatexPrinter

    return SeminarLatexPrinter()


COMMANDS = {"matrix": _matrix, "im2col": _im2col, "steps": _steps, "prove": _prove}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 a derivation failed, 2 bad usage)."""
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as error:
        print(str(error).splitlines()[0], file=sys.stderr)
        return 2
    except SpecError as error:
        print(f"symconv: {option_name(error.parameter)}: {error.rule}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("symconv: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def run() -> NoReturn:
    """Console-script entry point."""
    sys.exit(main())
