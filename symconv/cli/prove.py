"""``symconv prove``: verify derivations and print every step with its check.

NAME is ``all``, a topic or a derivation of the seminar, or a source of your own: a ``.py``
file, a folder of them, a module, or a package's registered source (``symconv prove --list``).
"""

from __future__ import annotations

import argparse
import sys

from .. import derivations
from ..errors import SpecError
from ..printing.printer import SeminarLatexPrinter
from ..printing.text import text_plain
from ..proof import sources
from ..proof.terminal import pretty_report
from .arguments import UsageError, integer

OPTIONS = {"name": "NAME", "source": "NAME", "all_derivations": "'symconv prove --list'", "seed": "--seed"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Verify derivations: NAME is 'all', a topic or one derivation of the seminar, "
        "or your own: a .py file, a folder of them, a module or an installed source."
    )
    parser.add_argument("names", nargs="*", metavar="NAME")
    parser.add_argument("--list", action="store_true", help="list the topics and derivations")
    parser.add_argument("--format", choices=("text", "latex"), default="text")
    parser.add_argument("--seed", default="0", help="seed of the random numeric checks (0 to 4,294,967,295)")


def run(args: argparse.Namespace) -> int:
    if args.list:
        for topic, derivation in derivations.all_derivations():
            print(f"{topic:16} {derivation.name:24} {text_plain(derivation.title)}")
        for name, module in sources.registered().items():
            for source in sources.load(name):
                for derivation in source.derivations:
                    print(f"{name:16} {derivation.name:24} {text_plain(derivation.title)}  (installed: {module})")
        return 0
    if not args.names:
        raise UsageError("symconv prove: give NAME (a derivation, a topic or 'all', or a file of your own) or --list")
    seed = integer(args.seed, "seed")
    chosen = [derivation for name in args.names for derivation in find(name)]
    failed = 0
    for derivation in chosen:
        report = derivation.report(seed=seed)
        if args.format == "latex":
            print(f"% {derivation.name}: {derivation.title} -- {'verified' if report.ok else 'FAILED'}")
            print(derivation.align(SeminarLatexPrinter()))
        else:
            print(pretty_report(report))
        print()
        failed += not report.ok
    print(f"{len(chosen) - failed} of {len(chosen)} derivations verified", file=sys.stderr)
    return 1 if failed else 0


def find(name: str) -> list:
    """The seminar's derivations named ``name``, else the derivations of the source ``name``."""
    if name.endswith(".py") or "/" in name:
        return sources.derivations_of(sources.load(name))
    try:
        return derivations.find(name)
    except SpecError as error:  # only "not one of the seminar's": a derivation that fails to build says so
        if not (error.parameter == "name" and error.rule.startswith("no derivation or topic")):
            raise
    try:
        return sources.derivations_of(sources.load(name))
    except SpecError as error:
        if not (error.parameter == "source" and error.rule.startswith("no file, folder")):
            raise
        raise SpecError(
            "name",
            f"no derivation, topic, file, folder, installed source or module named {name!r}",
            hint="see {all_derivations}",
        ) from None
