"""``symconv im2col``: the windows of the input ``X`` as the columns of a matrix (the seminar's S4)."""

from __future__ import annotations

import argparse

from ..ops.im2col import im2col
from .arguments import add_output_options, add_spec_options, conv_spec, input_option, print_matrix

OPTIONS = {"matrix_json": "--format json"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_spec_options(parser)
    add_output_options(parser, ("text", "latex", "json"))


def run(args: argparse.Namespace) -> int:
    spec = conv_spec(args)
    print_matrix(im2col(spec, input_option(args, spec.input_shape, "X"), max_nonzeros=args.max_nonzeros), spec, args)
    return 0
