r"""The definition (the seminar's S1): dot products of the kernel with a sliding window.

Written directly from the definition, without the index map: pad the input with
zeros, cut out the window of every output position (stride ``s``, taps ``d`` apart),
and take its dot product with the kernel. It is the second, independent route to the
result that the matrix ``C`` must reproduce.

>>> from symconv import ConvSpec
>>> sliding_window(ConvSpec(4, 3), [1, 2, 3, 4], [1, 0, -1])
[-2, -2]
"""

from __future__ import annotations

from math import prod

import numpy as np
import sympy
from sympy import Add, Array

from ..channels import require_single_channel
from ..indexmap import nonzero_count
from ..limits import check_work
from ..operands import as_array, as_kernel, flat, object_array
from ..sparse import is_zero_number, times
from ..specs import ConvSpec, require_spec
from ..typing import ArrayLike

__all__ = ["sliding_window", "padded_input", "sliding_window_work", "window_sums"]


def padded_input(spec: ConvSpec, X: ArrayLike) -> np.ndarray:
    """The input surrounded by the spec's zeros, as a numpy object array of SymPy entries."""
    values = object_array(as_array(X, spec.input_shape, "X"))
    padded = np.full(
        tuple(h + b + a for h, b, a in zip(spec.input_shape, spec.padding_before, spec.padding_after)),
        sympy.S.Zero,
        dtype=object,
    )
    padded[tuple(slice(b, b + h) for b, h in zip(spec.padding_before, spec.input_shape))] = values
    return padded


def sliding_window_work(spec: ConvSpec, products: int | None = None) -> dict[str, int]:
    """The work of :func:`sliding_window`: the cells of the padded input and of the output, the window entries visited
    (``prod(out_shape) * prod(kernel_shape)``, zeros included), the products with the input
    (``products``, by default the non-zeros of ``C``) and the kernel's taps.

    >>> sliding_window_work(ConvSpec(4, 3, padding=1))
    {'cells': 14, 'window reads': 12, 'products': 10, 'taps': 3}
    """
    padded = prod(h + b + a for h, b, a in zip(spec.input_shape, spec.padding_before, spec.padding_after))
    return {
        "cells": padded + prod(spec.input_shape) + prod(spec.out_shape),
        "window reads": prod(spec.out_shape) * prod(spec.kernel_shape),
        "products": nonzero_count(spec) if products is None else products,
        "taps": prod(spec.kernel_shape),
    }


def window_sums(spec: ConvSpec, padded: np.ndarray, taps: list[sympy.Expr]) -> Array:
    """The dot product of ``taps`` with the window of every output position of ``spec`` over the
    already padded input (``spec``'s own padding is not applied again); zero entries are skipped."""
    # one comparison with zero per padded entry (the padding and a recipe's inserted zeros are skipped)
    nonzero = (
        np.vectorize(lambda x: not is_zero_number(x), otypes=[bool])(padded) if padded.size else padded.astype(bool)
    )
    # the tap k of every window at once: the padded input from d k on, every s-th entry
    reach = [s * (w - 1) + 1 for s, w in zip(spec.stride, spec.out_shape)]
    columns = []
    for tap, k in zip(taps, np.ndindex(*spec.kernel_shape)):
        cut = tuple(slice(d * kk, d * kk + r, s) for kk, d, r, s in zip(k, spec.dilation, reach, spec.stride))
        columns.append((tap, padded[cut].ravel().tolist(), nonzero[cut].ravel().tolist()))
    entries = [Add(*[times(w, x[n]) for w, x, keep in columns if keep[n]]) for n in range(prod(spec.out_shape))]
    return Array(entries, spec.out_shape)


def sliding_window(
    spec: ConvSpec, X: ArrayLike, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> Array:
    r"""The convolution by its definition: an Array of ``out_shape`` of window dot products.

    .. math:: Y[o] = \sum_k W[k]\, X_{\mathrm{pad}}[s\,o + d\,k]

    >>> from symconv import ConvSpec, input_symbols
    >>> Y = sliding_window(ConvSpec((4, 4), (3, 3)), input_symbols((4, 4)))
    >>> Y.shape
    (2, 2)
    >>> Y[0, 0].coeff(Y[0, 0].free_symbols and sympy.IndexedBase("X")[5])
    W[1, 1]
    """
    require_spec(spec, ConvSpec)
    require_single_channel(spec, "sliding_window")
    check_work("the sliding window", sliding_window_work(spec), max_nonzeros)
    padded = padded_input(spec, X)
    return window_sums(spec, padded, flat(as_kernel(kernel, spec.kernel_shape, max_nonzeros=max_nonzeros)))
