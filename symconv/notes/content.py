r"""The seminar's material as units: a title and blocks, shared by the article and the slides.

Every formula comes from the library (the matrix ``C``, im2col, the recipe's stages, the
kernels) or from a derivation that is verified before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from math import prod
from typing import Any

import sympy

from .. import derivations as scripts
from ..errors import SpecError
from ..indexmap import nonzero_count
from ..interpolation import bilinear_kernel, bilinear_upsampling_spec
from ..limits import check_work
from ..operands import vec
from ..ops.im2col import im2col
from ..ops.matrix import conv_matrix
from ..ops.overlap import overlap_counts
from ..ops.sliding_window import sliding_window
from ..ops.transposed import conv_transpose, recipe_stages, recipe_work, transposed_conv_matrix
from ..parameters import shown
from ..printing.figures import conv_figure, figure_positions, figure_work, lattice_figure, transposed_figure
from ..printing.language import words
from ..printing.matrices import SlideMatrix, as_grid
from ..proof import Derivation
from ..recipe import padded_length, recipe_padding, zero_inserted_length
from ..specs import ConvSpec, TransposedConvSpec
from ..symbols import input_symbols

__all__ = [
    "Text",
    "Formula",
    "Figure",
    "Overlays",
    "Proof",
    "Unit",
    "Part",
    "TOPICS",
    "seminar",
    "solutions_part",
    "SOLUTION_B5",
    "PROOF_TOPICS",
    "notes_work",
    "transposed_overlays",
]


@dataclass(frozen=True)
class Text:
    """A paragraph (``$...$`` math allowed); ``label`` is the fact it states (``S1``)."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Formula:
    """A displayed formula: LaTeX strings and objects (matrices, tables), which each document prints
    as fits it (large matrices by their corners, long tables over several frames)."""

    parts: tuple[Any, ...]

    def __post_init__(self) -> None:
        if isinstance(self.parts, str):
            object.__setattr__(self, "parts", (self.parts,))


@dataclass(frozen=True)
class Figure:
    """A TikZ picture, drawn for the room the document has: ``draw(max_width=..., max_height=...)``
    (centimetres) returns the ``tikzpicture``."""

    draw: Callable[..., str]
    caption: str = ""


@dataclass(frozen=True)
class Overlays:
    """Pictures shown one after another on a slide, each with its formula (the parts of a
    :class:`Formula`); the article shows the picture ``shown``. ``caption`` names the case."""

    frames: tuple[tuple[Callable[..., str], tuple[Any, ...]], ...]
    caption: str = ""
    shown: int = 0


@dataclass(frozen=True)
class Proof:
    """A derivation (verified before the documents are written)."""

    derivation: Derivation


@dataclass(frozen=True)
class Unit:
    """One idea: a subsection of the article, a frame (or a few) of the slides."""

    title: str
    blocks: tuple[Any, ...]


@dataclass(frozen=True)
class Part:
    """A part of the seminar (a section of the article)."""

    title: str
    units: tuple[Unit, ...] = field(default_factory=tuple)
    #: the solutions of the exercises (left out with ``solutions=False``; on the slides after a frame
    #: that announces them)
    solutions: bool = False


#: Sections of the documents (``--only``), in the seminar's order, with the derivation topics they show.
PROOF_TOPICS: dict[str, tuple[str, ...]] = {
    "convolution": ("sliding_window", "conv_matrix", "im2col"),
    "transposed": ("transposed", "checkerboard", "subpixel"),
    "sizes": ("sizes", "conv_arithmetic"),
    "bilinear": ("bilinear",),
}
TOPICS = tuple(PROOF_TOPICS)


def _size(shape: tuple[int, ...]) -> str:
    return "$" + r" \times ".join(map(str, shape)) + "$"


def _value(values: tuple[Any, ...]) -> str:
    return str(values[0]) if len(set(values)) == 1 else "(" + ", ".join(map(str, values)) + ")"


def _proofs(topic: str, exclude: tuple[str, ...] = ()) -> list[Unit]:
    return [Unit(d.title, (Proof(d),)) for d in scripts.topic_derivations(topic) if d.name not in exclude]


def _conv_overlays(example: ConvSpec, captions: dict[str, str]) -> Overlays:
    """The sliding window: one picture per output position, with the sum it computes."""
    Y = sliding_window(example, input_symbols(example.input_shape))
    frames = tuple(
        (partial(conv_figure, example, position, captions=captions), (f"Y_{{{n}}} = ", Y[position]))
        for n, position in enumerate(figure_positions(example))
    )
    return Overlays(frames)


def transposed_overlays(
    tspec: TransposedConvSpec,
    captions: dict[str, str],
    caption: str = "",
    *,
    input_name: str = "Y",
    kernel: Any = None,
) -> Overlays:
    """The transposed convolution working: one picture per output position (the rotated kernel
    over the zero-inserted, padded input and the output cell it writes), with the products it
    sums, from the recipe (:func:`~symconv.conv_transpose`); with ``kernel``, its values put in too."""
    Y = input_symbols(tspec.input_shape, input_name)
    symbolic = conv_transpose(tspec, Y)
    values = conv_transpose(tspec, Y, kernel) if kernel is not None else None
    frames = []
    for n, position in enumerate(figure_positions(tspec)):
        parts: tuple[Any, ...] = (f"(C^T {input_name})_{{{n}}} = ", symbolic[position])
        if values is not None:
            parts += (" = ", values[position])
        draw = partial(transposed_figure, tspec, position, captions=captions, input_name=input_name)
        frames.append((draw, parts))
    return Overlays(tuple(frames), caption, shown=len(frames) // 2)


def convolution_part(example: ConvSpec, lang: str, latex: Any) -> Part:
    w = words(lang)
    X = input_symbols(example.input_shape)
    C = conv_matrix(example)
    n_in, n_out, n_taps = prod(example.input_shape), prod(example.out_shape), prod(example.kernel_shape)
    numbers = dict(
        input=_size(example.input_shape),
        kernel=_size(example.kernel_shape),
        stride=_value(example.stride),
        padding=_value(tuple(str(p) for p in example.padding)),
        output=_size(example.out_shape),
        n_in=n_in,
        n_out=n_out,
        n_taps=n_taps,
    )
    last = figure_positions(example)[-1]
    column = sympy.Matrix(vec(X)).T
    outputs = sympy.Matrix([sympy.Symbol(f"Y_{n}") for n in range(n_out)])
    from ..derivations.sliding_window import example_case  # the S1 = S3 = S4 derivation for this example

    worked = example_case(example)
    units = [
        Unit(w["unit_S1"], (Text(w["S1"], "S1"), _conv_overlays(example, w["captions"]))),
        Unit(
            w["unit_S2"],
            (
                Text(w["S2"].format(**numbers), "S2"),
                Figure(partial(conv_figure, example, last, captions=w["captions"])),
            ),
        ),
        Unit(
            w["unit_S3"],
            (
                Text(w["S3"].format(**numbers), "S3"),
                Formula(("C = ", SlideMatrix(C))),
                Formula((outputs, " = C ", column, "^T")),
            ),
        ),
        Unit(
            w["unit_S4"],
            (
                Text(w["S4"].format(**numbers), "S4"),
                Formula((r"\mathrm{im2col}(X) = ", SlideMatrix(im2col(example, X)))),
            ),
        ),
        Unit(worked.title, (Proof(worked),)),
    ]
    units += _proofs("conv_matrix") + _proofs("im2col")
    return Part(w["part1"], tuple(units))


def _stage_texts(tspec: TransposedConvSpec, w: dict[str, Any]) -> list[str]:
    """The recipe's four stages in words, with their numbers in the seminar's letters."""
    spread = tuple(zero_inserted_length(h, s) for h, s in zip(tspec.input_shape, tspec.stride))
    border = tuple(recipe_padding(q, p, d) for q, p, d in zip(tspec.kernel_shape, tspec.padding, tspec.dilation))
    return [
        w["stage_input"].format(size=_size(tspec.input_shape)),
        w["stage_spread"].format(gap=_value(tuple(s - 1 for s in tspec.stride)), size=_size(spread)),
        w["stage_padded"].format(
            border=_value(border), extra=_value(tspec.output_padding), size=_size(tuple(_padded(tspec, spread)))
        ),
        w["stage_output"].format(size=_size(tspec.out_shape)),
    ]


def _padded(tspec: TransposedConvSpec, spread: tuple[int, ...]) -> list[int]:
    return [
        padded_length(h, q, s, p, d, a)
        for h, q, s, p, d, a in zip(
            tspec.input_shape, tspec.kernel_shape, tspec.stride, tspec.padding, tspec.dilation, tspec.output_padding
        )
    ]


#: T4's picture: a 1-D convolution whose stride-1 matrix has rows to delete on a lattice of 2.
LATTICE_EXAMPLE, LATTICE_STRIDE = ConvSpec(7, 3), 2


def transposed_part(example: ConvSpec, lang: str, latex: Any) -> Part:
    w = words(lang)
    captions = w["captions"]
    tspec = _transposed_example(example)
    n_in, n_out = prod(tspec.out_shape), prod(tspec.input_shape)
    Yt = input_symbols(tspec.input_shape, "Y")
    stages: list[Any] = []
    for stage, text in zip(recipe_stages(tspec, Yt), _stage_texts(tspec, w)):
        stages.append(Text(text))
        stages.append(Formula(tuple(SlideMatrix(grid) for grid in as_grid(stage.array))))
    units = [
        Unit(
            w["unit_T1"],
            (
                Text(w["T1"].format(n_in=n_in, n_out=n_out), "T1"),
                Formula(("C^T = ", SlideMatrix(transposed_conv_matrix(tspec)))),
            ),
        ),
        Unit(w["unit_T2"], (Text(w["T2"], "T2"), transposed_overlays(tspec, captions), *stages)),
        Unit(
            w["unit_T3_T4"],
            (
                Text(w["T3"], "T3"),
                Text(w["T4"], "T4"),
                Figure(partial(lattice_figure, LATTICE_EXAMPLE, LATTICE_STRIDE, captions=captions)),
            ),
        ),
        Unit(
            w["unit_T5"],
            (
                Text(w["T5"], "T5"),
                *[
                    transposed_overlays(
                        TransposedConvSpec((2, 2), (3, 3), stride=s, padding=p), captions, w["T5_case"].format(s=s, p=p)
                    )
                    for s, p in ((1, 0), (2, 0), (2, 1))
                ],
            ),
        ),
    ]
    # too wide for a page or a slide, both verified by symconv prove and shown by the section above
    # in other form: the 2-D recipe proof repeats the 1-D argument per axis; the 4x16 C^T written
    # out is the matrix the section shows already
    units += _proofs("transposed", exclude=("transposed-recipe-2d", "transposed-matrix"))
    pattern = overlap_counts(TransposedConvSpec((3, 3), (3, 3), stride=2))
    units.append(Unit(w["pattern"], (Formula((sympy.Matrix(pattern.tolist()),)),)))
    units += _proofs("checkerboard") + _proofs("subpixel")
    return Part(w["part2"], tuple(units))


def sizes_part(lang: str, latex: Any) -> Part:
    from ..derivations.conv_arithmetic import table

    w = words(lang)
    # T6 is stated where it is proved (one heading, the derivation's)
    units = [
        Unit(unit.title, (Text(w["T6"], "T6"), *unit.blocks))
        if any(isinstance(b, Proof) and b.derivation.name == "transposed-size" for b in unit.blocks)
        else unit
        for unit in _proofs("sizes")
    ]
    units.append(Unit(w["table"], (Formula((table(),)),)))
    units += _proofs("conv_arithmetic")
    return Part(w["sizes"], tuple(units))


#: The bilinear derivations that answer exercise B5 (the rest of the topic stays in its section).
SOLUTION_B5 = ("bilinear-seminar", "bilinear-any-size", "bilinear-padding", "bilinear-any-factor", "fcn-bilinear")


def bilinear_part(lang: str, latex: Any, solutions: bool = True) -> Part:
    """B1-B4 and the exercise B5, stated without its answer (the answer: :func:`solutions_part`,
    which the exercise points to when the documents have it)."""
    w = words(lang)
    proofs = {unit.blocks[0].derivation.name: unit for unit in _proofs("bilinear")}
    units = [
        Unit(w["unit_B1_B2"], (Text(w["B1"], "B1"), Text(w["B2"], "B2"))),
        *[unit for name, unit in proofs.items() if name == "bilinear-formula"],
        Unit(
            w["unit_B3_B4"],
            (Text(w["B3"], "B3"), Text(w["B4"], "B4"), Formula((sympy.Matrix(bilinear_kernel().tolist()),))),
        ),
        Unit(w["unit_B5"], (Text(w["B5"] + (" " + w["B5_see"] if solutions else ""), "B5"),)),
        *[unit for name, unit in proofs.items() if name not in SOLUTION_B5 and name != "bilinear-formula"],
    ]
    return Part(w["part3"], tuple(units))


def solutions_part(lang: str, latex: Any) -> Part:
    """The solution of exercise B5, the whole argument in one place: the construction, even and
    odd outputs, the kernel as an outer product, the padding at the border; the figure and the
    matrix in the same letters (the input ``X``) as the derivations."""
    w = words(lang)
    X = input_symbols((3, 3))
    spec = bilinear_upsampling_spec((3, 3))
    solution = conv_transpose(spec, X, bilinear_kernel())
    proofs = {unit.blocks[0].derivation.name: unit for unit in _proofs("bilinear")}
    units = [
        Unit(
            w["unit_solution_B5"],
            (
                Text(w["B5_solution"]),
                Text(w["B5_figure"]),
                transposed_overlays(spec, w["captions"], input_name="X", kernel=bilinear_kernel()),
                # one fraction an entry: (X_0 + X_1)/2
                Formula((sympy.Matrix(solution.tolist()).applyfunc(sympy.factor),)),
            ),
        ),
        *[proofs[name] for name in SOLUTION_B5 if name in proofs],
    ]
    return Part(w["solutions"], tuple(units), solutions=True)


def extra_parts(lang: str) -> list[Part]:
    """Derivation topics no section shows yet (each topic's section appears as its derivations exist)."""
    shown = {t for topics in PROOF_TOPICS.values() for t in topics}
    return [
        Part(topic.replace("_", " ").capitalize(), tuple(_proofs(topic)))
        for topic in scripts.TOPICS
        if topic not in shown
    ]


def notes_work(example: ConvSpec, topics: tuple[str, ...]) -> dict[str, int]:
    """The work the worked example adds to the documents, in closed form: a slide page and a
    figure per output position (the sliding window's overlays), the matrices printed in full
    (``C``, im2col, ``C^T``, the recipe's stages) and the products of its sliding window.

    >>> notes_work(ConvSpec((4, 4), (3, 3)), ("convolution",))
    {'pages': 4, 'figure cells': 145, 'printed cells': 100, 'products': 36}
    """
    if "convolution" not in topics and "transposed" not in topics:
        return {}
    positions, inputs, taps = prod(example.out_shape), prod(example.input_shape), prod(example.kernel_shape)
    work = {"pages": 0, "figure cells": 0, "printed cells": 0, "products": nonzero_count(example)}
    if "convolution" in topics:
        work["pages"] += positions
        work["figure cells"] += (positions + 1) * figure_work(example)["figure cells"]
        work["printed cells"] += positions * inputs + taps * positions
    if "transposed" in topics:  # C^T and the recipe of the transposed example (from out_shape back)
        recipe = recipe_work(_transposed_example(example))
        work["printed cells"] += positions * inputs + recipe["cells"] // 2
        work["products"] += recipe["products"]
    return work


def _transposed_example(example: ConvSpec) -> TransposedConvSpec:
    return TransposedConvSpec(
        example.out_shape,
        example.kernel_shape,
        stride=example.stride,
        padding=example.padding_before,
        dilation=example.dilation,
    )


def seminar(example: ConvSpec, topics: tuple[str, ...], lang: str, latex: Any, *, solutions: bool = True) -> list[Part]:
    """The parts of the documents for the chosen topics; the solutions of the exercises last
    (left out with ``solutions=False``: a handout before the seminar)."""
    for topic in topics:
        if topic not in PROOF_TOPICS:
            raise SpecError("topics", f"unknown topic {shown(topic)}; choose from {', '.join(TOPICS)}")
    if example.ndim > 2 or prod(example.input_shape) > 64:
        raise SpecError("example", "the worked example must be 1-D or 2-D with at most 64 inputs (8x8)")
    check_work("the notes", notes_work(example, topics), parameter="example")
    parts = []
    if "convolution" in topics:
        parts.append(convolution_part(example, lang, latex))
    if "transposed" in topics:
        parts.append(transposed_part(example, lang, latex))
    if "sizes" in topics:
        parts.append(sizes_part(lang, latex))
    if "bilinear" in topics:
        parts.append(bilinear_part(lang, latex, solutions))
    if set(topics) == set(TOPICS):
        parts += extra_parts(lang)
    if "bilinear" in topics and solutions:
        parts.append(solutions_part(lang, latex))
    return parts
