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

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Union

import sympy
from sympy.printing.defaults import Printable

from ._params import as_int, as_shape, is_sequence, per_dimension
from .errors import SpecError
from .sizes import conv_output_size, transposed_output_size

__all__ = ["ConvSpec", "TransposedConvSpec", "require_spec"]

#: The channel fields and their defaults (one channel, one group: the seminar's picture).
CHANNEL_DEFAULTS = {"in_channels": 1, "out_channels": 1, "groups": 1}


def _normalise_channels(spec: Any) -> None:
    """Validate ``in_channels``, ``out_channels`` and ``groups`` as PyTorch does: positive
    integers, both channel counts divisible by ``groups``."""
    values = {name: as_int(getattr(spec, name), name) for name in CHANNEL_DEFAULTS}
    for name, value in values.items():
        if value < 1:
            raise SpecError(name, f"must be positive, got {value}")
        object.__setattr__(spec, name, value)
    for name in ("in_channels", "out_channels"):
        if values[name] % values["groups"]:
            raise SpecError(name, f"must be divisible by groups ({values['groups']}), got {values[name]}")


def _spec_repr(spec: Any) -> str:
    """The dataclass repr, without the channel fields while they have their defaults."""
    shown = [(f.name, getattr(spec, f.name)) for f in fields(spec)]
    shown = [(name, value) for name, value in shown if CHANNEL_DEFAULTS.get(name) != value]
    return f"{type(spec).__name__}(" + ", ".join(f"{name}={value!r}" for name, value in shown) + ")"


def _normalise_padding(
    padding: Any, ndim: int, kernel_shape: tuple[int, ...], stride: tuple[int, ...], dilation: tuple[int, ...]
) -> tuple[Any, ...]:
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


def _shapes(input_shape: Any, kernel_shape: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The input and kernel shapes, validated; a 1-D kernel size applies to every dimension."""
    shape = as_shape(input_shape, "input_shape")
    kernel = as_shape(kernel_shape, "kernel_shape")
    if is_sequence(kernel_shape) and len(kernel) != len(shape):
        raise SpecError("kernel_shape", f"has {len(kernel)} dimensions but the input has {len(shape)}")
    return shape, kernel * len(shape) if len(kernel) == 1 and len(shape) > 1 else kernel


def _assign(spec: Any, **values: Any) -> None:
    """Set the raw values of a frozen spec; ``__post_init__`` then validates and normalises them."""
    for name, value in values.items():
        object.__setattr__(spec, name, value)


def _sides(padding: tuple[Any, ...], side: int) -> tuple[int, ...]:
    return tuple(p[side] if isinstance(p, tuple) else p for p in padding)


def _spec_latex(spec: Any, printer: Any, name: str) -> str:
    """``name(h = ..., q = ..., s, p, d[, a]): input -> output`` through the caller's printer."""

    def dims(values: tuple[Any, ...]) -> str:
        return r" \times ".join(printer._print(sympy.sympify(v)) for v in values)

    def params(values: tuple[Any, ...]) -> str:
        shown = values[0] if len(set(values)) == 1 else values
        return printer._print(sympy.sympify(shown))

    parts = [
        f"h = {dims(spec.input_shape)}",
        f"q = {dims(spec.kernel_shape)}",
        f"s = {params(spec.stride)}",
        f"p = {params(spec.padding)}",
        f"d = {params(spec.dilation)}",
    ]
    if any(getattr(spec, "output_padding", (0,))):
        parts.append(f"a = {params(spec.output_padding)}")
    inputs, outputs = spec.input_shape, spec.out_shape
    if spec.has_channels:
        parts += [rf"C_{{\mathrm{{in}}}} = {spec.in_channels}", rf"C_{{\mathrm{{out}}}} = {spec.out_channels}"]
        parts += [f"g = {spec.groups}"] if spec.groups != 1 else []
        inputs, outputs = (spec.in_channels, *inputs), (spec.out_channels, *outputs)
    return name + r"\left(" + r",\ ".join(parts) + r"\right)\colon " + dims(inputs) + r" \to " + dims(outputs)


#: What users pass: an int (every dimension) or a sequence of ints (SymPy Tuples, numpy integers too).
IntOrInts = Union[int, Sequence[Any], Any]


@dataclass(frozen=True, init=False)
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

    input_shape: tuple[int, ...]
    kernel_shape: tuple[int, ...]
    stride: tuple[int, ...]
    padding: tuple[Any, ...]
    dilation: tuple[int, ...]
    in_channels: int
    out_channels: int
    groups: int

    def __init__(
        self,
        input_shape: IntOrInts,
        kernel_shape: IntOrInts,
        stride: IntOrInts = 1,
        padding: IntOrInts | str = 0,
        dilation: IntOrInts = 1,
        in_channels: int = 1,
        out_channels: int = 1,
        groups: int = 1,
    ) -> None:
        _assign(
            self,
            input_shape=input_shape,
            kernel_shape=kernel_shape,
            stride=stride,
            padding=padding,
            dilation=dilation,
            in_channels=in_channels,
            out_channels=out_channels,
            groups=groups,
        )
        self.__post_init__()

    def __post_init__(self) -> None:
        input_shape, kernel_shape = _shapes(self.input_shape, self.kernel_shape)
        ndim = len(input_shape)
        stride = per_dimension(self.stride, ndim, "stride", 1)
        dilation = per_dimension(self.dilation, ndim, "dilation", 1)
        padding = _normalise_padding(self.padding, ndim, kernel_shape, stride, dilation)
        set_ = object.__setattr__
        set_(self, "input_shape", input_shape)
        set_(self, "kernel_shape", kernel_shape)
        set_(self, "stride", stride)
        set_(self, "dilation", dilation)
        set_(self, "padding", padding)
        for h, q, s, d, before, after in zip(
            input_shape, kernel_shape, stride, dilation, self.padding_before, self.padding_after
        ):
            conv_output_size(h, q, s, (before, after), d)  # validates: kernel fits
        _normalise_channels(self)

    def __repr__(self) -> str:
        return _spec_repr(self)

    @property
    def ndim(self) -> int:
        """Number of spatial dimensions."""
        return len(self.input_shape)

    @property
    def has_channels(self) -> bool:
        """Whether channels or groups are given (not the single-channel picture)."""
        return (self.in_channels, self.out_channels, self.groups) != (1, 1, 1)

    @property
    def weight_shape(self) -> tuple[int, ...]:
        """PyTorch's ``Conv*d`` weight layout: ``(out_channels, in_channels/groups, *kernel_shape)``."""
        return (self.out_channels, self.in_channels // self.groups, *self.kernel_shape)

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
            for h, q, s, d, before, after in zip(
                self.input_shape, self.kernel_shape, self.stride, self.dilation, self.padding_before, self.padding_after
            )
        )

    def _sympystr(self, printer: Any) -> str:
        return repr(self)

    def _latex(self, printer: Any) -> str:
        return _spec_latex(self, printer, r"\operatorname{conv}")


@dataclass(frozen=True, init=False)
class TransposedConvSpec(Printable):
    r"""An N-dimensional transposed convolution in PyTorch's ``ConvTranspose*d`` convention.

    ``input_shape`` is the small side (``h``); the output has
    :math:`(h-1)s - 2p + d(q-1) + a + 1` elements per dimension (the seminar's
    :math:`w = (h-1)s - 2p + q` when ``d = 1, a = 0``). ``output_padding`` (``a``) must
    be smaller than the stride or the dilation, as PyTorch requires. ``in_channels``,
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

    input_shape: tuple[int, ...]
    kernel_shape: tuple[int, ...]
    stride: tuple[int, ...]
    padding: tuple[int, ...]
    dilation: tuple[int, ...]
    output_padding: tuple[int, ...]
    in_channels: int
    out_channels: int
    groups: int

    def __init__(
        self,
        input_shape: IntOrInts,
        kernel_shape: IntOrInts,
        stride: IntOrInts = 1,
        padding: IntOrInts = 0,
        dilation: IntOrInts = 1,
        output_padding: IntOrInts = 0,
        in_channels: int = 1,
        out_channels: int = 1,
        groups: int = 1,
    ) -> None:
        _assign(
            self,
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
        self.__post_init__()

    def __post_init__(self) -> None:
        input_shape, kernel_shape = _shapes(self.input_shape, self.kernel_shape)
        ndim = len(input_shape)
        if isinstance(self.padding, str):
            raise SpecError(
                "padding", f"must be an int or one int per dimension for a transposed convolution, got {self.padding!r}"
            )
        values = {
            "stride": per_dimension(self.stride, ndim, "stride", 1),
            "padding": per_dimension(self.padding, ndim, "padding", 0),
            "dilation": per_dimension(self.dilation, ndim, "dilation", 1),
            "output_padding": per_dimension(self.output_padding, ndim, "output_padding", 0),
        }
        object.__setattr__(self, "input_shape", input_shape)
        object.__setattr__(self, "kernel_shape", kernel_shape)
        for name, value in values.items():
            object.__setattr__(self, name, value)
        for h, q, s, p, d, a in zip(input_shape, kernel_shape, *values.values()):
            transposed_output_size(h, q, s, p, d, a)  # validates as PyTorch does
        _normalise_channels(self)

    def __repr__(self) -> str:
        return _spec_repr(self)

    @property
    def ndim(self) -> int:
        """Number of spatial dimensions."""
        return len(self.input_shape)

    has_channels = ConvSpec.has_channels

    @property
    def weight_shape(self) -> tuple[int, ...]:
        """PyTorch's ``ConvTranspose*d`` weight layout: ``(in_channels, out_channels/groups, *kernel_shape)``."""
        return (self.in_channels, self.out_channels // self.groups, *self.kernel_shape)

    @property
    def out_shape(self) -> tuple[int, ...]:
        r"""Output sizes, :math:`(h-1)s - 2p + d(q-1) + a + 1` per dimension."""
        return tuple(
            transposed_output_size(*values)
            for values in zip(
                self.input_shape, self.kernel_shape, self.stride, self.padding, self.dilation, self.output_padding
            )
        )

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

    def _sympystr(self, printer: Any) -> str:
        return repr(self)

    def _latex(self, printer: Any) -> str:
        return _spec_latex(self, printer, r"\operatorname{conv}^{\top}")


def require_spec(spec: Any, kind: Any = ConvSpec, parameter: str = "spec") -> None:
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
