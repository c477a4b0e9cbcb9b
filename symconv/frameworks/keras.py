r"""TensorFlow / Keras convolutions as symconv specs: ``padding="same"/"valid"``, NHWC and HWIO.

- ``padding="valid"`` is no padding; ``"same"`` gives ``ceil(h/s)`` outputs with the total
  padding ``max((ceil(h/s) - 1)s + d(q-1) + 1 - h, 0)`` split ``floor`` before and the rest
  *after* (the extra zero at the end, as PyTorch's ``padding="same"`` does for stride 1).
- Layouts are permutations of PyTorch's (:func:`~symconv.frameworks.relayout`): inputs NHWC
  (``channels_last``) against NCHW, kernels HWIO against OIHW. A ``Conv2DTranspose``
  kernel is ``(h, w, filters, in)``: the HWIO kernel of the forward convolution.
- ``Conv2DTranspose`` is, by TensorFlow's definition, the gradient (adjoint) of a
  convolution: :func:`keras_conv_transpose_spec` returns that forward ``ConvSpec`` ``F``,
  and the layer's matrix is ``conv_matrix(F, W).T``. Its output size is Keras's:
  ``h s`` (same), ``h s + max(d(q-1) + 1 - s, 0)`` (valid), or with an ``output_padding``
  ``a``, ``(h-1)s + d(q-1) + 1 - 2 floor((d(q-1)+1)/2) + a`` (same) and
  ``(h-1)s + d(q-1) + 1 + a`` (valid). With ``same`` and an odd ``d(q-1) + 1 - s`` the
  padding after exceeds the padding before, which no PyTorch ``ConvTranspose`` can express
  (:func:`~symconv.frameworks.transposed_spec` says so).
- Where a layer computes something else than its documentation says, symconv follows the layer or
  refuses. ``Conv3D(padding="same")`` on TensorFlow does not clamp the total padding at 0: when the
  stride exceeds what the input needs by 2 or more (``(ceil(h/s) - 1)s + d(q-1) + 1 - h <= -2``)
  it pads ``trunc(total/2) < 0`` before, which moves every window forward (input ``[10, 20, 30]``,
  kernel 1, stride 3: Conv1D and Conv2D give ``[10]``, Conv3D gives ``[20]``), while Conv1D,
  Conv2D, JAX's ``"SAME"`` and TensorFlow's documentation pad 0. A negative padding is a crop that
  no :class:`~symconv.ConvSpec` holds, and the other Keras backends pad 0, so symconv refuses
  these 3-D specs (:func:`keras_conv_spec`, and :func:`keras_conv_transpose_spec` whose forward
  convolution would meet the same rule) rather than return a matrix that may not be the layer's.

>>> keras_padding("same", (5, 6), (3, 3), strides=2)
((1, 1), (0, 1))
>>> keras_conv_spec((5, 6, 3), 8, 3, strides=2, padding="same").out_shape
(3, 3)
"""

from __future__ import annotations

import numpy as np

from ..errors import SpecError
from ..parameters import as_shape, per_dimension, shown
from ..specs import ConvSpec
from ..typing import ArrayLike, IntLike, IntOrInts, PaddingPair, Shape
from .layer import as_numpy, relayout, spatial_letters

__all__ = ["keras_padding", "keras_conv_spec", "keras_conv_transpose_spec", "keras_kernel", "keras_input"]


def _mode(padding: object) -> str:
    mode = str(padding).lower()
    if mode not in ("same", "valid"):
        raise SpecError("padding", f'must be "same" or "valid", got {shown(padding)}')
    return mode


def keras_padding(
    padding: str, input_shape: IntOrInts, kernel_shape: IntOrInts, strides: IntOrInts = 1, dilation_rate: IntOrInts = 1
) -> tuple[PaddingPair, ...]:
    """``(before, after)`` zeros per dimension of TensorFlow's ``"same"`` or ``"valid"``.

    >>> keras_padding("same", 4, 2)          # stride 1: total d(q-1) = 1, the extra zero after
    ((0, 1),)
    >>> keras_padding("valid", (7, 7), 3)
    ((0, 0), (0, 0))
    """
    mode = _mode(padding)
    sizes = as_shape(input_shape, "input_shape")
    n = len(sizes)
    kernel = per_dimension(kernel_shape, n, "kernel_size", 1)
    stride, dilation = per_dimension(strides, n, "strides", 1), per_dimension(dilation_rate, n, "dilation_rate", 1)
    result = []
    for h, q, s, d in zip(sizes, kernel, stride, dilation):
        outputs = -(-h // s) if mode == "same" else 0
        total = max((outputs - 1) * s + d * (q - 1) + 1 - h, 0)
        result.append((total // 2, total - total // 2))
    return tuple(result)


def _tensorflow_3d(
    mode: str, sizes: Shape, kernel: Shape, stride: Shape, dilation: Shape, parameter: str = "strides"
) -> None:
    """Refuse a 3-D ``"same"`` convolution whose TensorFlow padding would be negative (module docstring)."""
    if mode != "same" or len(sizes) != 3:
        return
    for axis, (h, q, s, d) in enumerate(zip(sizes, kernel, stride, dilation)):
        total = (-(-h // s) - 1) * s + d * (q - 1) + 1 - h
        if total <= -2:
            raise SpecError(
                parameter,
                f"Keras's Conv3D with padding='same' on TensorFlow pads {-(-total // 2)} (a negative amount, "
                f"which shifts its windows) in dimension {axis}, where Conv1D, Conv2D, JAX and its documentation "
                "pad 0; symconv refuses rather than give a matrix that may not be the layer's",
                hint="a stride of at most d(q-1) + 2, or padding='valid', avoids it",
            )


def _channels(input_shape: IntOrInts, data_format: str) -> tuple[Shape, int]:
    shape = as_shape(input_shape, "input_shape")
    if len(shape) < 2:
        raise SpecError(
            "input_shape", f"is (*spatial, channels) or (channels, *spatial) without the batch, got {shape}"
        )
    if data_format == "channels_last":
        return shape[:-1], shape[-1]
    if data_format == "channels_first":
        return shape[1:], shape[0]
    raise SpecError("data_format", f'must be "channels_last" or "channels_first", got {shown(data_format)}')


def keras_conv_spec(
    input_shape: IntOrInts,
    filters: IntLike,
    kernel_size: IntOrInts,
    *,
    strides: IntOrInts = 1,
    padding: str = "valid",
    dilation_rate: IntOrInts = 1,
    groups: IntLike = 1,
    data_format: str = "channels_last",
) -> ConvSpec:
    """The spec of ``keras.layers.Conv{1,2,3}D(filters, kernel_size, ...)`` on inputs of ``input_shape``
    (without the batch: ``(*spatial, channels)``, or ``(channels, *spatial)`` for ``channels_first``).

    >>> keras_conv_spec((4, 4, 2), 6, 3, padding="same", groups=2)
    ConvSpec(input_shape=(4, 4), kernel_shape=(3, 3), ..., in_channels=2, out_channels=6, groups=2)
    """
    spatial, channels = _channels(input_shape, data_format)
    pads = keras_padding(padding, spatial, kernel_size, strides, dilation_rate)
    n = len(spatial)
    _tensorflow_3d(
        _mode(padding),
        spatial,
        per_dimension(kernel_size, n, "kernel_size", 1),
        per_dimension(strides, n, "strides", 1),
        per_dimension(dilation_rate, n, "dilation_rate", 1),
    )
    return ConvSpec(
        spatial,
        kernel_size,
        stride=strides,
        padding=pads,
        dilation=dilation_rate,
        in_channels=channels,
        out_channels=filters,
        groups=groups,
    )


def keras_conv_transpose_spec(
    input_shape: IntOrInts,
    filters: IntLike,
    kernel_size: IntOrInts,
    *,
    strides: IntOrInts = 1,
    padding: str = "valid",
    output_padding: IntOrInts | None = None,
    dilation_rate: IntOrInts = 1,
    data_format: str = "channels_last",
) -> ConvSpec:
    """The forward convolution ``F`` of ``keras.layers.Conv{1,2,3}DTranspose``: the layer is ``vec(X) -> C_F^T vec(X)``.

    ``F`` runs from the layer's output (Keras's size) back to its input, with TensorFlow's
    padding of that size; its weight layout ``(in, filters, *kernel)`` is the layer's kernel
    ``(*kernel, filters, in)`` relaid (:func:`keras_kernel`).

    >>> F = keras_conv_transpose_spec((4, 4, 8), 3, 3, strides=2, padding="same")
    >>> F.input_shape, F.padding, F.out_shape, F.weight_shape
    ((8, 8), ((0, 1), (0, 1)), (4, 4), (8, 3, 3, 3))
    """
    mode = _mode(padding)
    spatial, channels = _channels(input_shape, data_format)
    n = len(spatial)
    kernel = per_dimension(kernel_size, n, "kernel_size", 1)
    stride, dilation = per_dimension(strides, n, "strides", 1), per_dimension(dilation_rate, n, "dilation_rate", 1)
    extra = None if output_padding is None else per_dimension(output_padding, n, "output_padding", 0)
    sizes = []
    for j, (h, q, s, d) in enumerate(zip(spatial, kernel, stride, dilation)):
        span = d * (q - 1) + 1
        if extra is None:
            sizes.append(h * s + max(span - s, 0) if mode == "valid" else h * s)
            continue
        if extra[j] >= s:
            raise SpecError("output_padding", f"must be smaller than strides (Keras's rule), got {extra[j]} >= {s}")
        sizes.append((h - 1) * s + span + extra[j] - (2 * (span // 2) if mode == "same" else 0))
    _tensorflow_3d(mode, tuple(sizes), kernel, stride, dilation)
    forward = ConvSpec(
        sizes,
        kernel,
        stride=stride,
        padding=keras_padding(mode, sizes, kernel, stride, dilation),
        dilation=dilation,
        in_channels=filters,
        out_channels=channels,
    )
    if forward.out_shape != spatial:
        raise SpecError(
            "output_padding",
            f"TensorFlow's convolution of size {tuple(sizes)} has {forward.out_shape} "
            f"outputs, not the layer's input {spatial}",
        )
    return forward


def keras_kernel(kernel: ArrayLike) -> np.ndarray:
    """A Keras kernel ``(*kernel_size, in/groups, filters)`` (HWIO) in PyTorch's layout (OIHW).

    For ``Conv2DTranspose`` (``(*kernel_size, filters, in)``) this is the weight of the forward
    convolution :func:`keras_conv_transpose_spec`, which is also PyTorch's ``ConvTranspose`` layout.

    >>> keras_kernel(np.zeros((3, 3, 2, 6))).shape
    (6, 2, 3, 3)
    """
    values = as_numpy(kernel)
    letters = spatial_letters(values.ndim - 2)
    return relayout(values, letters + "IO", "OI" + letters)


def keras_input(x: ArrayLike, data_format: str = "channels_last") -> np.ndarray:
    """An input without the batch, ``(*spatial, channels)``, in PyTorch's ``(channels, *spatial)``.

    >>> keras_input(np.zeros((5, 4, 3))).shape
    (3, 5, 4)
    """
    values = as_numpy(x)
    if data_format == "channels_first":
        return values
    letters = spatial_letters(values.ndim - 1)
    return relayout(values, letters + "C", "C" + letters)
