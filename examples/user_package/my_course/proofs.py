"""Stacking convolutions, for my course."""

from __future__ import annotations

import sympy

from symconv import ConvSpec, conv_matrix, input_symbols, kernel_symbols
from symconv.proof import DOIT_EXPAND, Derivation, Step


def window() -> Derivation:
    """``Y = C X`` for 3 inputs and a 2-tap kernel, against the window sums written on the board."""
    W, X = kernel_symbols((2,)), input_symbols((3,))
    C = conv_matrix(ConvSpec(3, 2))
    column = sympy.Matrix([X[0], X[1], X[2]])
    board = sympy.Matrix([W[0] * X[0] + W[1] * X[1], W[0] * X[1] + W[1] * X[2]])
    return Derivation(
        "board-window",
        "The matrix product is the sliding window",
        "each output is the kernel against its window: $Y_o = W_0 X_o + W_1 X_{o+1}$",
        steps=(Step(sympy.MatMul(C, column), board, "multiply the matrix out", DOIT_EXPAND),),
    )


def two_layers() -> Derivation:
    """Two layers with 2-tap kernels are one layer with a 3-tap kernel (stride 1, no padding)."""
    A, B = sympy.IndexedBase("A"), sympy.IndexedBase("B")
    first = conv_matrix(ConvSpec(5, 2), [A[0], A[1]])
    second = conv_matrix(ConvSpec(4, 2), [B[0], B[1]])
    composed = [B[0] * A[0], B[0] * A[1] + B[1] * A[0], B[1] * A[1]]
    return Derivation(
        "two-layers-one-kernel",
        "Two layers are one layer",
        "a 2-tap layer after a 2-tap layer is one 3-tap layer whose kernel is the two kernels convolved",
        steps=(
            Step(
                sympy.MatMul(second, first),
                conv_matrix(ConvSpec(5, 3), composed),
                "multiply the two matrices",
                DOIT_EXPAND,
            ),
        ),
    )


def derivations() -> list[Derivation]:
    return [window(), two_layers()]
