"""``symconv animate``: an animated GIF (or PNG) of a convolution or a transposed convolution,
one frame per output position."""

from __future__ import annotations

import argparse
from math import prod

from ..printing.animation import write_animation
from ..specs import ConvSpec, TransposedConvSpec
from .arguments import UsageError, add_spec_options, conv_spec, transposed_spec

OPTIONS = {"output": "-o", "cell": "--cell", "duration": "--duration", "spec": "--input"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write an animation (GIF, or animated PNG with a .png name) of the kernel sliding over the input, "
        "one frame per output position; with --transposed, the rotated kernel over the zero-inserted, padded "
        "input. Needs Pillow: pip install 'symconv[animate]'."
    )
    add_spec_options(parser, transposed=True)
    parser.add_argument("--transposed", action="store_true", help="a transposed convolution (PyTorch's rules)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write: .gif or .png")
    parser.add_argument("--cell", type=int, default=40, metavar="PX", help="cell size in pixels (default 40)")
    parser.add_argument("--duration", type=int, default=700, metavar="MS", help="milliseconds a frame (default 700)")
    parser.add_argument("--no-labels", action="store_true", help="cells without their names")


def run(args: argparse.Namespace) -> int:
    spec: ConvSpec | TransposedConvSpec
    if args.transposed:
        spec = transposed_spec(args)
    else:
        if args.output_padding is not None:
            raise UsageError("symconv animate: --output-padding: only with --transposed")
        spec = conv_spec(args)
    path = write_animation(args.output, spec, cell=args.cell, duration=args.duration, labels=not args.no_labels)
    print(f"wrote {path}: {prod(spec.out_shape)} frames, one per output position")
    return 0
