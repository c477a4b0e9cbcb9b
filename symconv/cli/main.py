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
from math import prod
from typing import Any, NoReturn

import sympy

from ..errors import SpecError, SymconvError, VerificationError
from ..indexmap import check_size, nonzero_count
from ..notes.content import TOPICS as NOTE_TOPICS
from ..ops.im2col import im2col
from ..ops.matrix import conv_matrix
from ..ops.transposed import recipe_stages
from ..printing.matrices import SlideMatrix, StageList, matrix_json
from ..printing.printer import latex
from ..proof.derivation import text_plain
from ..sizes import conv_output_size, transposed_output_size
from ..specs import ConvSpec, TransposedConvSpec
from ..symbols import input_symbols, kernel_symbols, validate_name
from .arguments import OPTIONS, add_spec_options, size_values, sizes, spec_arguments

__all__ = ["main", "build_parser"]


SNIPPETS = ("matrix", "im2col", "transposed", "figure", "size", "bilinear")


class UsageError(Exception):
    """Bad usage reported by argparse (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="symconv", description="Derive, prove and print the mathematics of convolutions.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    for name, help_text in (
        ("matrix", "the matrix C with vec(Y) = C vec(X) (the seminar's S3)"),
        ("im2col", "the im2col matrix of windows of the input X (S4)"),
    ):
        command = commands.add_parser(name, help=help_text, description=help_text)
        add_spec_options(command)
        command.add_argument("--format", choices=("text", "latex", "json"), default="text")
        command.add_argument("--zero", choices=("0", "cdot"), default="0", help="how zero cells print")

    steps = commands.add_parser(
        "steps",
        help="the seminar's recipe for the transposed convolution, stage by stage",
        description="Each stage of the transposed convolution's recipe for concrete symbols: "
        "the input, the input with zeros, the padded input, the output.",
    )
    add_spec_options(steps, transposed=True)
    steps.add_argument("--format", choices=("text", "latex"), default="text")
    steps.add_argument("--zero", choices=("0", "cdot"), default="0", help="how zero cells print")

    size = commands.add_parser(
        "size",
        help="output size per dimension (or its formula, with symbols)",
        description="Output size of a convolution (or, with --transposed, of a transposed "
        "convolution). Sizes may be symbols: --input h --kernel q.",
    )
    size.add_argument("--input", required=True, metavar="H", help="input size: 4, 4x5, or a symbol like h")
    size.add_argument("--kernel", required=True, metavar="Q", help="kernel size (number or symbol)")
    size.add_argument("--stride", metavar="S", help="stride (default 1)")
    size.add_argument("--padding", metavar="P", help="padding (default 0)")
    size.add_argument("--dilation", metavar="D", help="dilation (default 1)")
    size.add_argument("--transposed", action="store_true", help="a transposed convolution (PyTorch's rules)")
    size.add_argument("--output-padding", metavar="A", help="output padding (default 0; with --transposed)")
    size.add_argument("--explain", action="store_true", help="print the derivation with the values put in")
    size.add_argument("--format", choices=("text", "latex"), default="text")

    notes = commands.add_parser(
        "notes",
        help="write the seminar's lecture notes and slides (verified LaTeX)",
        description="Verify every derivation, then write symconv-notes.tex (an article) and "
        "symconv-slides.tex (a beamer deck) into DIR; --pdf compiles them.",
    )
    notes.add_argument("-o", "--output", required=True, metavar="DIR", help="directory to write into")
    notes.add_argument("--input", default="4x4", metavar="HxW", help="the worked example's input (default 4x4)")
    notes.add_argument("--kernel", default="3x3", metavar="QxQ", help="the worked example's kernel (default 3x3)")
    notes.add_argument("--stride", metavar="S", help="the worked example's stride (default 1)")
    notes.add_argument("--padding", metavar="P", help="the worked example's padding (default 0)")
    notes.add_argument("--only", nargs="+", metavar="TOPIC", help=f"sections to include: {', '.join(NOTE_TOPICS)}")
    notes.add_argument("--lang", choices=("en", "ru"), default="en", help="language (default en)")
    notes.add_argument("--pdf", action="store_true", help="compile both documents with latexmk (or pdflatex)")

    snippet = commands.add_parser(
        "latex",
        help="print one LaTeX snippet to paste into your own notes",
        description="One LaTeX snippet for the given spec: matrix, im2col, transposed "
        "(the recipe's stages), figure (TikZ), size (a derivation), bilinear.",
    )
    snippet.add_argument("what", choices=SNIPPETS, metavar="WHAT", help=", ".join(SNIPPETS))
    snippet.add_argument("--input", default="4x4", metavar="HxW")
    snippet.add_argument("--kernel", default="3x3", metavar="QxQ")
    snippet.add_argument("--stride", metavar="S")
    snippet.add_argument("--padding", metavar="P")
    snippet.add_argument("--dilation", metavar="D")
    snippet.add_argument("--output-padding", metavar="A", help="for 'transposed' and 'figure --transposed'")
    snippet.add_argument("--transposed", action="store_true", help="figure: the transposed convolution's recipe")
    snippet.add_argument("--position", metavar="RxC", help="figure: the output position whose window is drawn")
    snippet.add_argument("--factor", type=int, default=2, help="bilinear: the upsampling factor")
    snippet.add_argument("--zero", choices=("0", "cdot"), default="0", help="how zero cells print")
    snippet.add_argument("--max-nonzeros", type=int, metavar="N")

    prove = commands.add_parser(
        "prove",
        help="verify derivations and print every step with its check",
        description="Verify derivations: NAME is 'all', a topic or one derivation.",
    )
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
    channels = {"in_channels": spec.in_channels, "out_channels": spec.out_channels, "groups": spec.groups}
    if args.format == "json":
        print(
            json.dumps(
                {
                    "spec": {
                        "input_shape": spec.input_shape,
                        "kernel_shape": spec.kernel_shape,
                        "stride": spec.stride,
                        "padding": spec.padding,
                        "dilation": spec.dilation,
                        "out_shape": spec.out_shape,
                        **(channels if spec.has_channels else {}),
                    },
                    **matrix_json(matrix),
                }
            )
        )
        return
    blocks = (prod(spec.out_shape), prod(spec.input_shape)) if spec.has_channels else None  # one block per channel pair
    slide = SlideMatrix(matrix, zero=r"\cdot" if args.zero == "cdot" else "0", blocks=blocks)
    print(latex(slide) if args.format == "latex" else sympy.sstr(slide))


def _kernel(args: argparse.Namespace, spec: ConvSpec | TransposedConvSpec) -> Any:
    """The kernel's symbols under ``--name`` (``None``: the library's default ``W``)."""
    if args.name is None:
        return None
    validate_name(args.name, "name")
    channels = spec.weight_shape[:2] if spec.has_channels else None
    return kernel_symbols(spec.kernel_shape, args.name, channels=channels)


def _input(args: argparse.Namespace, shape: tuple[int, ...], default: str) -> Any:
    return input_symbols(shape, validate_name(args.input_name, "input_name") if args.input_name else default)


def _matrix(args: argparse.Namespace) -> int:
    spec = _spec(args)
    _print_matrix(conv_matrix(spec, _kernel(args, spec), max_nonzeros=args.max_nonzeros), args, spec)
    return 0


def _im2col(args: argparse.Namespace) -> int:
    spec = _spec(args)
    _print_matrix(im2col(spec, _input(args, spec.input_shape, "X"), max_nonzeros=args.max_nonzeros), args, spec)
    return 0


def _steps(args: argparse.Namespace) -> int:
    tspec = TransposedConvSpec(**spec_arguments(args, transposed=True))
    check_size(nonzero_count(tspec.forward()), args.max_nonzeros)
    stages = StageList(
        tuple(recipe_stages(tspec, _input(args, tspec.input_shape, "Y"), _kernel(args, tspec))),
        zero=r"\cdot" if args.zero == "cdot" else "0",
    )
    print(f"{tspec}  ->  output {'x'.join(map(str, tspec.out_shape))}")
    print(latex(stages) if args.format == "latex" else sympy.sstr(stages))
    return 0


def _size(args: argparse.Namespace) -> int:
    from ..derivations.sizes import conv_size_derivation, transposed_size_derivation

    if args.output_padding is not None and not args.transposed:
        raise UsageError("symconv size: --output-padding: only with --transposed")
    columns = {
        "h": size_values(args.input, "--input", 1, positive=True),
        "q": size_values(args.kernel, "--kernel", 1, positive=True),
        "s": size_values(args.stride, "--stride", 1, positive=True),
        "p": size_values(args.padding, "--padding", 0, nonnegative=True),
        "d": size_values(args.dilation, "--dilation", 1, positive=True),
        "a": size_values(args.output_padding, "--output-padding", 0, nonnegative=True),
    }
    ndim = len(columns["h"])
    for letter, option in zip("qspda", ("--kernel", "--stride", "--padding", "--dilation", "--output-padding")):
        if len(columns[letter]) == 1:
            columns[letter] = columns[letter] * ndim
        elif len(columns[letter]) != ndim:
            raise SpecError(option, f"has {len(columns[letter])} values but the input has {ndim} dimensions")
    per_dim = [{letter: columns[letter][n] for letter in "hqspda"} for n in range(ndim)]
    if args.transposed:
        sizes_ = [transposed_output_size(*(v[x] for x in "hqspda")) for v in per_dim]
    else:
        sizes_ = [conv_output_size(*(v[x] for x in "hqspd")) for v in per_dim]
    if args.explain:
        for n, values in enumerate(per_dim):
            given = {k: v for k, v in values.items() if args.transposed or k != "a"}
            if all(
                isinstance(v, sympy.Symbol) and v.name == k or v == {"d": 1, "a": 0}.get(k) for k, v in given.items()
            ):
                given = {}  # the seminar's own letters: the derivation as the seminar writes it
            derivation = (transposed_size_derivation if args.transposed else conv_size_derivation)(given or None)
            if ndim > 1:
                print(f"dimension {n}:")
            print(latex(derivation, order="none") if args.format == "latex" else sympy.sstr(derivation, order="none"))
    shown = [latex(v) if args.format == "latex" else sympy.sstr(v) for v in sizes_]
    if all(isinstance(v, int) for v in sizes_):
        print("x".join(shown))
    else:
        letter = "w"
        for n, text in enumerate(shown):
            print(f"{letter}{n if ndim > 1 else ''} = {text}")
    return 0


def _notes(args: argparse.Namespace) -> int:
    import time

    from ..notes.build import build_notes, describe, write_notes

    args.dilation = None
    example = ConvSpec(**spec_arguments(args))
    topics = tuple(args.only) if args.only else NOTE_TOPICS
    start = time.perf_counter()
    result = build_notes(example, topics, args.lang)
    written = write_notes(args.output, result, pdf=args.pdf)
    counts = describe(result)
    print(
        f"verified {counts['derivations']} derivations ({counts['steps']} steps) in "
        f"{time.perf_counter() - start:.1f} s; wrote " + ", ".join(str(path) for path in written)
    )
    return 0


def _latex_snippet(args: argparse.Namespace) -> int:
    from ..derivations.sizes import conv_size_derivation, transposed_size_derivation
    from ..interpolation import bilinear_kernel
    from ..printing.figures import conv_figure, transposed_figure

    zero = r"\cdot" if args.zero == "cdot" else "0"
    transposed = args.what == "transposed" or args.transposed
    if transposed:
        tspec = TransposedConvSpec(**spec_arguments(args, transposed=True))
        check_size(nonzero_count(tspec.forward()), args.max_nonzeros)
    elif args.what != "bilinear":
        if args.output_padding is not None:
            raise UsageError("symconv latex: --output-padding: only for 'transposed' or with --transposed")
        spec = _spec(args)
    if args.what == "matrix":
        text = latex(SlideMatrix(conv_matrix(spec, max_nonzeros=args.max_nonzeros), zero=zero))
    elif args.what == "im2col":
        text = latex(
            SlideMatrix(im2col(spec, input_symbols(spec.input_shape), max_nonzeros=args.max_nonzeros), zero=zero)
        )
    elif args.what == "transposed":
        text = latex(StageList(tuple(recipe_stages(tspec, input_symbols(tspec.input_shape, "Y"))), zero=zero))
    elif args.what == "figure":
        if transposed:
            text = transposed_figure(tspec)
        else:
            position = tuple(int(v) for v in sizes(args.position, "--position")) if args.position else None
            text = conv_figure(spec, position)
    elif args.what == "size":
        derivation = transposed_size_derivation() if transposed else conv_size_derivation()
        text = derivation.align(_printer())
    else:
        text = latex(bilinear_kernel(args.factor, 2))
    print(text)
    return 0


def _prove(args: argparse.Namespace) -> int:
    from .. import derivations

    if args.list:
        for topic, derivation in derivations.all_derivations():
            print(f"{topic:16} {derivation.name:24} {text_plain(derivation.title)}")
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
    from ..printing.printer import SeminarLatexPrinter

    return SeminarLatexPrinter()


#: Library parameters a command sets with options of its own (besides the spec options).
COMMAND_OPTIONS = {
    "matrix": {"matrix_json": "--format json"},
    "im2col": {"matrix_json": "--format json"},
    "notes": {"folder": "-o", "example": "--input", "topics": "--only", "lang": "--lang", "pdf": "--pdf"},
    "prove": {"name": "NAME", "all_derivations": "'symconv prove --list'"},
    "latex": {"position": "--position", "factor": "--factor"},
}

COMMANDS = {
    "matrix": _matrix,
    "im2col": _im2col,
    "steps": _steps,
    "size": _size,
    "notes": _notes,
    "latex": _latex_snippet,
    "prove": _prove,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 a derivation failed, 2 bad usage)."""
    command = ""
    try:
        args = build_parser().parse_args(argv)
        command = args.command
        return COMMANDS[command](args)
    except UsageError as error:
        print(str(error).splitlines()[0], file=sys.stderr)
        return 2
    except VerificationError as error:
        print(f"symconv: not verified, nothing written: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    except SymconvError as error:
        names = {**OPTIONS, **COMMAND_OPTIONS.get(command, {})}
        print(f"symconv: {error.describe(names).splitlines()[0]}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("symconv: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def run() -> NoReturn:
    """Console-script entry point."""
    sys.exit(main())
