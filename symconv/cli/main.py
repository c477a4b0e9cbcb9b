"""``symconv``: the command line. Builds the parser, runs one command, reports errors.

Each command is a module of this package (``symconv.cli.matrix``, ...) with
``add_arguments(parser)``, ``run(args)`` and ``OPTIONS`` (library parameter -> option, for
its error messages); only the command being run is imported. Bad input exits with status 2
and one line on stderr naming the option; a derivation that fails to verify exits with status 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from ..errors import SymconvError, VerificationError
from .arguments import OPTIONS, UsageError

__all__ = ["main", "build_parser", "COMMANDS"]

#: Command -> its one-line help; the command's module is ``symconv.cli.<command>``.
COMMANDS = {
    "matrix": "the matrix C with vec(Y) = C vec(X) (the seminar's S3)",
    "im2col": "the im2col matrix of windows of the input X (S4)",
    "steps": "the seminar's recipe for the transposed convolution, stage by stage",
    "size": "output size per dimension (or its formula, with symbols)",
    "notes": "write the seminar's lecture notes and slides (verified LaTeX)",
    "latex": "print one LaTeX snippet to paste into your own notes",
    "prove": "verify derivations and print every step with its check",
    "animate": "write an animated GIF of the kernel sliding, one frame per output position",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def command_module(command: str) -> ModuleType:
    """The module of a command (imported on first use)."""
    return importlib.import_module(f"{__package__}.{command}")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with the options of ``command`` (``None``: of every command, importing them all)."""
    parser = _Parser(prog="symconv", description="Derive, prove and print the mathematics of convolutions.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    for name, help_text in COMMANDS.items():
        subparser = commands.add_parser(name, help=help_text, description=help_text)
        if command is None or command == name:
            command_module(name).add_arguments(subparser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 a derivation failed, 2 bad usage)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((arg for arg in argv if not arg.startswith("-")), "")  # symconv has no options of its own
    try:
        args = build_parser(command).parse_args(argv)
        return int(command_module(args.command).run(args))
    except UsageError as error:
        _report(str(error))
        return 2
    except VerificationError as error:
        _report(f"symconv: not verified, nothing written: {error}")
        return 1
    except SymconvError as error:
        names = {**OPTIONS, **command_module(command).OPTIONS}
        _report(f"symconv: {error.describe(names)}")
        return 2
    except KeyboardInterrupt:
        _report("symconv: interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # permissions, a directory in place of a file, a full disk: one line naming the path
        place = " -> ".join(str(name) for name in (error.filename, error.filename2) if name is not None)
        _report(f"symconv: {place or 'error'}: {error.strerror or error}")
        return 2


#: Longer error lines are cut (an echoed input never floods the terminal).
MAX_LINE = 400


def _report(message: str) -> None:
    """The first line of ``message`` on stderr, at most :data:`MAX_LINE` characters."""
    line = message.splitlines()[0] if message.strip() else message
    print(line if len(line) <= MAX_LINE else line[:MAX_LINE] + "...", file=sys.stderr)


def run() -> NoReturn:
    """Console-script entry point."""
    sys.exit(main())
