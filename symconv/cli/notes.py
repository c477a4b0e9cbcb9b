"""``symconv notes``: write the seminar's lecture notes and slides (verified LaTeX), and compile them."""

from __future__ import annotations

import argparse
import sys
import time

from ..errors import SpecError
from ..limits import limit_in_force
from ..notes.build import DocumentInfo, make_notes
from ..notes.content import TOPICS
from ..proof import sources
from ..specs import ConvSpec
from .arguments import add_limit_option, limit_option, spec_arguments

OPTIONS = {
    "folder": "-o",
    "example": "--input",
    "topics": "--only",
    "lang": "--lang",
    "pdf": "--pdf",
    "source": "--derivations",
    "keep_build": "--keep-build",
    "solutions": "--no-solutions",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Verify every derivation, then write symconv-notes.tex (an article) and "
        "symconv-slides.tex (a beamer deck) into DIR; --pdf compiles them."
    )
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="directory to write into")
    parser.add_argument("--input", default="4x4", metavar="HxW", help="the worked example's input (default 4x4)")
    parser.add_argument("--kernel", default="3x3", metavar="QxQ", help="the worked example's kernel (default 3x3)")
    parser.add_argument("--stride", metavar="S", help="the worked example's stride (default 1)")
    parser.add_argument("--padding", metavar="P", help="the worked example's padding (default 0)")
    parser.add_argument("--only", nargs="+", metavar="TOPIC", help=f"sections to include: {', '.join(TOPICS)}")
    parser.add_argument("--lang", choices=("en", "ru"), default="en", help="language (default en)")
    parser.add_argument("--pdf", action="store_true", help="compile both documents with pdflatex")
    parser.add_argument(
        "--derivations",
        nargs="+",
        default=[],
        metavar="PATH",
        help="your own derivations (a .py file, a folder, a module or an installed source), one section each",
    )
    parser.add_argument(
        "--keep-build", action="store_true", help="with --pdf: keep TeX's build folder when it fails (for debugging)"
    )
    parser.add_argument(
        "--no-solutions",
        dest="solutions",
        action="store_false",
        help="leave out the solutions of the exercises (a handout before the seminar)",
    )
    add_limit_option(parser)
    parser.add_argument("--title", metavar="TEXT", help="the title (default: the seminar's)")
    parser.add_argument("--author", metavar="TEXT", help="the author line (default: none)")
    parser.add_argument("--date", metavar="TEXT", help="the date line (default: today's date; '' for none)")
    parser.add_argument("--institute", metavar="TEXT", help="the institute line (default: none)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")


class StderrProgress:
    """Progress lines on stderr: rewritten in place on a terminal; elsewhere a line when the stage
    changes or at most once a second."""

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.last = 0.0
        self.stage = ""

    def __call__(self, message: str) -> None:
        stage = message.split(":")[0].split(" (")[0]
        now = time.monotonic()
        if self.terminal:
            sys.stderr.write("\r\033[K" + message)
            sys.stderr.flush()
        elif stage != self.stage or now - self.last >= 1.0:
            print(message, file=sys.stderr, flush=True)
            self.last = now
        self.stage = stage

    def close(self) -> None:
        if self.terminal and self.stage:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    if args.keep_build and not args.pdf:
        raise SpecError("keep_build", "is only for a TeX run", hint="set {pdf}")
    info = DocumentInfo(title=args.title, author=args.author, date=args.date, institute=args.institute)
    progress = StderrProgress()
    try:
        with limit_in_force(limit_option(args)):
            example = ConvSpec(**spec_arguments(args))
            extra = [source for target in args.derivations for source in sources.load(target)]
            written = make_notes(
                args.output,
                example,
                args.only,
                args.lang,
                pdf=args.pdf,
                keep_build=args.keep_build,
                extra=extra,
                info=info,
                solutions=args.solutions,
                progress=(lambda message: None) if args.quiet else progress,
            )
    finally:
        progress.close()
    print(written)
    return 0
