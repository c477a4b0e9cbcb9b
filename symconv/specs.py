r"""Specifications: frozen, validated descriptions of a convolution.

:class:`ConvSpec` follows PyTorch's ``Conv*d`` convention (cross-correlation, the
kernel is not flipped). An int parameter applies to every dimension; a sequence gives
one value per dimension. Validation happens once, here, with
:class:`~symconv.SpecError` messages that name the parameter.

>>> spec = ConvSpec((4, 4), (3, 3))
>>> spec.out_shape
(2, 2)
>>> ConvSpec((4, 4), (3, 3), stride=2, padding="same")
Traceback (most recent call last):
...
symconv.errors.SpecError: padding: "same" requires stride 1, got stride (2, 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from typing import Any

import sympy
from sympy.printing.defaults import Printable

from ._params import as_int, as_shape, is_sequence, per_dimension
from .errors import SpecError
from .sizes import conv_output_size

__all__ = ["ConvSpec"]


def _normalise_padding(padding: Any, ndim: int, kernel_shape: tuple[int, ...],
                       stride: tuple[int, ...], dilation: tuple[int, ...]) -> tuple[Any, ...]:
    """Per dimension an int (both sides) or a ``(before, after)`` pair of ints."""
    if isinstance(padding, str):
        mode = padding.lower()
        if mode == "valid":
            return (0,) * ndim
        if mode == "same":
            if any(s != 1 for s in stride):
                raise SpecError("padding", f'"same" requires stride 1, got stride {stride}')
            result: list[Any] = []
            for q, d in zip(kernel_shape, dilation):
                total = d * (q - 1)
                before = total // 2  # PyTorch: the extra zero goes after (right/bottom)
                after = total - before
                result.append(before if before == after else (before, after))
            return tuple(result)
        raise SpecError("padding", f'must be an int, a sequence, "valid" or "same", got {padding!r}')
    items = list(padding) if is_sequence(padding) else [padding] * ndim
    if len(items) != ndim:
        raise SpecError("padding", f"has {len(items)} values but the input has {ndim} dimensions")
    result = []
    for item in items:
        if is_sequence(item):
            pair = [as_int(v, "padding") for v in item]
            if len(pair) != 2:
                raise SpecError("padding", f"a per-side padding is a pair (before, after), got {tuple(pair)}")
            before, after = pair
        else:
            before = after = as_int(item, "padding")
        if before < 0 or after < 0:
            raise SpecError("padding", f"must be non-negative, got {item!r}")
        result.append(before if before == after else (before, after))
    return tuple(result)


def _sides(padding: tuple[Any, ...], side: int) -> tuple[int, ...]:
    return tuple(p[side] if isinstance(p, tuple) else p for p in padding)


@dataclass(frozen=True)
class ConvSpec(Printable):
    r"""An N-dimensional convolution: input and kernel shapes, stride, padding, dilation.

    Parameters
    ----------
    input_shape, kernel_shape : sequence of int
        Spatial sizes (``h`` and ``q`` per dimension); any sequence of integers.
    stride, dilation : int or sequence of int
        Positive; an int applies to every dimension.
    padding : int, sequence, "valid" or "same"
        Zeros added on both sides (an int or one value per dimension; a value may be a
        ``(before, after)`` pair). ``"same"`` (stride 1 only) splits the total
        ``d(q-1)`` as PyTorch does: ``floor`` before, the rest after.

    >>> spec = ConvSpec([5, 5], 3, stride=2, padding=1)
    >>> spec.ndim, spec.out_shape, spec.padding
    (2, (3, 3), (1, 1))
    >>> ConvSpec(4, 2, padding="same").padding
    ((0, 1),)
    """

    input_shape: tuple[int, ...]
    kernel_shape: tuple[int, ...]
    stride: tuple[int, ...] = 1  # type: ignore[assignment]
    padding: tuple[Any, ...] = 0  # type: ignore[assignment]
    dilation: tuple[int, ...] = 1  # type: ignore[assignment]

    def __post_init__(self) -> None:
        input_shape = as_shape(self.input_shape, "input_shape")
        ndim = len(input_shape)
        kernel_shape = as_shape(self.kernel_shape, "kernel_shape")
        if is_sequence(self.kernel_shape) and len(kernel_shape) != ndim:
            raise SpecError("kernel_shape", f"has {len(kernel_shape)} dimensions but the input has {ndim}")
        if len(kernel_shape) == 1 and ndim > 1:
            kernel_shape = kernel_shape * ndim
        stride = per_dimension(self.stride, ndim, "stride", 1)
        dilation = per_dimension(self.dilation, ndim, "dilation", 1)
        padding = _normalise_padding(self.padding, ndim, kernel_shape, stride, dilation)
        set_ = object.__setattr__
        set_(self, "input_shape", input_shape)
        set_(self, "kernel_shape", kernel_shape)
        set_(self, "stride", stride)
        set_(self, "dilation", dilation)
        set_(self, "padding", padding)
        for h, q, s, d, before, after in zip(input_shape, kernel_shape, stride, dilation,
                                             self.padding_before, self.padding_after):
            conv_output_size(h, q, s, (before, after), d)  # validates: kernel fits

    @property
    def ndim(self) -> int:
        """Number of spatial dimensions."""
        return len(self.input_shape)

    @property
    def padding_before(self) -> tuple[int, ...]:
        """Zeros added before each dimension (left, top, ...)."""
        return _sides(self.padding, 0)

    @property
    def padding_after(self) -> tuple[int, ...]:
        """Zeros added after each dimension (right, bottom, ...)."""
        return _sides(self.padding, 1)

    @property
    def out_shape(self) -> tuple[int, ...]:
        r"""Output sizes, :math:`\lfloor (h + 2p - d(q-1) - 1)/s \rfloor + 1` per dimension."""
        return tuple(
            conv_output_size(h, q, s, (before, after), d)
            for h, q, s, d, before, after in zip(self.input_shape, self.kernel_shape, self.stride,
                                                 self.dilation, self.padding_before, self.padding_after)
        )

    def _sympystr(self, printer: Any) -> str:
        return repr(self)

    def _latex(self, printer: Any) -> str:
        def dims(values: tuple[Any, ...]) -> str:
            return r" \times ".join(printer._print(sympy.sympify(v)) for v in values)

        def params(values: tuple[Any, ...]) -> str:
            if len(set(values)) == 1:
                values = values[:1]
            return printer._print(sympy.sympify(values[0] if len(values) == 1 else values))

        parts = [f"h = {dims(self.input_shape)}", f"q = {dims(self.kernel_shape)}", f"s = {params(self.stride)}",
                 f"p = {params(self.padding)}", f"d = {params(self.dilation)}"]
        return r"\operatorname{conv}\left(" + r",\ ".join(parts) + r"\right)\colon " + dims(self.input_shape) \
            + r" \to " + dims(self.out_shape)
