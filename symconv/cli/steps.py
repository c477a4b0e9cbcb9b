"""``symconv steps``: the seminar's recipe for the transposed convolution, stage by stage."""

from __future__ import annotations

import argparse

from ..limits import check_work
from ..ops.transposed import recipe_stages, recipe_work
from ..printing.matrices import StageList, check_printable
from .arguments import (
    add_output_options,
    add_spec_options,
    input_option,
    kernel_option,
    limit_option,
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


def _grid(shape: tuple[int, ...]) -> tuple[int, int]:
    """The 2-D slices a stage of ``shape`` prints as (``as_grid``): a row, a matrix, or matrices."""
    return (1, shape[0]) if len(shape) == 1 else (shape[-2], shape[-1])


def run(args: argparse.Namespace) -> int:
    tspec = transposed_spec(args)
    limit = limit_option(args)
    check_work("the stages", {"printed cells": recipe_work(tspec)["cells"] // 2}, limit)
    spread = tuple((h - 1) * s + 1 for h, s in zip(tspec.input_shape, tspec.stride))
    padded = tuple(
        n + 2 * (d * (q - 1) - p) + a  # the padded stage (a negative border crops)
        for n, q, p, d, a in zip(spread, tspec.kernel_shape, tspec.padding, tspec.dilation, tspec.output_padding)
    )
    for shape in (tspec.input_shape, spread, padded, tspec.out_shape):  # before anything is built
        check_printable(_grid(shape))
    Y = input_option(args, tspec.input_shape, "Y")
    stages = recipe_stages(tspec, Y, kernel_option(args, tspec), max_nonzeros=limit)
    print(f"{tspec}  ->  output {'x'.join(map(str, tspec.out_shape))}")
    print(show(StageList(tuple(stages), zero=zero_option(args)), args.format))
    return 0
