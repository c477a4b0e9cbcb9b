r"""What a convolution and a transposed convolution share: the fields, their validation, the printing.

:class:`SpecBase` holds the input and kernel shapes, stride, padding, dilation and PyTorch's
channels and groups, and validates them once, with :class:`~symconv.SpecError` messages that
name the parameter. :class:`~symconv.ConvSpec` and :class:`~symconv.TransposedConvSpec` add
their size rule (``out_shape``), their weight layout (``weight_shape``) and what only they have.

>>> from symconv import ConvSpec, TransposedConvSpec
>>> [isinstance(spec, SpecBase) for spec in (ConvSpec(4, 3), TransposedConvSpec(2, 3))]
[True, True]
>>> TransposedConvSpec(2, 3, in_channels=4, out_channels=2, groups=3)
Traceback (most recent call last):
...
symconv.errors.SpecError: in_channels: must be divisible by groups (3), got 4
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import sympy
from sympy.printing.printer import Printer

from ..errors import SpecError
from ..parameters import as_int, as_shape, is_sequence, per_dimension
from ..typing import IntOrInts, Padding, PaddingLike, Shape
from .padding import normalise_padding, padding_sides

if TYPE_CHECKING:
    # SymPy has no type hints: to a type checker its Printable is Any, and a subclass of Any would
    # pass for every type (a TransposedConvSpec where a ConvSpec is needed)
    class Printable:
        """SymPy's printing mixin (``__str__``, ``__repr__``, ``_repr_latex_``) as type checkers see it."""

else:
    from sympy.printing.defaults import Printable

__all__ = ["SpecBase", "CHANNEL_DEFAULTS"]

#: The channel fields and their defaults (one channel, one group: the seminar's picture).
CHANNEL_DEFAULTS = {"in_channels": 1, "out_channels": 1, "groups": 1}


@dataclass(frozen=True, init=False, repr=False)
class SpecBase(Printable, ABC):
    r"""The fields of a (transposed) convolution, validated and normalised once.

    Attributes
    ----------
    input_shape, kernel_shape : tuple of int
        Spatial sizes, ``h`` and ``q`` per dimension.
    stride, dilation : tuple of int
        One positive value per dimension.
    padding : :data:`~symconv.typing.Padding`
        One entry per dimension: an int (both sides alike) or a ``(before, after)`` pair;
        :attr:`padding_before` and :attr:`padding_after` give the two sides as ints.
    in_channels, out_channels, groups : int
        PyTorch's channels and groups, both channel counts divisible by ``groups``.
    """

    input_shape: Shape
    kernel_shape: Shape
    stride: Shape
    padding: Padding
    dilation: Shape
    in_channels: int
    out_channels: int
    groups: int

    #: The operator's name in the LaTeX form.
    _latex_name: ClassVar[str]

    def _initialise(self, **values: object) -> None:
        """Set the raw values of the frozen spec, then validate and normalise them."""
        self._set(**values)
        input_shape, kernel_shape = _validate_shapes(self.input_shape, self.kernel_shape)
        ndim = len(input_shape)
        stride = per_dimension(self.stride, ndim, "stride", 1)
        dilation = per_dimension(self.dilation, ndim, "dilation", 1)
        padding = self._validate_padding(self.padding, kernel_shape, stride, dilation)
        self._set(input_shape=input_shape, kernel_shape=kernel_shape, stride=stride, dilation=dilation, padding=padding)
        self._validate_sizes()
        self._validate_channels()

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def _validate_padding(self, padding: PaddingLike, kernel_shape: Shape, stride: Shape, dilation: Shape) -> Padding:
        """The normal form of ``padding``; a subclass refuses what it cannot express."""
        return normalise_padding(padding, kernel_shape, stride, dilation)

    def _validate_sizes(self) -> None:
        """The size rule validates what it needs: the dilated kernel fits, an output is left."""
        _ = self.out_shape

    def _validate_channels(self) -> None:
        """``in_channels``, ``out_channels`` and ``groups`` as PyTorch validates them: positive
        integers, both channel counts divisible by ``groups``."""
        values = {name: as_int(getattr(self, name), name) for name in CHANNEL_DEFAULTS}
        for name, value in values.items():
            if value < 1:
                raise SpecError(name, f"must be positive, got {value}")
        self._set(**values)
        for name in ("in_channels", "out_channels"):
            if values[name] % values["groups"]:
                raise SpecError(name, f"must be divisible by groups ({values['groups']}), got {values[name]}")

    @property
    def ndim(self) -> int:
        """Number of spatial dimensions."""
        return len(self.input_shape)

    @property
    def has_channels(self) -> bool:
        """Whether channels or groups are given (not the single-channel picture)."""
        return (self.in_channels, self.out_channels, self.groups) != (1, 1, 1)

    @property
    def padding_before(self) -> Shape:
        """Zeros added before each dimension (left, top, ...)."""
        return padding_sides(self.padding, "before")

    @property
    def padding_after(self) -> Shape:
        """Zeros added after each dimension (right, bottom, ...)."""
        return padding_sides(self.padding, "after")

    @property
    @abstractmethod
    def out_shape(self) -> Shape:
        """Output sizes, one per dimension."""

    @property
    @abstractmethod
    def weight_shape(self) -> Shape:
        """PyTorch's weight layout: two channel axes, then ``kernel_shape``."""

    def __repr__(self) -> str:
        """The constructor call, without the channel fields while they have their defaults."""
        shown = [(name, getattr(self, name)) for name in inspect.signature(type(self)).parameters]
        shown = [(name, value) for name, value in shown if CHANNEL_DEFAULTS.get(name) != value]
        return f"{type(self).__name__}(" + ", ".join(f"{name}={value!r}" for name, value in shown) + ")"

    def _sympystr(self, printer: Printer) -> str:
        return repr(self)

    def _latex_parameters(self) -> list[tuple[str, Padding]]:
        """The per-dimension parameters of the LaTeX form, by their letters."""
        return [("s", self.stride), ("p", self.padding), ("d", self.dilation)]

    def _latex(self, printer: Printer) -> str:
        """``name(h = ..., q = ..., s, p, d[, a]): input -> output`` through the caller's printer."""

        def dims(values: Shape) -> str:
            return r" \times ".join(printer._print(sympy.sympify(v)) for v in values)

        def params(values: Padding) -> str:
            return printer._print(sympy.sympify(values[0] if len(set(values)) == 1 else values))

        parts = [f"h = {dims(self.input_shape)}", f"q = {dims(self.kernel_shape)}"]
        parts += [f"{letter} = {params(values)}" for letter, values in self._latex_parameters()]
        inputs, outputs = self.input_shape, self.out_shape
        if self.has_channels:
            parts += [rf"C_{{\mathrm{{in}}}} = {self.in_channels}", rf"C_{{\mathrm{{out}}}} = {self.out_channels}"]
            parts += [f"g = {self.groups}"] if self.groups != 1 else []
            inputs, outputs = (self.in_channels, *inputs), (self.out_channels, *outputs)
        arguments = r",\ ".join(parts)
        return self._latex_name + rf"\left({arguments}\right)\colon " + dims(inputs) + r" \to " + dims(outputs)


def _validate_shapes(input_shape: IntOrInts, kernel_shape: IntOrInts) -> tuple[Shape, Shape]:
    """The input and kernel shapes, validated; a 1-D kernel size applies to every dimension."""
    shape = as_shape(input_shape, "input_shape")
    kernel = as_shape(kernel_shape, "kernel_shape")
    if is_sequence(kernel_shape) and len(kernel) != len(shape):
        raise SpecError("kernel_shape", f"has {len(kernel)} dimensions but the input has {len(shape)}")
    return shape, kernel * len(shape) if len(kernel) == 1 and len(shape) > 1 else kernel
