"""``symconv matrix``: the matrix ``C`` with ``vec(Y) = C vec(X)`` (the seminar's S3)."""

from __future__ import annotations

import argparse

from ..ops.matrix import conv_matrix
from .arguments import add_output_options, add_spec_options, conv_spec, kernel_option, print_matrix

OPTIONS = {"matrix_json": "--format json"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_spec_options(parser)
    add_output_options(parser, ("text", "latex", "json"))


def run(args: argparse.Namespace) -> int:
    spec = conv_spec(args)
    print_matrix(conv_matrix(spec, kernel_option(args, spec), max_nonzeros=args.max_nonzeros), spec, args)
    return 0
