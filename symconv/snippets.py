r"""LaTeX snippets to paste into your own notes: a table from a snippet's name to its builder.

Each builder takes a :class:`SnippetRequest` (the spec's parameters and the printing options)
and returns LaTeX; :func:`latex_snippet` picks one by name. A new snippet is one function and
one entry in :data:`SNIPPETS`. The ``size`` snippet shows a derivation, so this module sits
above the proofs (beside the notes), not in :mod:`symconv.printing`.

>>> print(latex_snippet("matrix", (3,), (2,)))
\left(\begin{array}{ccc}
W_{0} & W_{1} & 0 \\
0 & W_{0} & W_{1}
\end{array}\right)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import prod
from typing import Any

from .derivations.sizes import conv_size_derivation, transposed_size_derivation
from .errors import SpecError
from .indexmap import index_map_work
from .interpolation import bilinear_kernel
from .limits import check_work, limit_in_force
from .ops.im2col import im2col
from .ops.matrix import conv_matrix
from .ops.transposed import recipe_stages, recipe_work
from .parameters import shown
from .printing.figures import conv_figure, transposed_figure
from .printing.fitting import FittingPrinter
from .printing.matrices import SlideMatrix, as_grid, check_printable
from .printing.printer import SeminarLatexPrinter, latex
from .printing.text import text_latex
from .specs import ConvSpec, TransposedConvSpec
from .symbols import input_symbols

__all__ = ["SnippetRequest", "SNIPPETS", "PREAMBLES", "latex_snippet", "standalone"]


@dataclass(frozen=True)
class SnippetRequest:
    """What a snippet is drawn for: a convolution's parameters (or, with ``transposed``, a
    transposed convolution's) and how to print it."""

    input_shape: Any = (4, 4)
    kernel_shape: Any = (3, 3)
    stride: Any = 1
    padding: Any = 0
    dilation: Any = 1
    output_padding: Any = None
    transposed: bool = False
    position: Any = None
    factor: int = 2
    zero: str = "0"
    full: bool = False
    max_nonzeros: int | None = None

    def spec(self) -> ConvSpec:
        """The convolution, refused when it would be too large to build."""
        if self.transposed:
            raise SpecError(
                "transposed", "only for the figure and size snippets; the snippet 'transposed' shows the recipe"
            )
        if self.output_padding is not None:
            raise SpecError("output_padding", "is only for a transposed convolution", hint="set {transposed}")
        spec = ConvSpec(
            self.input_shape, self.kernel_shape, stride=self.stride, padding=self.padding, dilation=self.dilation
        )
        check_work("the matrix", index_map_work(spec), self.max_nonzeros)
        return spec

    def transposed_spec(self) -> TransposedConvSpec:
        """The transposed convolution, refused when its forward matrix would be too large."""
        output_padding = 0 if self.output_padding is None else self.output_padding
        tspec = TransposedConvSpec(
            self.input_shape,
            self.kernel_shape,
            stride=self.stride,
            padding=self.padding,
            dilation=self.dilation,
            output_padding=output_padding,
        )
        check_work("the matrix", index_map_work(tspec.forward()), self.max_nonzeros)
        return tspec


def _printer() -> FittingPrinter:
    """The seminar's printer for an article's text width: matrices too wide or too large are shown
    transposed or by their corners (the seminar's 4x16 matrix fits whole)."""
    return FittingPrinter({"max_rows": 36, "max_cols": 18, "width": 46.0})


def matrix_snippet(request: SnippetRequest) -> str:
    """The slide-style matrix ``C``."""
    spec = request.spec()
    matrix = SlideMatrix(conv_matrix(spec, max_nonzeros=request.max_nonzeros), zero=request.zero, full=request.full)
    return latex(matrix) if request.full else _printer().fitted(matrix)  # full: every cell, as asked


def im2col_snippet(request: SnippetRequest) -> str:
    """The windows of ``X`` as columns (S4)."""
    spec = request.spec()
    check_printable((prod(spec.kernel_shape), prod(spec.out_shape)), request.full)
    columns = im2col(spec, input_symbols(spec.input_shape), max_nonzeros=request.max_nonzeros)
    matrix = SlideMatrix(columns, zero=request.zero, full=request.full)
    return latex(matrix) if request.full else _printer().fitted(matrix)


def transposed_snippet(request: SnippetRequest) -> str:
    """The stages of the transposed convolution's recipe, each named above its matrix."""
    tspec = request.transposed_spec()
    check_work("the stages", {"printed cells": recipe_work(tspec)["cells"] // 2}, request.max_nonzeros)
    printer = _printer()
    lines = []
    stages = recipe_stages(tspec, input_symbols(tspec.input_shape, "Y"), max_nonzeros=request.max_nonzeros)
    for stage in stages:
        grids = r" \; ".join(printer.fitted(SlideMatrix(g, request.zero)) for g in as_grid(stage.array))
        # the stage's name and description above its matrix, so that it fits an article's width
        lines.append(r"&\text{%s: %s} \\ &\qquad %s" % (text_latex(stage.name), text_latex(stage.description), grids))
    return "\\begin{aligned}\n" + " \\\\[4pt]\n".join(lines) + "\n\\end{aligned}"


def figure_snippet(request: SnippetRequest) -> str:
    """A TikZ figure: the window of output ``position``, or with ``transposed`` the recipe drawn."""
    if request.transposed:
        return transposed_figure(request.transposed_spec(), request.position)
    return conv_figure(request.spec(), request.position)


def size_snippet(request: SnippetRequest) -> str:
    r"""The derivation of the output size (of the transposed convolution with ``transposed``, the
    seminar's T6) as ``align*``, each step's reason on a line of its own (``\intertext``) so that
    it fits an article's text width."""
    derivation = transposed_size_derivation() if request.transposed else conv_size_derivation()
    printer = SeminarLatexPrinter()
    lines = []
    for step in derivation.steps:
        lines.append(f"\\intertext{{{text_latex(step.because)}:}}")
        if step.rhs is None:
            lines.append(f"& {printer._print(step.lhs)} \\\\")
        else:
            left = "" if step.lhs is None else printer._print(step.lhs) + " "
            lines.append(f"{left}&= {printer._print(step.rhs)} \\\\")
    lines[-1] = lines[-1].removesuffix(" \\\\")
    return "\\begin{align*}\n" + "\n".join(lines) + "\n\\end{align*}"


def bilinear_snippet(request: SnippetRequest) -> str:
    """The 2-D bilinear kernel of ``factor``."""
    return latex(bilinear_kernel(request.factor, 2, max_nonzeros=request.max_nonzeros))


#: What each snippet needs in a document: the packages, and whether it is math to put in ``\[ \]``.
PREAMBLES: dict[str, tuple[tuple[str, ...], bool]] = {
    "matrix": (("amsmath",), True),
    "im2col": (("amsmath",), True),
    "transposed": (("amsmath",), True),
    "figure": (("tikz",), False),
    "size": (("amsmath",), False),
    "bilinear": (("amsmath",), True),
}


def standalone(what: str, snippet: str) -> str:
    r"""``snippet`` (of the kind ``what``) as a complete document that compiles as it is: an
    article with the packages the snippet needs (:data:`PREAMBLES`), 2 cm margins and tight matrix
    columns, so that the seminar's 4x16 matrix fits the text width.

    >>> print(standalone("bilinear", "x").splitlines()[1])
    \usepackage{amsmath}
    """
    if what not in PREAMBLES:
        raise SpecError("what", f"must be one of {', '.join(PREAMBLES)}, got {what!r}")
    packages, math = PREAMBLES[what]
    lines = ["\\documentclass{article}"] + [f"\\usepackage{{{package}}}" for package in packages]
    lines += ["\\usepackage[margin=2cm]{geometry}", "\\setlength{\\arraycolsep}{2pt}", "\\begin{document}"]
    lines += ["\\[", snippet, "\\]"] if math else [snippet]
    lines.append("\\end{document}")
    return "\n".join(lines) + "\n"


#: Snippet name -> builder, in the order the CLI lists them.
SNIPPETS: dict[str, Callable[[SnippetRequest], str]] = {
    "matrix": matrix_snippet,
    "im2col": im2col_snippet,
    "transposed": transposed_snippet,
    "figure": figure_snippet,
    "size": size_snippet,
    "bilinear": bilinear_snippet,
}


def latex_snippet(
    what: str,
    input_shape: Any = (4, 4),
    kernel_shape: Any = (3, 3),
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    output_padding: Any = None,
    *,
    transposed: bool = False,
    position: Any = None,
    factor: int = 2,
    zero: str = "0",
    full: bool = False,
    max_nonzeros: int | None = None,
) -> str:
    r"""The LaTeX snippet ``what`` (a name in :data:`SNIPPETS`) for the given parameters
    (``full``: every cell of a matrix beyond 16 rows or columns, else its structure).

    >>> latex_snippet("bilinear", factor=2).startswith(r"\left[\begin{matrix}\frac{1}{4}")
    True
    """
    if what not in SNIPPETS:
        raise SpecError("what", f"must be one of {', '.join(SNIPPETS)}, got {shown(what)}")
    request = SnippetRequest(
        input_shape=input_shape,
        kernel_shape=kernel_shape,
        stride=stride,
        padding=padding,
        dilation=dilation,
        output_padding=output_padding,
        transposed=transposed,
        position=position,
        factor=factor,
        zero=zero,
        full=full,
        max_nonzeros=max_nonzeros,
    )
    with limit_in_force(max_nonzeros):  # the figures and printers a snippet calls use its limit
        return SNIPPETS[what](request)
