r"""JAX's ``lax.conv_general_dilated`` and ``lax.conv_transpose`` as symconv specs.

- ``dimension_numbers`` name the axes by letters, ``("NCHW", "OIHW", "NCHW")`` by default for
  ``conv_general_dilated`` and ``("NHWC", "HWIO", "NHWC")`` for ``conv_transpose``; the
  spatial dimensions are taken in the kernel's order. Translating is
  :func:`~symconv.frameworks.relayout` to PyTorch's NCHW / OIHW.
- ``padding="SAME"`` is TensorFlow's (the extra zero at the end), ``"SAME_LOWER"`` puts it at
  the start, ``"VALID"`` is none; explicit ``(low, high)`` pairs are kept as they are.
  ``feature_group_count`` is PyTorch's ``groups``.
- ``conv_transpose(lhs, rhs, strides, padding)`` is ``conv_general_dilated`` with
  ``lhs_dilation=strides`` (the seminar's zeros inserted), stride 1 and padding
  ``(low, high)``: the recipe without the rotation. ``transpose_kernel=False`` slides
  ``rhs`` as it is, so PyTorch's weight is ``rhs`` rotated by 180 degrees (axes ``IO``);
  ``transpose_kernel=True`` rotates the kernel and swaps ``I`` and ``O`` first, so PyTorch's
  weight is ``rhs`` itself (axes ``OI``), as for Keras. ``"SAME"`` and ``"VALID"`` pad
  ``q' - 1`` before and the rest of ``q' + s - 2`` (same, ``ceil`` half when ``s <= q' - 1``)
  or ``q' + s - 2 + max(q' - s, 0)`` (valid), ``q' = d(q-1) + 1``.
- The transposed convolution with padding ``(low, high)`` is the adjoint of the convolution
  ``F`` from its output back to its input with padding ``(q' - 1 - low, q' - 1 - high)``:
  :func:`jax_conv_transpose_spec` returns ``F``, and the matrix is ``conv_matrix(F, W).T``.

>>> jax_conv_spec((1, 2, 5, 5), (4, 2, 3, 3), (2, 2), "SAME").padding
(1, 1)
>>> jax_conv_transpose_padding(3, 2, "SAME")
(2, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias, TypedDict, Union

import numpy as np

from ..errors import SpecError
from ..parameters import as_shape, per_dimension
from ..specs import ConvSpec
from ..typing import ArrayLike, IntLike, IntOrInts, PaddingPair, Shape
from .layer import as_numpy, relayout, spatial_letters

__all__ = [
    "jax_conv_spec",
    "jax_conv_kernel",
    "jax_conv_transpose_padding",
    "jax_conv_transpose_spec",
    "jax_conv_transpose_kernel",
]

#: ``padding`` of ``lax.conv_general_dilated``: ``"SAME"``, ``"SAME_LOWER"``, ``"VALID"`` or ``(low, high)`` pairs.
JaxPadding: TypeAlias = Union[str, Sequence[tuple[IntLike, IntLike]]]
#: ``dimension_numbers``: three layout strings ``(lhs, rhs, out)``, or ``None`` for the defaults.
DimensionNumbers: TypeAlias = Union[Sequence[str], None]


#: What the layout strings read from the shapes (``O`` and ``I``: the kernel's output and input axes).
_Shapes = TypedDict("_Shapes", {"spatial": Shape, "kernel": Shape, "channels": int, "O": int, "I": int})


def _numbers(dimension_numbers: DimensionNumbers, ndim: int, transpose: bool) -> tuple[str, str, str]:
    """``(lhs, rhs, out)`` layout strings; the defaults of ``conv_general_dilated`` or ``conv_transpose``."""
    if dimension_numbers is None:
        letters = spatial_letters(ndim) if not transpose else "HWD"[:ndim]
        return (
            ("NC" + letters, "OI" + letters, "NC" + letters)
            if not transpose
            else ("N" + letters + "C", letters + "IO", "N" + letters + "C")
        )
    if len(dimension_numbers) != 3 or not all(isinstance(spec, str) for spec in dimension_numbers):
        raise SpecError(
            "dimension_numbers",
            f"must be three layout strings like ('NCHW', 'OIHW', 'NCHW'), got {dimension_numbers!r}",
        )
    lhs, rhs, out = dimension_numbers
    return lhs, rhs, out


def _spatial(rhs_spec: str) -> str:
    return "".join(letter for letter in rhs_spec if letter not in "OI")


def _shapes(lhs_shape: IntOrInts, rhs_shape: IntOrInts, numbers: tuple[str, str, str]) -> _Shapes:
    lhs_spec, rhs_spec, _ = numbers
    lhs, rhs = as_shape(lhs_shape, "lhs_shape"), as_shape(rhs_shape, "rhs_shape")
    letters = _spatial(rhs_spec)
    for name, spec, shape, fixed in (("lhs_shape", lhs_spec, lhs, "NC"), ("rhs_shape", rhs_spec, rhs, "OI")):
        if sorted(spec) != sorted(fixed + letters) or len(shape) != len(spec):
            raise SpecError(name, f"{shape} does not match the layout {spec!r} (spatial letters {letters!r})")
    return _Shapes(
        spatial=tuple(lhs[lhs_spec.index(c)] for c in letters),
        kernel=tuple(rhs[rhs_spec.index(c)] for c in letters),
        channels=lhs[lhs_spec.index("C")],
        O=rhs[rhs_spec.index("O")],
        I=rhs[rhs_spec.index("I")],
    )


def _pads(padding: Sequence[tuple[IntLike, IntLike]], n: int) -> list[PaddingPair]:
    pairs = [tuple(pair) for pair in padding]
    if len(pairs) != n or any(len(pair) != 2 for pair in pairs):
        raise SpecError("padding", f"must be 'SAME', 'VALID' or {n} (low, high) pairs, got {padding!r}")
    return [(int(low), int(high)) for low, high in pairs]


def jax_conv_spec(
    lhs_shape: IntOrInts,
    rhs_shape: IntOrInts,
    window_strides: IntOrInts,
    padding: JaxPadding,
    *,
    lhs_dilation: IntOrInts | None = None,
    rhs_dilation: IntOrInts | None = None,
    dimension_numbers: DimensionNumbers = None,
    feature_group_count: int = 1,
) -> ConvSpec:
    """The spec of ``lax.conv_general_dilated(lhs, rhs, window_strides, padding, ...)`` (shapes with the batch).

    ``lhs_dilation`` other than 1 is a transposed convolution: see :func:`jax_conv_transpose_spec`.

    >>> jax_conv_spec((1, 5, 5, 2), (3, 3, 1, 4), (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"),
    ...               feature_group_count=2)
    ConvSpec(input_shape=(5, 5), kernel_shape=(3, 3), ..., in_channels=2, out_channels=4, groups=2)
    """
    numbers = _numbers(dimension_numbers, len(as_shape(rhs_shape, "rhs_shape")) - 2, transpose=False)
    shapes = _shapes(lhs_shape, rhs_shape, numbers)
    n = len(shapes["spatial"])
    if lhs_dilation is not None and any(v != 1 for v in per_dimension(lhs_dilation, n, "lhs_dilation", 1)):
        raise SpecError("lhs_dilation", "dilates the input: a transposed convolution (jax_conv_transpose_spec)")
    stride = per_dimension(window_strides, n, "window_strides", 1)
    dilation = per_dimension(1 if rhs_dilation is None else rhs_dilation, n, "rhs_dilation", 1)
    if isinstance(padding, str):
        mode = padding.upper()
        if mode not in ("SAME", "SAME_LOWER", "VALID"):
            raise SpecError("padding", f"must be 'SAME', 'SAME_LOWER', 'VALID' or (low, high) pairs, got {padding!r}")
        pads = []
        for h, q, s, d in zip(shapes["spatial"], shapes["kernel"], stride, dilation):
            total = 0 if mode == "VALID" else max((-(-h // s) - 1) * s + d * (q - 1) + 1 - h, 0)
            small, large = total // 2, total - total // 2
            pads.append((large, small) if mode == "SAME_LOWER" else (small, large))
    else:
        pads = _pads(padding, n)
    if shapes["I"] * feature_group_count != shapes["channels"]:
        raise SpecError(
            "feature_group_count",
            f"the kernel's I ({shapes['I']}) times feature_group_count "
            f"({feature_group_count}) must be the input's {shapes['channels']} channels",
        )
    return ConvSpec(
        shapes["spatial"],
        shapes["kernel"],
        stride=stride,
        padding=pads,
        dilation=dilation,
        in_channels=shapes["channels"],
        out_channels=shapes["O"],
        groups=feature_group_count,
    )


def jax_conv_kernel(rhs: ArrayLike, dimension_numbers: DimensionNumbers = None) -> np.ndarray:
    """The ``rhs`` of ``conv_general_dilated`` in PyTorch's layout ``(O, I, *spatial)``.

    >>> jax_conv_kernel(np.zeros((3, 3, 1, 4)), ("NHWC", "HWIO", "NHWC")).shape
    (4, 1, 3, 3)
    """
    values = as_numpy(rhs)
    _, rhs_spec, _ = _numbers(dimension_numbers, values.ndim - 2, transpose=False)
    return relayout(values, rhs_spec, "OI" + _spatial(rhs_spec))


def jax_conv_transpose_padding(kernel_span: int, stride: int, padding: str) -> PaddingPair:
    """JAX's ``(low, high)`` padding of the zero-inserted input for ``"SAME"`` / ``"VALID"``
    (``kernel_span = d(q-1) + 1``): the output is ``h s`` (same) or ``h s + max(q' - s, 0)`` (valid).

    >>> jax_conv_transpose_padding(4, 2, "SAME"), jax_conv_transpose_padding(1, 2, "VALID")
    ((2, 2), (0, 1))
    """
    k, s, mode = kernel_span, stride, str(padding).upper()
    if mode == "SAME":
        total = k + s - 2
        low = k - 1 if s > k - 1 else -(-total // 2)
    elif mode == "VALID":
        total, low = k + s - 2 + max(k - s, 0), k - 1
    else:
        raise SpecError("padding", f"must be 'SAME', 'VALID' or (low, high) pairs, got {padding!r}")
    return low, total - low


def jax_conv_transpose_spec(
    lhs_shape: IntOrInts,
    rhs_shape: IntOrInts,
    strides: IntOrInts,
    padding: JaxPadding,
    *,
    rhs_dilation: IntOrInts | None = None,
    dimension_numbers: DimensionNumbers = None,
    transpose_kernel: bool = False,
) -> ConvSpec:
    """The forward convolution ``F`` of ``lax.conv_transpose``: the result is ``C_F^T vec(lhs)``, with the
    weight :func:`jax_conv_transpose_kernel`.

    >>> F = jax_conv_transpose_spec((1, 4, 4, 8), (3, 3, 8, 2), (2, 2), "SAME")
    >>> F.input_shape, F.padding, F.out_shape, F.weight_shape
    ((8, 8), ((0, 1), (0, 1)), (4, 4), (8, 2, 3, 3))
    """
    numbers = _numbers(dimension_numbers, len(as_shape(rhs_shape, "rhs_shape")) - 2, transpose=True)
    shapes = _shapes(lhs_shape, rhs_shape, numbers)
    # the kernel that slides: transpose_kernel swaps I and O
    inputs, outputs = (shapes["O"], shapes["I"]) if transpose_kernel else (shapes["I"], shapes["O"])
    if inputs != shapes["channels"]:
        raise SpecError("rhs_shape", f"the kernel reads {inputs} channels but lhs has {shapes['channels']}")
    n = len(shapes["spatial"])
    stride = per_dimension(strides, n, "strides", 1)
    dilation = per_dimension(1 if rhs_dilation is None else rhs_dilation, n, "rhs_dilation", 1)
    spans = [d * (q - 1) + 1 for q, d in zip(shapes["kernel"], dilation)]
    pads = (
        [jax_conv_transpose_padding(k, s, padding) for k, s in zip(spans, stride)]
        if isinstance(padding, str)
        else _pads(padding, n)
    )
    sizes, forward_pads = [], []
    for h, s, k, (low, high) in zip(shapes["spatial"], stride, spans, pads):
        if low > k - 1:
            raise SpecError("padding", f"low padding {low} exceeds d(q-1) = {k - 1}: outputs no input reaches")
        sizes.append((h - 1) * s + 1 + low + high - k + 1)
        forward_pads.append((k - 1 - low, max(k - 1 - high, 0)))  # more high padding: zeros past the last input
    forward = ConvSpec(
        sizes,
        shapes["kernel"],
        stride=stride,
        padding=forward_pads,
        dilation=dilation,
        in_channels=outputs,
        out_channels=inputs,
    )
    if forward.out_shape != shapes["spatial"]:
        raise SpecError("padding", f"high padding leaves outputs no input reaches: {pads}")
    return forward


def jax_conv_transpose_kernel(
    rhs: ArrayLike, dimension_numbers: DimensionNumbers = None, transpose_kernel: bool = False
) -> np.ndarray:
    """The ``rhs`` of ``conv_transpose`` as the weight of :func:`jax_conv_transpose_spec`'s ``F``, which is
    PyTorch's ``ConvTranspose`` layout ``(in, out, *spatial)``: rotated by 180 degrees unless ``transpose_kernel``.

    >>> jax_conv_transpose_kernel(np.arange(3).reshape(3, 1, 1)).tolist()
    [[[2, 1, 0]]]
    >>> jax_conv_transpose_kernel(np.arange(3).reshape(3, 1, 1), transpose_kernel=True).tolist()
    [[[0, 1, 2]]]
    """
    values = as_numpy(rhs)
    _, rhs_spec, _ = _numbers(dimension_numbers, values.ndim - 2, transpose=True)
    letters = _spatial(rhs_spec)
    if transpose_kernel:  # JAX rotates and swaps I/O before sliding: PyTorch's weight as it is, with O first
        return relayout(values, rhs_spec, "OI" + letters)
    weight = relayout(values, rhs_spec, "IO" + letters)
    return weight[(slice(None), slice(None)) + (slice(None, None, -1),) * len(letters)]  # rotated: axes reversed
