"""``symconv matrix``: the matrix ``C`` with ``vec(Y) = C vec(X)`` (the seminar's S3)."""

from __future__ import annotations

import argparse
from math import prod

from ..indexmap import nonzero_count
from ..ops.matrix import conv_matrix
from .arguments import (
    add_output_options,
    add_spec_options,
    check_output,
    conv_spec,
    kernel_option,
    limit_option,
    print_matrix,
)

OPTIONS = {"matrix_json": "--format json"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_spec_options(parser, input_name=False)
    add_output_options(parser, ("text", "latex", "json"))


def run(args: argparse.Namespace) -> int:
    spec = conv_spec(args)
    shape = (spec.out_channels * prod(spec.out_shape), spec.in_channels * prod(spec.input_shape))
    check_output(args, shape, nonzero_count(spec))  # before the matrix is built
    print_matrix(conv_matrix(spec, kernel_option(args, spec), max_nonzeros=limit_option(args)), spec, args)
    return 0
