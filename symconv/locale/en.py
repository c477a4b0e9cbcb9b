"""English: the documents' words (sections, facts S1..B5, captions, labels).

The derivations are written in English, so English needs no ``PROSE``: their texts are the keys
of the other languages' catalogues.
"""

from __future__ import annotations

from typing import Any

__all__ = ["WORDS", "PROSE", "PREAMBLE"]

#: The language-specific part of a document's preamble.
PREAMBLE = "\\usepackage[T1]{fontenc}\n\\usepackage[english]{babel}"

WORDS: dict[str, Any] = {
    "title": "Convolutions: sliding window, matrices, transposed convolution",
    "subtitle": "Notes of the seminar, every formula built and verified by symconv",
    "part1": "Sliding window vs matrix multiplication",
    "part2": "Transposed convolution",
    "part3": "Bilinear interpolation as a transposed convolution",
    "general": "For every spec",
    "sizes": "Output sizes",
    "S1": "Applying a convolution is computing dot products of the kernel with a sliding window "
    "(deep learning's convolution is a cross-correlation: the kernel is not flipped).",
    "S2": "Worked case: input {input}, kernel {kernel}, stride {stride}, padding {padding}: output {output}.",
    "S3": "The sliding window is one matrix product $Y = C X$: the input flattened row-major into a column "
    "$X$ of size {n_in}$\\times$1, the output into $Y$ of size {n_out}$\\times$1, and the kernel laid "
    "out into the sparse {n_out}$\\times${n_in} matrix $C$.",
    "S4": "im2col: the kernel as a row $F$ (1$\\times${n_taps}), the input rearranged into a matrix of windows "
    "({n_taps}$\\times${n_out}), the output as the row $F \\cdot \\mathrm{{im2col}}(X)$. Low-level libraries "
    "do this; it cannot show why the transposed convolution is called transposed.",
    "T1": "To go from {n_out} values to {n_in}, the matrix must be {n_in}$\\times${n_out}: the shape of $C^T$. "
    "Hence the name.",
    "T2": "Its stride and padding are those of the convolution whose matrix is transposed, and act the other "
    "way round: $s - 1$ zeros are inserted between neighbouring inputs, the kernel then slides with "
    "stride 1, rotated by 180 degrees, over the input padded with $q - 1 - p$ zeros ($p$ is subtracted).",
    "T3": "With $s = 1$ a transposed convolution is a convolution.",
    "T4": "For a convolution, the matrix for $s > 1$ is the $s = 1$ matrix with rows deleted on a regular "
    "lattice; for the transposed convolution, columns. Going back from $s > 1$ to $s = 1$ is spreading the "
    "input with zeros on that lattice and applying an ordinary convolution.",
    "T5": "The cases $s = 1, p = 0$; $s = 2, p = 0$; $s = 2, p = 1$ for a 2$\\times$2 input and a 3$\\times$3 "
    "kernel (drawn from the index map).",
    "T6": "Output size: input $h$, kernel $q$, stride $s$, padding $p$ give $w = (h - 1)s - 2p + q$.",
    "B1": "A transposed convolution enlarges its input: can it implement classical bilinear interpolation?",
    "B2": "On the unit square with known corner values, "
    "$f(x, y) \\approx [1 - x,\\ x] \\begin{bmatrix} f(0,0) & f(0,1) \\\\ f(1,0) & f(1,1) \\end{bmatrix} "
    "\\begin{bmatrix} 1 - y \\\\ y \\end{bmatrix}$.",
    "B3": "Upsampling by 2 inserts one value between neighbouring nodes, so $s = 2$; the new points are "
    "$(0.5, 0)$, $(0, 0.5)$, $(0.5, 0.5)$, $(1, 0.5)$, $(0.5, 1)$; the centre uses all four corners.",
    "B4": "This is done by the 3$\\times$3 kernel below.",
    "B5": "Exercise: show that a transposed convolution with the kernel of B4 and stride 2 is bilinear "
    "interpolation of its input. Which padding does it need, how many outputs does an input of size $h$ "
    "give, and what happens at the border?",
    "B5_see": "(The solution is at the end.)",
    "T5_case": "the transposed convolution for $s = {s}$, $p = {p}$",
    "unit_S1": "S1: a convolution is a sliding window of dot products",
    "unit_S2": "S2: the worked case",
    "unit_S3": "S3: the sliding window as one matrix product $Y = C X$",
    "unit_S4": "S4: im2col, the kernel as a row times a matrix of windows",
    "unit_T1": "T1: going back needs the shape of $C^T$, hence the name",
    "unit_T2": "T2: the recipe of the transposed convolution, stage by stage",
    "unit_T3_T4": "T3, T4: with $s = 1$ a convolution; for $s > 1$ rows or columns deleted on a lattice",
    "unit_T5": "T5: the transposed convolution drawn for $s = 1, p = 0$; $s = 2, p = 0$; $s = 2, p = 1$",
    "unit_B1_B2": "B1, B2: can a transposed convolution interpolate? Bilinear interpolation on a square",
    "unit_B3_B4": "B3, B4: upsampling by 2 needs $s = 2$ and a $3 \\times 3$ kernel",
    "unit_B5": "Exercise B5: bilinear upsampling as a transposed convolution",
    "unit_solution_B5": "Solution of exercise B5",
    "solutions": "Solutions",
    "B5_solution": "The construction: the kernel of B4, stride $s = 2$ (B3) and padding $p = 1$; an input of size "
    "$h$ gives $(h - 1) \\cdot 2 - 2 \\cdot 1 + 3 = 2h - 1$ outputs (T6), the input's $h$ nodes and the $h - 1$ "
    "points between them. In 1-D the kernel is $(1/2, 1, 1/2)$: an even output $2m$ is reached only by the "
    "centre tap, so it copies the input $X_m$; an odd output $2m + 1$ is reached by the two taps $1/2$, so it "
    "averages the two neighbours $X_m$ and $X_{m+1}$: linear interpolation at the midpoint (B2 in 1-D). The "
    "$3 \\times 3$ kernel is the outer product of $(1/2, 1, 1/2)$ with itself, so rows and columns are "
    "interpolated independently: the new points of B3 average two inputs, the centre of a square four. The "
    "padding: with $p = 0$ the output has $2h + 1$ values and its two ends are $X_0/2$ and $X_{h-1}/2$, an "
    "interpolation towards zeros outside the input; padding $p$ crops $p$ outputs from each end, and $p = 1$ "
    "crops exactly these two, so the corners of the output are the input's corners: bilinear interpolation "
    "with align_corners=True. Padding $p \\ge 2$ would crop input nodes.",
    "B5_figure": "Below: the rotated kernel over the zero-inserted, padded $3 \\times 3$ input $X_0, \\dots, X_8$ "
    "writing one output, then the whole $5 \\times 5$ output; the derivations after it prove every step.",
    "stage_input": "Input: $Y$, {size}.",
    "stage_spread": "Zeros inserted: $s - 1 = {gap}$ between neighbouring inputs, length $(h - 1)s + 1$: {size}.",
    "stage_padded": "Padded: $d(q - 1) - p = {border}$ on each side (a negative number crops), $a = {extra}$ more "
    "at the end: {size}.",
    "stage_output": "Output: the kernel, rotated by 180 degrees, slides with stride 1: {size}.",
    "verification": "Verification",
    "verification_intro": "Every step of every derivation above was checked twice before these notes were "
    "written: exactly, by the transformation named below (SymPy), and numerically, at random points of its "
    "parameters; each derivation's numeric checks compare with independent implementations (the numpy "
    "reference, PyTorch) or run every case in the stated ranges. A step marked with a check mark in the text "
    "has its row here.",
    "checked_also": "also checked numerically against independent implementations (see the appendix)",
    "check": "numeric check",
    "points": "numeric: {points} random points in all",
    "matrix": "The matrix $C$",
    "table": "The relationships of Dumoulin and Visin's guide, in their notation and the seminar's",
    "pattern": "Overlap counts (checkerboard) for $q = 3$, $s = 2$ in 2-D",
    "kernel": "The kernel",
    "verified": "verified",
    "exact": "exact",
    "numeric": "numeric",
    "assuming": "Assuming",
    "where": "for",
    "language_note": "",
    "position": "output position",
    "captions": {
        "input": "input",
        "padding": "padding shaded",
        "kernel": "kernel",
        "output": "output",
        "spread": "zeros inserted",
        "rotated": "kernel rotated by 180 degrees",
        "cropped": "cropped",
        "deleted": "deleted by the stride",
    },
}

#: English prose is the derivations' own text.
PROSE: dict[str, str] = {}
