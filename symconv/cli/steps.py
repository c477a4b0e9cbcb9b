"""``symconv steps``: the seminar's recipe for the transposed convolution, stage by stage."""

from __future__ import annotations

import argparse

from ..ops.transposed import recipe_stages
from ..printing.matrices import StageList
from .arguments import (
    add_output_options,
    add_spec_options,
    input_option,
    kernel_option,
    show,
    transposed_spec,
    zero_option,
)

OPTIONS: dict[str, str] = {}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Each stage of the transposed convolution's recipe for concrete symbols: "
        "the input, the input with zeros, the padded input, the output."
    )
    add_spec_options(parser, transposed=True)
    add_output_options(parser)


def run(args: argparse.Namespace) -> int:
    tspec = transposed_spec(args)
    Y = input_option(args, tspec.input_shape, "Y")
    stages = recipe_stages(tspec, Y, kernel_option(args, tspec), max_nonzeros=args.max_nonzeros)
    print(f"{tspec}  ->  output {'x'.join(map(str, tspec.out_shape))}")
    print(show(StageList(tuple(stages), zero=zero_option(args)), args.format))
    return 0
