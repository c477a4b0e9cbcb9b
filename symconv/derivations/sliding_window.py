r"""S1-S4 for the seminar's case: input 4x4, kernel 3x3, "VALID", output 2x2.

Fully symbolic (all 16 ``X`` and 9 ``W``): the matrix built from the index map is the
slide's 4x16 matrix ``C``; ``C X`` is the sliding window (S1 = S3); the im2col product
``F im2col(X)`` is ``(C X)^T`` (S4).
"""

from __future__ import annotations

import sympy
from sympy import ImmutableMatrix, IndexedBase, MatMul

from symconv import ConvSpec, conv_matrix, im2col, input_symbols, kernel_row, sliding_window, vec
from symconv.proof import DOIT_EXPAND, LINEAR, STRUCTURAL, Derivation, LinearMap, Step, run

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


def example_case(spec: ConvSpec) -> Derivation:
    """S1 = S3 = S4 for a concrete spec, fully symbolic; for the seminar's spec also the slide's matrix."""
    X = input_symbols(spec.input_shape)
    C = conv_matrix(spec)
    Y = sliding_window(spec, X)
    F = kernel_row(spec)
    columns = im2col(spec, X)
    seminar = spec == ConvSpec((4, 4), (3, 3))
    slide = (
        (Step(C, slide_matrix(), "the matrix built from the index map is the slide's 4x16 matrix (S3)", STRUCTURAL),)
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
            "The seminar's case: sliding window = C X = F im2col(X) (S1-S4)"
            if seminar
            else "The worked example: sliding window = C X = F im2col(X) (S1-S4)"
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
