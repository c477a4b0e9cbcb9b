r"""The convolution: :class:`ConvSpec`, in PyTorch's ``Conv*d`` convention.

Cross-correlation (the kernel is not flipped); padding also asymmetric, ``"valid"`` or ``"same"``.

>>> spec = ConvSpec((4, 4), (3, 3))
>>> spec.out_shape
(2, 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..sizes import conv_output_size
from ..typing import IntLike, IntOrInts, PaddingLike, Shape
from .base import SpecBase

__all__ = ["ConvSpec"]


@dataclass(frozen=True, init=False, repr=False)
class ConvSpec(SpecBase):
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
        ``d(q-1)`` as PyTorch does: ``floor`` before, the rest after. Stored in the normal
        form :data:`~symconv.typing.Padding` (an int per dimension, a pair where the sides differ).
    in_channels, out_channels, groups : int
        PyTorch's channels and groups (both channel counts divisible by ``groups``); the
        weight has the layout :attr:`weight_shape`. Shown in ``repr`` only when not 1.

    >>> spec = ConvSpec([5, 5], 3, stride=2, padding=1)
    >>> spec.ndim, spec.out_shape, spec.padding
    (2, (3, 3), (1, 1))
    >>> ConvSpec(4, 2, padding="same").padding
    ((0, 1),)
    >>> ConvSpec((4, 4), 3, in_channels=4, out_channels=6, groups=2).weight_shape
    (6, 2, 3, 3)
    """

    _latex_name: ClassVar[str] = r"\operatorname{conv}"

    def __init__(
        self,
        input_shape: IntOrInts,
        kernel_shape: IntOrInts,
        stride: IntOrInts = 1,
        padding: PaddingLike = 0,
        dilation: IntOrInts = 1,
        in_channels: IntLike = 1,
        out_channels: IntLike = 1,
        groups: IntLike = 1,
    ) -> None:
        self._initialise(
            input_shape=input_shape,
            kernel_shape=kernel_shape,
            stride=stride,
            padding=padding,
            dilation=dilation,
            in_channels=in_channels,
            out_channels=out_channels,
            groups=groups,
        )

    @property
    def weight_shape(self) -> Shape:
        """PyTorch's ``Conv*d`` weight layout: ``(out_channels, in_channels/groups, *kernel_shape)``."""
        return (self.out_channels, self.in_channels // self.groups, *self.kernel_shape)

    @property
    def out_shape(self) -> Shape:
        r"""Output sizes, :math:`\lfloor (h + 2p - d(q-1) - 1)/s \rfloor + 1` per dimension."""
        return tuple(
            conv_output_size(h, q, s, (before, after), d)
            for h, q, s, d, before, after in zip(
                self.input_shape, self.kernel_shape, self.stride, self.dilation, self.padding_before, self.padding_after
            )
        )
