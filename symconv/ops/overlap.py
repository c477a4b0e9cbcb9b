r"""Checkerboard overlap (Odena, Dumoulin and Olah, 2016): how many kernel taps reach each
output position of a transposed convolution.

>>> from symconv import TransposedConvSpec
>>> overlap_counts(TransposedConvSpec(4, 3, stride=2)).tolist()
[1, 1, 2, 1, 2, 1, 2, 1, 1]
"""

from __future__ import annotations

from math import gcd, prod

import numpy as np
from sympy import Array

from ..errors import SpecError
from ..indexmap import index_map, index_map_work
from ..limits import check_work
from ..parameters import as_int
from ..specs import TransposedConvSpec, require_spec

__all__ = ["overlap_counts", "interior_overlap"]


def overlap_counts(tspec: TransposedConvSpec, *, max_nonzeros: int | None = None) -> Array:
    """The number of (input, tap) pairs landing on each output position, an Array of ``out_shape``.

    >>> from symconv import TransposedConvSpec
    >>> overlap_counts(TransposedConvSpec((2, 2), (3, 3), stride=2)).tolist()[2]
    [2, 2, 4, 2, 2]
    """
    require_spec(tspec, TransposedConvSpec, "tspec")
    work = index_map_work(tspec.forward())
    check_work("the overlap counts", {**work, "cells": work["cells"] + 2 * prod(tspec.out_shape)}, max_nonzeros)
    imap = index_map(tspec.forward(), max_nonzeros=max_nonzeros).restrict_outputs(tspec.input_shape)
    counts = np.bincount(imap.flat_input, minlength=prod(tspec.out_shape))
    return Array(counts.reshape(tspec.out_shape).tolist())


def interior_overlap(j: int, q: int, s: int, p: int = 0, d: int = 1) -> int:
    """Taps reaching output ``j`` away from the borders: ``#{k < q : d k = j + p (mod s)}``.

    Periodic in ``j`` with period ``s``; constant exactly when ``gcd(d, s) = 1`` and ``s | q``.

    >>> [interior_overlap(j, 3, 2) for j in range(4)]
    [2, 1, 2, 1]
    """
    j, p = as_int(j, "j"), as_int(p, "padding")
    q, s, d = (as_int(v, name) for v, name in ((q, "kernel_shape"), (s, "stride"), (d, "dilation")))
    if q < 1 or s < 1 or d < 1 or p < 0:
        raise SpecError(
            "kernel_shape" if q < 1 else "stride" if s < 1 else "dilation" if d < 1 else "padding",
            "must be positive (padding non-negative)",
        )
    # d k = c (mod s) is solvable when g = gcd(d, s) divides c; then k = k0 (mod s/g), counted in closed form
    c, g = j + p, gcd(d, s)
    if c % g:
        return 0
    period = s // g
    first = (c // g) * pow(d // g, -1, period) % period if period > 1 else 0
    return 0 if first >= q else (q - 1 - first) // period + 1
