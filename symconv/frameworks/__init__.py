"""Layers of PyTorch, TensorFlow/Keras and JAX as symconv specs, weights and biases.

- :mod:`.layer`: :class:`Layer` (spec, weight, bias), layouts as permutations (:func:`relayout`),
  and :func:`transposed_spec` (PyTorch's ``ConvTranspose`` for the adjoint of a convolution);
- :mod:`.pytorch`: :func:`from_torch` and :func:`to_torch` (``torch`` imported when called);
- :mod:`.keras`: ``padding="same"/"valid"``, NHWC inputs and HWIO kernels, ``Conv2DTranspose``;
- :mod:`.jax_lax`: ``lax.conv_general_dilated`` and ``lax.conv_transpose`` (``transpose_kernel``).

Nothing here imports TensorFlow or JAX: their conventions are formulas, checked against JAX
in the tests when it is installed.
"""

from .jax_lax import (
    jax_conv_kernel,
    jax_conv_spec,
    jax_conv_transpose_kernel,
    jax_conv_transpose_padding,
    jax_conv_transpose_spec,
)
from .keras import keras_conv_spec, keras_conv_transpose_spec, keras_input, keras_kernel, keras_padding
from .layer import Layer, relayout, spatial_letters, transposed_spec
from .pytorch import from_torch, to_torch

__all__ = [
    "Layer",
    "from_torch",
    "jax_conv_kernel",
    "jax_conv_spec",
    "jax_conv_transpose_kernel",
    "jax_conv_transpose_padding",
    "jax_conv_transpose_spec",
    "keras_conv_spec",
    "keras_conv_transpose_spec",
    "keras_input",
    "keras_kernel",
    "keras_padding",
    "relayout",
    "spatial_letters",
    "to_torch",
    "transposed_spec",
]
