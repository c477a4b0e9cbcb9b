r"""Numeric reference implementations in numpy, written from the definitions: for your checks.

They share nothing with the symbolic code (no index map, no recipe): the convolution pads
with ``np.pad`` and cuts strided, dilated windows by slicing; the transposed convolution
scatters each input times the kernel into the output (its definition as the adjoint). With
channels both follow PyTorch's layouts and groups. A derivation's :class:`~symconv.proof.Check`
compares the symbolic objects, with numbers put in, against them; :func:`random_numbers` gives
numbers that are exact in floating point, :func:`to_numpy` reads a SymPy matrix.

>>> import numpy as np
>>> from symconv import ConvSpec, TransposedConvSpec
>>> conv_reference(ConvSpec(4, 3), np.array([1., 2., 3., 4.]), np.array([1., 0., -1.]))
array([-2., -2.])
>>> conv_transpose_reference(TransposedConvSpec(2, 3, stride=2), [1., 2.], [1., 1., 1.])
array([1., 1., 3., 2., 2.])
"""

from __future__ import annotations

import random

import numpy as np
import numpy.typing as npt
from sympy import MatrixBase

from .sparse import nonzero_rows
from .specs import ConvSpec, TransposedConvSpec
from .typing import Shape

__all__ = ["conv_reference", "conv_transpose_reference", "to_numpy", "random_numbers"]


def _correlate(spec: ConvSpec, x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """One input channel against one kernel: windows of the zero-padded input, strided and dilated."""
    padded = np.pad(x, list(zip(spec.padding_before, spec.padding_after)))
    out = np.zeros(spec.out_shape)
    for o in np.ndindex(*spec.out_shape):
        window = padded[
            tuple(
                slice(s * oi, s * oi + d * (q - 1) + 1, d)
                for oi, s, d, q in zip(o, spec.stride, spec.dilation, spec.kernel_shape)
            )
        ]
        out[o] = float(np.sum(window * w))
    return out


def conv_reference(spec: ConvSpec, x: npt.ArrayLike, w: npt.ArrayLike) -> np.ndarray:
    """Cross-correlation of ``x`` with ``w`` as PyTorch computes it: ``x`` of ``input_shape`` and
    ``w`` of ``kernel_shape`` give ``out_shape``; with channels, ``x`` of ``(in_channels,
    *input_shape)`` and ``w`` of ``spec.weight_shape`` give ``(out_channels, *out_shape)``, each
    output channel summing its group's input channels.

    >>> import numpy as np
    >>> spec = ConvSpec(3, 2, in_channels=2, out_channels=2, groups=2)
    >>> conv_reference(spec, [[1, 2, 3], [4, 5, 6]], [[[1, 0]], [[0, 1]]])
    array([[1., 2.],
           [5., 6.]])
    """
    if not spec.has_channels:
        return _correlate(
            spec,
            np.asarray(x, dtype=float).reshape(spec.input_shape),
            np.asarray(w, dtype=float).reshape(spec.kernel_shape),
        )
    values = np.asarray(x, dtype=float).reshape(spec.in_channels, *spec.input_shape)
    weight = np.asarray(w, dtype=float).reshape(spec.weight_shape)
    per_in, per_out = spec.in_channels // spec.groups, spec.out_channels // spec.groups
    out = np.zeros((spec.out_channels, *spec.out_shape))
    for o in range(spec.out_channels):
        for c in range(per_in):
            out[o] += _correlate(spec, values[(o // per_out) * per_in + c], weight[o, c])
    return out


def conv_transpose_reference(tspec: TransposedConvSpec, y: npt.ArrayLike, w: npt.ArrayLike) -> np.ndarray:
    """The transposed convolution as PyTorch computes it, by scattering: input ``y[o]`` adds
    ``w[k] y[o]`` at output ``s o - p + d k`` (positions outside the output dropped; the output
    has ``output_padding`` more at the end). With channels, ``y`` of ``(in_channels,
    *input_shape)`` and ``w`` of ``tspec.weight_shape`` give ``(out_channels, *out_shape)``.

    >>> conv_transpose_reference(TransposedConvSpec(2, 2, padding=1, output_padding=0), [1., 2.], [1., 10.])
    array([12.])
    """
    channels = tspec.has_channels
    values = np.asarray(y, dtype=float).reshape(tspec.in_channels, *tspec.input_shape)
    weight = np.asarray(w, dtype=float).reshape(tspec.weight_shape)
    per_in, per_out = tspec.in_channels // tspec.groups, tspec.out_channels // tspec.groups
    out = np.zeros((tspec.out_channels, *tspec.out_shape))
    for c in range(tspec.in_channels):
        for m in range(per_out):
            target = (c // per_in) * per_out + m
            for o in np.ndindex(*tspec.input_shape):
                for k in np.ndindex(*tspec.kernel_shape):
                    j = tuple(
                        s * oj - p + d * kj
                        for oj, kj, s, p, d in zip(o, k, tspec.stride, tspec.padding, tspec.dilation)
                    )
                    if all(0 <= jj < size for jj, size in zip(j, tspec.out_shape)):
                        out[(target, *j)] += weight[(c, m, *k)] * values[(c, *o)]
    return out if channels else out[0]


def to_numpy(matrix: MatrixBase) -> np.ndarray:
    """A numeric SymPy matrix as a dense float array (for small matrices), reading only its non-zeros.

    >>> import sympy
    >>> to_numpy(sympy.Matrix([[0, 1], [2, 0]]))
    array([[0., 1.],
           [2., 0.]])
    """
    result = np.zeros(matrix.shape)
    for r, row in nonzero_rows(matrix).items():
        for c, value in row.items():
            result[r, c] = float(value)
    return result


def random_numbers(rng: random.Random, shape: Shape) -> np.ndarray:
    """Small random integers (-5 to 5) as floats, of ``shape``: exact in floating point, so that
    comparisons of sums of products can be exact.

    >>> random_numbers(random.Random(0), (2, 3)).shape
    (2, 3)
    """
    return np.array([rng.randint(-5, 5) for _ in range(int(np.prod(shape)))], dtype=float).reshape(shape)
