r"""The sub-pixel form (Shi et al., 2016): a stride-``s`` transposed convolution is ``s^n``
stride-1 convolutions of the small input with the kernel's phases, interleaved.

Before the padding is cropped, output ``t = s u + r`` (phase ``r``) receives exactly
the taps ``k`` with ``d k = s m + r``: ``Z[s u + r] = sum_m g_r[m] Y[u - m]`` with the
sub-kernel ``g_r[m] = W[(s m + r)/d]`` (``W[s m + r]`` without dilation). The output is
``Z`` shifted by the padding: ``y[j] = Z[j + p]``.

>>> from symconv import TransposedConvSpec
>>> subpixel_kernels(TransposedConvSpec(2, 3, stride=2))
{(0,): [W[0], W[2]], (1,): [W[1]]}
"""

from __future__ import annotations

import itertools
from math import prod

import numpy as np
import sympy
from sympy import Array

from ..channels import require_single_channel
from ..limits import check_work
from ..operands import as_array, as_kernel, from_object_array, object_array
from ..specs import ConvSpec, TransposedConvSpec, require_spec
from ..typing import ArrayLike, Shape
from .sliding_window import sliding_window
from .transposed import rotate_kernel

__all__ = ["subpixel_kernels", "subpixel_conv_transpose", "periodic_shuffle", "subpixel_work"]


def subpixel_work(tspec: TransposedConvSpec, *, convolutions: bool = False) -> dict[str, int]:
    """The work of :func:`subpixel_kernels` (and, with ``convolutions``, of
    :func:`subpixel_conv_transpose`), bounded in closed form per dimension.

    The ``s`` phases of a dimension hold at most ``c = s + d(q-1)`` taps together (each tap in one
    phase, each phase at least one entry), and finding them visits ``sum(q)`` taps per phase; the phases of
    several dimensions are products, so the bounds multiply. Each phase's stride-1 convolution
    of ``h`` inputs with ``g`` taps has ``h g`` products over ``h + 2(g-1)`` padded cells.

    >>> subpixel_work(TransposedConvSpec(2, 3, stride=2))
    {'cells': 10, 'taps': 3}
    """
    phases = [s + d * (q - 1) for s, d, q in zip(tspec.stride, tspec.dilation, tspec.kernel_shape)]
    visits = prod(tspec.stride) * sum(tspec.kernel_shape)  # each phase looks at every tap of each dimension
    work = {"cells": prod(phases) + visits, "taps": prod(tspec.kernel_shape)}
    if convolutions:
        h = tspec.input_shape
        full = prod(
            (hj - 1) * s + d * (q - 1) + 1 + p + a
            for hj, s, d, q, p, a in zip(
                h, tspec.stride, tspec.dilation, tspec.kernel_shape, tspec.padding, tspec.output_padding
            )
        )
        padded = prod(s * hj + 2 * c for s, hj, c in zip(tspec.stride, h, phases))
        work["cells"] += 2 * full + padded + 2 * prod(h)
        work["window reads"] = prod((hj + c) * c for hj, c in zip(h, phases))
        work["products"] = prod(hj * c for hj, c in zip(h, phases))
    return work


def subpixel_kernels(
    tspec: TransposedConvSpec, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> dict[Shape, Array]:
    """The phases: for each ``r`` in ``[0, s)^n`` the sub-kernel ``g_r[m] = W[k]`` where ``d k = s m + r``.

    A phase that no tap reaches has the sub-kernel ``[0]``.

    >>> from symconv import TransposedConvSpec
    >>> subpixel_kernels(TransposedConvSpec(3, 4, stride=2))
    {(0,): [W[0], W[2]], (1,): [W[1], W[3]]}
    """
    require_spec(tspec, TransposedConvSpec, "tspec")
    require_single_channel(tspec, "subpixel_kernels")
    check_work("the sub-pixel phases", subpixel_work(tspec), max_nonzeros)
    W = object_array(as_kernel(kernel, tspec.kernel_shape, max_nonzeros=max_nonzeros)).reshape(tspec.kernel_shape)
    result = {}
    for r in itertools.product(*[range(s) for s in tspec.stride]):
        axes = []
        for rj, s, d, q in zip(r, tspec.stride, tspec.dilation, tspec.kernel_shape):
            # taps of this phase in this dimension, in order of m = (d k - r) / s
            axes.append([k for k in range(q) if (d * k - rj) % s == 0])
        if not all(axes):
            result[r] = from_object_array(np.full((1,) * len(r), sympy.S.Zero, dtype=object))
            continue
        shape = [max((d * k - rj) // s for k in ks) + 1 for ks, rj, s, d in zip(axes, r, tspec.stride, tspec.dilation)]
        g = np.full(shape, sympy.S.Zero, dtype=object)
        for ks in itertools.product(*axes):
            m = tuple((d * k - rj) // s for k, rj, s, d in zip(ks, r, tspec.stride, tspec.dilation))
            g[m] = W[ks]
        result[r] = from_object_array(g)
    return result


def periodic_shuffle(phases: dict[Shape, np.ndarray], stride: Shape, shape: Shape) -> np.ndarray:
    """Interleave phase outputs: ``Z[s u + r] = phases[r][u]`` (PyTorch's ``pixel_shuffle`` in space)."""
    Z = np.full(shape, sympy.S.Zero, dtype=object)
    for r, values in phases.items():
        target = tuple(slice(rj, None, s) for rj, s in zip(r, stride))
        view = Z[target]
        n = tuple(min(a, b) for a, b in zip(view.shape, values.shape))
        view[tuple(slice(0, k) for k in n)] = values[tuple(slice(0, k) for k in n)]
    return Z


def subpixel_conv_transpose(
    tspec: TransposedConvSpec, Y: ArrayLike, kernel: ArrayLike | None = None, *, max_nonzeros: int | None = None
) -> Array:
    """The transposed convolution as ``s^n`` stride-1 convolutions of ``Y`` with the sub-kernels,
    interleaved, then cropped by the padding (and extended by the output padding).

    >>> from symconv import TransposedConvSpec, conv_transpose
    >>> t = TransposedConvSpec(3, 3, stride=2, padding=1)
    >>> subpixel_conv_transpose(t, [1, 2, 3], [1, 2, 4]) == conv_transpose(t, [1, 2, 3], [1, 2, 4])
    True
    """
    require_spec(tspec, TransposedConvSpec, "tspec")
    require_single_channel(tspec, "subpixel_conv_transpose")
    check_work("the sub-pixel convolution", subpixel_work(tspec, convolutions=True), max_nonzeros)
    h = tspec.input_shape
    values = as_array(Y, h, "Y")
    phases = {}
    for r, g in subpixel_kernels(tspec, kernel, max_nonzeros=max_nonzeros).items():
        M = tuple(n - 1 for n in g.shape)
        # Z_r[u] = sum_m g[m] Y[u - m]: a stride-1 convolution, the rotated sub-kernel sliding over Y padded by M
        spec = ConvSpec(h, g.shape, stride=1, padding=M)
        phases[r] = object_array(sliding_window(spec, values, rotate_kernel(g), max_nonzeros=max_nonzeros))
    full = tuple(
        (hj - 1) * s + d * (q - 1) + 1 + p + a
        for hj, s, d, q, p, a in zip(
            h, tspec.stride, tspec.dilation, tspec.kernel_shape, tspec.padding, tspec.output_padding
        )
    )
    Z = periodic_shuffle(phases, tspec.stride, full)
    return from_object_array(Z[tuple(slice(p, p + w) for p, w in zip(tspec.padding, tspec.out_shape))])
