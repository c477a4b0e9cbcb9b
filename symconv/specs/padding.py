r"""Padding: what users write (ints, ``(before, after)`` pairs, ``"valid"``, ``"same"``) as one normal form.

A validated padding holds one entry per dimension: an int when both sides get the same number
of zeros, the pair ``(before, after)`` when they differ (:data:`~symconv.typing.Padding`).

>>> normalise_padding([1, (0, 1)], kernel_shape=(3, 2), stride=(1, 1), dilation=(1, 1))
(1, (0, 1))
>>> normalise_padding("same", kernel_shape=(4,), stride=(1,), dilation=(1,))
((1, 2),)
>>> padding_sides((1, (0, 1)), "after")
(1, 1)
"""

from __future__ import annotations

from typing import Literal, Union

from ..errors import SpecError
from ..parameters import as_int, is_sequence, shown
from ..typing import Padding, PaddingLike, PaddingPair, Shape

__all__ = ["normalise_padding", "same_padding", "padding_sides"]


def _entry(before: int, after: int) -> Union[int, PaddingPair]:
    return before if before == after else (before, after)


def same_padding(kernel_shape: Shape, dilation: Shape) -> Padding:
    """PyTorch's ``padding="same"`` (stride 1): the total ``d(q-1)`` split ``floor`` before, the rest after.

    >>> same_padding((3, 4), (1, 1))
    (1, (1, 2))
    """
    result = []
    for q, d in zip(kernel_shape, dilation):
        total = d * (q - 1)
        before = total // 2  # PyTorch: the extra zero goes after (right/bottom)
        result.append(_entry(before, total - before))
    return tuple(result)


def normalise_padding(padding: PaddingLike, kernel_shape: Shape, stride: Shape, dilation: Shape) -> Padding:
    """Validate ``padding`` for a spec of these (validated) parameters and bring it to the normal form.

    An int applies to every dimension; a sequence gives one value per dimension, each an int
    (both sides) or a ``(before, after)`` pair; ``"valid"`` is no padding and ``"same"``
    (stride 1 only) is :func:`same_padding`. Errors are :class:`~symconv.SpecError` of ``padding``.
    """
    ndim = len(kernel_shape)
    if isinstance(padding, str):
        mode = padding.lower()
        if mode == "valid":
            return (0,) * ndim
        if mode == "same":
            if any(s != 1 for s in stride):
                raise SpecError("padding", f'"same" requires stride 1, got stride {stride}')
            return same_padding(kernel_shape, dilation)
        raise SpecError("padding", f'must be an int, a sequence, "valid" or "same", got {shown(padding)}')
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
            raise SpecError("padding", f"must be non-negative, got {shown(item)}")
        result.append(_entry(before, after))
    return tuple(result)


def padding_sides(padding: Padding, side: Literal["before", "after"]) -> Shape:
    """The zeros on one side of every dimension, ints.

    >>> padding_sides((2, (0, 1)), "before")
    (2, 0)
    """
    index = 0 if side == "before" else 1
    return tuple(p[index] if isinstance(p, tuple) else p for p in padding)
