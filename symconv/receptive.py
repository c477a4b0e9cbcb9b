r"""Receptive field and jump of a stack of convolutions.

For layers ``l = 1..L`` with effective kernel ``k_l = d_l (q_l - 1) + 1``, stride ``s_l`` and
padding ``p_l``, an output of layer ``l`` sees ``r_l`` inputs, neighbouring outputs are ``j_l``
inputs apart, and the first output's window starts at input ``start_l``:

.. math:: j_l = j_{l-1} s_l,\quad r_l = r_{l-1} + (k_l - 1) j_{l-1},\quad
          \mathrm{start}_l = \mathrm{start}_{l-1} - p_l j_{l-1}

with ``r_0 = j_0 = 1`` and ``start_0 = 0`` (windows may begin in the padding).

>>> from symconv import ConvSpec
>>> receptive_field([ConvSpec(32, 3, padding=1), ConvSpec(32, 3, stride=2, padding=1), ConvSpec(16, 3)])
(ReceptiveField(size=9, jump=2, start=-2),)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .errors import SpecError
from .specs import ConvSpec
from .typing import Size, SizeLike

__all__ = ["ReceptiveField", "receptive_field", "receptive_step"]


@dataclass(frozen=True)
class ReceptiveField:
    """Per dimension: how many inputs one output sees, the spacing of outputs in inputs, the first window's start."""

    size: Size
    jump: Size
    start: Size


def receptive_step(
    field: ReceptiveField, q: SizeLike, s: SizeLike = 1, p: SizeLike = 0, d: SizeLike = 1
) -> ReceptiveField:
    """One more layer on top of ``field`` (ints or SymPy expressions alike): the recursion.

    >>> receptive_step(ReceptiveField(1, 1, 0), 3, s=2, p=1)
    ReceptiveField(size=3, jump=2, start=-1)
    """
    return ReceptiveField(
        size=field.size + d * (q - 1) * field.jump, jump=field.jump * s, start=field.start - p * field.jump
    )


def receptive_field(specs: Sequence[ConvSpec]) -> tuple[ReceptiveField, ...]:
    """The receptive field of the last layer of a stack, one :class:`ReceptiveField` per dimension.

    Each layer's input must be the previous layer's output (``SpecError`` otherwise).

    >>> receptive_field([ConvSpec((8, 8), 3), ConvSpec((6, 6), 3, stride=2)])
    (ReceptiveField(size=5, jump=2, start=0), ReceptiveField(size=5, jump=2, start=0))
    """
    specs = list(specs)
    if not specs:
        raise SpecError("specs", "must hold at least one ConvSpec")
    for n, spec in enumerate(specs):
        if not isinstance(spec, ConvSpec):
            raise SpecError("specs", f"layer {n} is a {type(spec).__name__}, not a ConvSpec")
    for n, (below, above) in enumerate(zip(specs, specs[1:]), 1):
        if below.out_shape != above.input_shape:
            raise SpecError(
                "specs", f"layer {n} has input {above.input_shape} but layer {n - 1} outputs {below.out_shape}"
            )
    fields = []
    for axis in range(specs[0].ndim):
        field = ReceptiveField(1, 1, 0)
        for spec in specs:
            field = receptive_step(
                field, spec.kernel_shape[axis], spec.stride[axis], spec.padding_before[axis], spec.dilation[axis]
            )
        fields.append(field)
    return tuple(fields)
