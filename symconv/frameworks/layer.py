r"""A layer as symconv sees it: a spec, its weight and its bias; layouts as index permutations.

:class:`Layer` is what the translations return. :func:`relayout` moves axes by their
letters (``"NHWC" -> "NCHW"``, ``"HWIO" -> "OIHW"``): the layouts of TensorFlow and JAX
are permutations of PyTorch's, nothing more. :func:`transposed_spec` finds PyTorch's
``ConvTranspose`` for a convolution whose adjoint a framework computes, when there is one.

>>> import numpy as np
>>> relayout(np.zeros((5, 4, 3)), "HWC", "CHW").shape
(3, 5, 4)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from sympy import MutableDenseMatrix, NDimArray

from ..errors import SpecError
from ..ops.affine import affine_matrix, layer_matrix
from ..specs import ConvSpec, TransposedConvSpec
from ..typing import ArrayLike

__all__ = ["Layer", "as_numpy", "relayout", "transposed_spec", "spatial_letters"]


class Layer(NamedTuple):
    """A layer: its spec, its weight (PyTorch's layout ``spec.weight_shape``) and its bias (or ``None``).

    >>> from symconv import ConvSpec
    >>> layer = Layer(ConvSpec(3, 2), [[[1, 2]]], [5])
    >>> layer.affine_matrix()
    Matrix([
    [1, 2, 0, 5],
    [0, 1, 2, 5],
    [0, 0, 0, 1]])
    """

    spec: ConvSpec | TransposedConvSpec
    kernel: ArrayLike
    bias: ArrayLike | None = None

    def matrix(self) -> MutableDenseMatrix:
        """The linear part ``C`` (the bias left out)."""
        return layer_matrix(self.spec, self.kernel)

    def affine_matrix(self) -> MutableDenseMatrix:
        """``[[C, b], [0, 1]]``; a layer without bias has ``b = 0``."""
        return affine_matrix(self.spec, self.kernel, [0] * self.spec.out_channels if self.bias is None else self.bias)


def spatial_letters(ndim: int) -> str:
    """The letters of the spatial axes in layout strings: ``W``, ``HW``, ``DHW``.

    >>> spatial_letters(2)
    'HW'
    """
    if not 1 <= ndim <= 3:
        raise SpecError("ndim", f"layouts are named for 1 to 3 spatial dimensions, got {ndim}")
    return "DHW"[3 - ndim :]


def as_numpy(array: ArrayLike) -> np.ndarray:
    """A SymPy Array (exact entries kept, in an object array), nested lists or a numpy array as a numpy array.

    >>> import sympy
    >>> as_numpy(sympy.Array([[1, 2]]))
    array([[1, 2]], dtype=object)
    """
    return np.array(array.tolist(), dtype=object) if isinstance(array, NDimArray) else np.asarray(array)


def relayout(array: ArrayLike, source: str, target: str) -> np.ndarray:
    """``array`` with its axes, named by the letters of ``source``, in the order of ``target``.

    SymPy Arrays and nested lists come back as numpy object arrays (exact entries kept).

    >>> w = np.arange(24).reshape(2, 2, 3, 2)           # a Keras kernel: (H, W, I, O)
    >>> relayout(w, "HWIO", "OIHW").shape                 # PyTorch's weight
    (2, 3, 2, 2)
    >>> int(relayout(w, "HWIO", "OIHW")[1, 2, 0, 1]) == int(w[0, 1, 2, 1])
    True
    """
    values = as_numpy(array)
    if sorted(source) != sorted(target) or len(set(source)) != len(source):
        raise SpecError("layout", f"{target!r} must be a permutation of {source!r}")
    if values.ndim != len(source):
        raise SpecError("layout", f"{source!r} names {len(source)} axes but the array has {values.ndim}")
    return np.transpose(values, [source.index(letter) for letter in target])


def transposed_spec(forward: ConvSpec) -> TransposedConvSpec:
    """PyTorch's transposed convolution whose matrix is ``conv_matrix(forward).T`` (same weight).

    PyTorch crops ``p`` from both ends of the full output and adds ``output_padding`` at the
    far end only, so ``p = forward.padding_before`` and ``a = n + 2p - d(q-1) - 1 - (w-1)s``
    (``n`` the forward input, ``w`` its output). When the forward padding after exceeds the
    padding before (TensorFlow's ``SAME`` with an odd total), ``a`` would be negative: no
    ``ConvTranspose`` has this matrix, and a :class:`~symconv.SpecError` says so.

    >>> from symconv import ConvSpec
    >>> transposed_spec(ConvSpec(6, 3, stride=2, padding=1))
    TransposedConvSpec(input_shape=(3,), kernel_shape=(3,), stride=(2,), ..., output_padding=(1,))
    >>> transposed_spec(ConvSpec(4, 3, stride=2, padding=[(0, 1)]))
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: padding: the forward padding (0, 1) needs output_padding -1 in dimension 0: ...
    """
    output_padding = []
    for n, (h, q, s, b, e, d, w) in enumerate(
        zip(
            forward.input_shape,
            forward.kernel_shape,
            forward.stride,
            forward.padding_before,
            forward.padding_after,
            forward.dilation,
            forward.out_shape,
        )
    ):
        a = h + 2 * b - d * (q - 1) - 1 - (w - 1) * s
        if a < 0:
            raise SpecError(
                "padding",
                f"the forward padding {(b, e)} needs output_padding {a} in dimension {n}: "
                "PyTorch's ConvTranspose crops equally at both ends, so no ConvTranspose "
                "has this matrix",
            )
        output_padding.append(a)
    return TransposedConvSpec(
        forward.out_shape,
        forward.kernel_shape,
        stride=forward.stride,
        padding=forward.padding_before,
        dilation=forward.dilation,
        output_padding=output_padding,
        in_channels=forward.out_channels,
        out_channels=forward.in_channels,
        groups=forward.groups,
    )
