r"""Specifications: frozen, validated descriptions of a convolution.

- :mod:`.base`: :class:`SpecBase`, what both share (shapes, stride, padding, dilation,
  channels; validation and printing);
- :mod:`.padding`: the normal form of a padding (ints, ``(before, after)`` pairs, ``"same"``);
- :mod:`.conv`: :class:`ConvSpec`, PyTorch's ``Conv*d`` convention (cross-correlation, the
  kernel is not flipped);
- :mod:`.transposed`: :class:`TransposedConvSpec`, PyTorch's ``ConvTranspose*d``.

An int parameter applies to every dimension; a sequence gives one value per dimension.
Validation happens once, with :class:`~symconv.SpecError` messages that name the parameter.

>>> spec = ConvSpec((4, 4), (3, 3))
>>> spec.out_shape
(2, 2)
>>> ConvSpec((4, 4), (3, 3), stride=2, padding="same")
Traceback (most recent call last):
...
symconv.errors.SpecError: padding: "same" requires stride 1, got stride (2, 2)
"""

from __future__ import annotations

from typing import Union

from .base import SpecBase
from .conv import ConvSpec
from .transposed import TransposedConvSpec

__all__ = ["ConvSpec", "TransposedConvSpec", "SpecBase", "require_spec"]


def require_spec(
    spec: object,
    kind: Union[type[SpecBase], tuple[type[SpecBase], ...]] = ConvSpec,
    parameter: str = "spec",
) -> None:
    """Raise a one-line ``TypeError`` unless ``spec`` is a ``kind`` (``ConvSpec`` or ``TransposedConvSpec``).

    >>> require_spec(ConvSpec(4, 3))
    >>> require_spec("4x4")
    Traceback (most recent call last):
    ...
    TypeError: spec: must be a ConvSpec, got str
    """
    if not isinstance(spec, kind):
        names = " or ".join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__
        hint = (
            " (use .forward() for its convolution)"
            if isinstance(spec, TransposedConvSpec)
            else " (a TransposedConvSpec is needed)"
            if isinstance(spec, ConvSpec)
            else ""
        )
        raise TypeError(f"{parameter}: must be a {names}, got {type(spec).__name__}{hint}")
