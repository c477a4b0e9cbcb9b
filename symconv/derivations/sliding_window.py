r"""S1-S4 for the seminar's case: input 4x4, kernel 3x3, "VALID", output 2x2.

Fully symbolic (all 16 ``X`` and 9 ``W``): the matrix built from the index map is the
slide's 4x16 matrix ``C``; ``C X`` is the sliding window (S1 = S3); the im2col product
``F im2col(X)`` is ``(C X)^T`` (S4).
"""

from __future__ import annotations

import numpy as np
import sympy
from sympy import ImmutableMatrix, IndexedBase, MatMul, MatrixSymbol, Transpose

from symconv import ConvSpec, conv_matrix, im2col, input_symbols, kernel_row, sliding_window, vec
from symconv.indexing import DEFINITIONS, SymbolicConv
from symconv.proof import COLLAPSE, DOIT_EXPAND, LINEAR, Derivation, LinearMap, Step, zero_extension
from symconv.proof.run import run

#: The slide's matrix (S3 of the seminar), row by row; 0 where the slide shows 0.
SLIDE_ROWS = (
    "W00 W01 W02 0   W10 W11 W12 0   W20 W21 W22 0   0   0   0   0",
    "0   W00 W01 W02 0   W10 W11 W12 0   W20 W21 W22 0   0   0   0",
    "0   0   0   0   W00 W01 W02 0   W10 W11 W12 0   W20 W21 W22 0",
    "0   0   0   0   0   W00 W01 W02 0   W10 W11 W12 0   W20 W21 W22",
)


def slide_matrix() -> sympy.Matrix:
    """The 4x16 matrix exactly as the slide shows it (typed in from the seminar)."""
    W = IndexedBase("W")
    return sympy.Matrix(
        [[W[int(cell[1]), int(cell[2])] if cell != "0" else 0 for cell in row.split()] for row in SLIDE_ROWS]
    )


def general_entries(spec: ConvSpec) -> ImmutableMatrix:
    """The matrix whose entries are the general entry ``C_{o,i}`` of the index map with the spec's
    numbers put in (:class:`~symconv.indexing.ConvEntry`, unfolded by the step's rule)."""
    conv = SymbolicConv(
        spec.input_shape, spec.kernel_shape, spec.stride, spec.padding_before, spec.dilation, (0,) * spec.ndim
    )
    k = conv.indices("k")
    outputs, inputs = list(np.ndindex(*spec.out_shape)), list(np.ndindex(*spec.input_shape))
    return ImmutableMatrix(
        len(outputs),
        len(inputs),
        lambda r, c: conv.entry_symbol(tuple(int(x) for x in outputs[r]), tuple(int(x) for x in inputs[c]), k),
    )


def example_case(spec: ConvSpec) -> Derivation:
    """S1 = S3 = S4 for a concrete spec, fully symbolic; for the seminar's spec also the slide's matrix."""
    X = input_symbols(spec.input_shape)
    C = conv_matrix(spec)
    Y = sliding_window(spec, X)
    F = kernel_row(spec)
    columns = im2col(spec, X)
    seminar = spec == ConvSpec((4, 4), (3, 3))
    slide = (
        (
            Step(
                general_entries(spec),
                slide_matrix(),
                "the general entry $C_{o,i} = \\sum_k W_k \\delta_{i, s o - p + d k}$ with the seminar's numbers "
                "is the slide's 4x16 matrix (S3)",
                zero_extension(*DEFINITIONS).then(COLLAPSE),
            ),
        )
        if seminar
        else ()
    )

    def size(shape: tuple[int, ...]) -> str:
        return " \\times ".join(map(str, shape))

    def value(values: tuple[object, ...]) -> str:
        return str(values[0]) if len(set(values)) == 1 else str(values)

    return Derivation(
        name="seminar-4x4" if seminar else "worked-example",
        title=(
            "The seminar's case: the sliding window is $C X = F \\, \\mathrm{im2col}(X)$ (S1–S4)"
            if seminar
            else "The worked example: the sliding window is $C X = F \\, \\mathrm{im2col}(X)$ (S1–S4)"
        ),
        statement=(
            f"Input ${size(spec.input_shape)}$ flattened row-major to $X_0, \\dots, X_{{{len(X) - 1}}}$, "
            f"kernel ${size(spec.kernel_shape)}$, stride {value(spec.stride)}, padding "
            f"{value(spec.padding)}: output ${size(spec.out_shape)}$, and three ways to compute it agree."
        ),
        steps=slide
        + (
            Step(LinearMap(C, X), vec(Y), "$C X$ is the sliding window, row by row (S1 = S3)", LINEAR),
            Step(
                MatMul(ImmutableMatrix(F), ImmutableMatrix(columns), evaluate=False),
                vec(Y).T,
                "im2col: the kernel row times the window columns is $(C X)^T$ (S4)",
                DOIT_EXPAND,
                # by their names: the window columns are shown above (S4), C X in the step before
                named=(
                    MatMul(MatrixSymbol("F", *F.shape), MatrixSymbol("im2col(X)", *columns.shape)),
                    Transpose(MatMul(MatrixSymbol("C", *C.shape), MatrixSymbol("X", len(X), 1))),
                ),
            ),
        ),
        fact="S1-S4",
    )


def seminar_case() -> Derivation:
    return example_case(ConvSpec((4, 4), (3, 3)))


def derivations() -> list[Derivation]:
    return [seminar_case()]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
