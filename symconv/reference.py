r"""Numeric reference implementations in numpy, written from the definitions.

They share nothing with the symbolic code (no index map): they pad with ``np.pad``
and cut strided, dilated windows by slicing. The proofs' numeric checks compare the
symbolic objects with them.

>>> import numpy as np
>>> from symconv import ConvSpec
>>> conv_reference(ConvSpec(4, 3), np.array([1., 2., 3., 4.]), np.array([1., 0., -1.]))
array([-2., -2.])
"""

from __future__ import annotations

import random

import numpy as np
import numpy.typing as npt
from sympy import MatrixBase

from .sparse import nonzero_rows
from .specs import ConvSpec
from .typing import Shape

__all__ = ["conv_reference", "to_numpy"]


def conv_reference(spec: ConvSpec, x: npt.ArrayLike, w: npt.ArrayLike) -> np.ndarray:
    """Cross-correlation of ``x`` (``input_shape``) with ``w`` (``kernel_shape``) as PyTorch computes it."""
    x = np.asarray(x, dtype=float).reshape(spec.input_shape)
    w = np.asarray(w, dtype=float).reshape(spec.kernel_shape)
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


def to_numpy(matrix: MatrixBase) -> np.ndarray:
    """A numeric SymPy matrix as a dense float array (for small matrices), reading only its non-zeros."""
    result = np.zeros(matrix.shape)
    for r, row in nonzero_rows(matrix).items():
        for c, value in row.items():
            result[r, c] = float(value)
    return result


def random_numbers(rng: random.Random, shape: Shape) -> np.ndarray:
    """Small random integers as floats: exact in floating point, so comparisons can be exact."""
    return np.array([rng.randint(-5, 5) for _ in range(int(np.prod(shape)))], dtype=float).reshape(shape)
