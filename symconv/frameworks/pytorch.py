r"""PyTorch's convolution modules as symconv layers, exactly, and back.

:func:`from_torch` reads a ``torch.nn.Conv1d/2d/3d`` or ``ConvTranspose1d/2d/3d``: its
spec (PyTorch's parameters are symconv's), its weight and bias as exact rationals (a
float is a binary fraction: ``Rational(float)`` loses nothing). :func:`to_torch` builds the
module of a :class:`~symconv.frameworks.Layer`. ``torch`` is imported only when called; without
it both raise :class:`~symconv.errors.MissingDependencyError`.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Union

import numpy as np
import sympy
from sympy import Array

from ..errors import MissingDependencyError, SpecError
from ..operands import as_array, flat
from ..specs import ConvSpec, TransposedConvSpec
from ..typing import ArrayLike, IntOrInts, Padding, Shape
from .layer import Layer

__all__ = ["from_torch", "to_torch"]

if TYPE_CHECKING:
    import torch
    from torch import Tensor

    #: The modules symconv reads: PyTorch's convolutions and transposed convolutions.
    TorchConv = Union[
        torch.nn.Conv1d,
        torch.nn.Conv2d,
        torch.nn.Conv3d,
        torch.nn.ConvTranspose1d,
        torch.nn.ConvTranspose2d,
        torch.nn.ConvTranspose3d,
    ]

#: The examples need PyTorch (tests/test_doctests.py skips them without it).
__doctest_requires__ = ("torch",)


def _torch(what: str) -> ModuleType:
    try:
        import torch
    except ImportError:
        raise MissingDependencyError("torch", what) from None
    return torch


def _exact(tensor: Tensor) -> Array:
    values = tensor.detach().to("cpu").double().numpy()
    return Array([sympy.Rational(float(v)) for v in values.ravel()], values.shape)


def from_torch(module: TorchConv, input_shape: IntOrInts) -> Layer:
    """The :class:`~symconv.frameworks.Layer` of a PyTorch convolution module, for inputs of
    spatial size ``input_shape``: spec, weight (``spec.weight_shape``) and bias, exactly.

    >>> import torch
    >>> conv = torch.nn.Conv2d(4, 6, 3, stride=2, padding=1, groups=2)
    >>> layer = from_torch(conv, (8, 8))
    >>> layer.spec.weight_shape, layer.spec.out_shape
    ((6, 2, 3, 3), (4, 4))
    """
    torch = _torch("symconv.from_torch")
    nn = torch.nn
    kinds = {
        nn.Conv1d: ConvSpec,
        nn.Conv2d: ConvSpec,
        nn.Conv3d: ConvSpec,
        nn.ConvTranspose1d: TransposedConvSpec,
        nn.ConvTranspose2d: TransposedConvSpec,
        nn.ConvTranspose3d: TransposedConvSpec,
    }
    kind = next((spec for cls, spec in kinds.items() if type(module) is cls), None)
    if kind is None:
        raise SpecError(
            "module", f"must be a torch.nn Conv1d/2d/3d or ConvTranspose1d/2d/3d, got {type(module).__name__}"
        )
    if module.padding_mode != "zeros":
        raise SpecError("padding_mode", f"only 'zeros' is a zero-padded convolution, got {module.padding_mode!r}")
    parameters = dict(
        stride=module.stride,
        padding=module.padding,
        dilation=module.dilation,
        in_channels=module.in_channels,
        out_channels=module.out_channels,
        groups=module.groups,
    )
    if kind is TransposedConvSpec:
        parameters["output_padding"] = module.output_padding
    spec = kind(input_shape, module.kernel_size, **parameters)
    if spec.ndim != len(module.kernel_size):
        raise SpecError("input_shape", f"has {spec.ndim} dimensions but the module has {len(module.kernel_size)}")
    bias = None if module.bias is None else _exact(module.bias)
    return Layer(spec, _exact(module.weight), bias)


def to_torch(layer: Layer, *, dtype: torch.dtype | None = None) -> TorchConv:
    """The PyTorch module of a layer with numeric weight and bias (``float64`` unless ``dtype``).

    >>> from symconv import ConvSpec
    >>> to_torch(Layer(ConvSpec(5, 3), [[[1, 2, 3]]]))
    Conv1d(1, 1, kernel_size=(3,), stride=(1,), bias=False)
    """
    if not isinstance(layer, Layer):
        raise TypeError(
            f"layer: must be a symconv Layer (from from_torch or Layer(spec, kernel, bias)), got {type(layer).__name__}"
        )
    torch = _torch("symconv.to_torch")
    spec = layer.spec
    transposed = isinstance(spec, TransposedConvSpec)
    name = ("ConvTranspose" if transposed else "Conv") + f"{spec.ndim}d"
    if not 1 <= spec.ndim <= 3:
        raise SpecError("input_shape", f"PyTorch has 1-D to 3-D convolutions, not {spec.ndim}-D")
    padding: Padding | str = spec.padding
    if not transposed and spec.padding_before != spec.padding_after:
        if (
            any(s != 1 for s in spec.stride)
            or ConvSpec(spec.input_shape, spec.kernel_shape, padding="same", dilation=spec.dilation).padding
            != spec.padding
        ):
            raise SpecError("padding", f"PyTorch pads both sides equally (or 'same'), got {spec.padding}")
        padding = "same"
    extra = dict(output_padding=spec.output_padding) if isinstance(spec, TransposedConvSpec) else {}
    module = getattr(torch.nn, name)(
        spec.in_channels,
        spec.out_channels,
        spec.kernel_shape,
        stride=spec.stride,
        padding=padding,
        dilation=spec.dilation,
        groups=spec.groups,
        bias=layer.bias is not None,
        dtype=dtype or torch.float64,
        **extra,
    )

    def numbers(values: ArrayLike, shape: Shape, parameter: str) -> Tensor:
        entries = flat(as_array(values, shape, parameter))
        if any(not v.is_number for v in entries):
            raise SpecError(parameter, "must be numbers to build a PyTorch module")
        return torch.tensor(np.array([float(v) for v in entries]).reshape(shape), dtype=module.weight.dtype)

    with torch.no_grad():
        module.weight.copy_(numbers(layer.kernel, spec.weight_shape, "kernel"))
        if layer.bias is not None:
            module.bias.copy_(numbers(layer.bias, (spec.out_channels,), "bias"))
    return module
