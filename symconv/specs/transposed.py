r"""The transposed convolution: :class:`TransposedConvSpec`, in PyTorch's ``ConvTranspose*d`` convention.

>>> TransposedConvSpec((2, 2), (3, 3), stride=2, padding=1).out_shape
(3, 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..errors import SpecError
from ..parameters import per_dimension, shown
from ..sizes import transposed_output_size
from ..typing import IntLike, IntOrInts, Padding, PaddingLike, Shape
from .base import SpecBase
from .conv import ConvSpec

__all__ = ["TransposedConvSpec"]


@dataclass(frozen=True, init=False, repr=False)
class TransposedConvSpec(SpecBase):
    r"""An N-dimensional transposed convolution in PyTorch's ``ConvTranspose*d`` convention.

    ``input_shape`` is the small side (``h``); the output has
    :math:`(h-1)s - 2p + d(q-1) + a + 1` elements per dimension (the seminar's
    :math:`w = (h-1)s - 2p + q` when ``d = 1, a = 0``). ``output_padding`` (``a``) must
    be smaller than the stride or the dilation, as PyTorch requires. ``padding`` has the
    normal form of :class:`ConvSpec`'s, but PyTorch crops equally at both ends, so it is
    always one int per dimension (``"same"`` and unequal pairs are refused). ``in_channels``,
    ``out_channels`` and ``groups`` as in :class:`ConvSpec`; the weight layout is
    ``(in_channels, out_channels/groups, *kernel_shape)`` (:attr:`weight_shape`).

    >>> t = TransposedConvSpec((2, 2), (3, 3), stride=2, padding=1)
    >>> t.out_shape
    (3, 3)
    >>> t.forward()
    ConvSpec(input_shape=(3, 3), kernel_shape=(3, 3), stride=(2, 2), padding=(1, 1), dilation=(1, 1))
    >>> TransposedConvSpec(4, 3, stride=2, output_padding=2)
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: output_padding: must be smaller than either stride (2) or dilation (1), got 2
    """

    #: Both sides alike: the int entries of :data:`~symconv.typing.Padding`.
    padding: tuple[int, ...]
    output_padding: Shape

    _latex_name: ClassVar[str] = r"\operatorname{conv}^{\top}"

    def __init__(
        self,
        input_shape: IntOrInts,
        kernel_shape: IntOrInts,
        stride: IntOrInts = 1,
        padding: IntOrInts = 0,
        dilation: IntOrInts = 1,
        output_padding: IntOrInts = 0,
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
            output_padding=output_padding,
            in_channels=in_channels,
            out_channels=out_channels,
            groups=groups,
        )

    def _validate_padding(
        self, padding: PaddingLike, kernel_shape: Shape, stride: Shape, dilation: Shape
    ) -> tuple[int, ...]:
        if isinstance(padding, str):
            raise SpecError(
                "padding", f"must be an int or one per dimension for a transposed convolution, got {shown(padding)}"
            )
        result = []
        for entry in super()._validate_padding(padding, kernel_shape, stride, dilation):
            if isinstance(entry, tuple):
                raise SpecError("padding", f"a transposed convolution crops equally at both ends, got {entry}")
            result.append(entry)
        return tuple(result)

    def _validate_sizes(self) -> None:
        self._set(output_padding=per_dimension(self.output_padding, self.ndim, "output_padding", 0))
        super()._validate_sizes()  # as PyTorch: output_padding < stride or dilation, an output left

    @property
    def weight_shape(self) -> Shape:
        """PyTorch's ``ConvTranspose*d`` weight layout: ``(in_channels, out_channels/groups, *kernel_shape)``."""
        return (self.in_channels, self.out_channels // self.groups, *self.kernel_shape)

    @property
    def out_shape(self) -> Shape:
        r"""Output sizes, :math:`(h-1)s - 2p + d(q-1) + a + 1` per dimension."""
        return tuple(
            transposed_output_size(*values)
            for values in zip(
                self.input_shape, self.kernel_shape, self.stride, self.padding, self.dilation, self.output_padding
            )
        )

    def _latex_parameters(self) -> list[tuple[str, Padding]]:
        parameters = super()._latex_parameters()
        return parameters + [("a", self.output_padding)] if any(self.output_padding) else parameters

    def forward(self) -> ConvSpec:
        """The convolution whose matrix is transposed: from ``out_shape`` back to (at least) ``input_shape``.

        When ``output_padding >= stride`` (allowed when ``dilation > stride``) the forward
        convolution has more than ``h`` outputs; the transposed convolution uses the first ``h``.
        Its channels are swapped, so that both read the same weight
        ``(in_channels, out_channels/groups, *kernel_shape)``.

        >>> TransposedConvSpec(2, 3, in_channels=4, out_channels=2, groups=2).forward().weight_shape
        (4, 1, 3)
        """
        return ConvSpec(
            self.out_shape,
            self.kernel_shape,
            stride=self.stride,
            padding=self.padding,
            dilation=self.dilation,
            in_channels=self.out_channels,
            out_channels=self.in_channels,
            groups=self.groups,
        )
