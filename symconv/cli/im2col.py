"""``symconv im2col``: the windows of the input ``X`` as the columns of a matrix (the seminar's S4)."""

from __future__ import annotations

import argparse
from math import prod

from ..indexmap import nonzero_count
from ..ops.im2col import im2col
from .arguments import (
    add_output_options,
    add_spec_options,
    check_output,
    conv_spec,
    input_option,
    limit_option,
    print_matrix,
)

OPTIONS = {"matrix_json": "--format json"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_spec_options(parser, name=False)
    add_output_options(parser, ("text", "latex", "json"))


def run(args: argparse.Namespace) -> int:
    spec = conv_spec(args)
    check_output(args, (prod(spec.kernel_shape), prod(spec.out_shape)), nonzero_count(spec))  # before it is built
    X = input_option(args, spec.input_shape, "X")
    print_matrix(im2col(spec, X, max_nonzeros=limit_option(args)), spec, args)
    return 0
