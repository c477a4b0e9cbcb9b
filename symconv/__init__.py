"""symconv: derive, prove and print the mathematics of convolutions.

>>> from symconv import ConvSpec, conv_matrix
>>> conv_matrix(ConvSpec((4, 4), (3, 3))).shape
(4, 16)
"""

try:  # before anything else, so that running from a checkout without an install says what to do
    import numpy  # noqa: F401
    import sympy  # noqa: F401
except ImportError as _missing:  # pragma: no cover - depends on the environment
    raise ImportError(
        f"symconv needs {_missing.name}, which is not installed: run 'pip install .' in the symconv checkout "
        "(or 'pip install sympy numpy' to run it from the checkout with PYTHONPATH=.)"
    ) from None

from .errors import MissingDependencyError, SpecError, SymconvError, TooLargeError, VerificationError
from .frameworks import Layer, from_torch, to_torch
from .indexmap import IndexMap, index_map, input_position, nonzero_count
from .interpolation import (
    bilinear_interpolate,
    bilinear_kernel,
    bilinear_upsampling_spec,
    fcn_bilinear_kernel,
    fcn_upsampling_spec,
    tent,
)
from .operands import unvec, vec
from .ops.affine import affine_matrix, bias_vector, layer_matrix
from .ops.im2col import col2im, im2col, kernel_row
from .ops.lattice import stride_selection, zero_insert
from .ops.matrix import conv_matrix
from .ops.numeric import (
    numeric_bilinear_matrix,
    numeric_conv_matrix,
    numeric_im2col,
    numeric_transposed_conv_matrix,
    substitute,
)
from .ops.overlap import interior_overlap, overlap_counts
from .ops.sliding_window import sliding_window
from .ops.subpixel import subpixel_conv_transpose, subpixel_kernels
from .ops.transposed import conv_transpose, recipe_stages, rotate_kernel, transposed_conv_matrix
from .printing.printer import latex
from .proof import Check, Derivation, Report, Step
from .receptive import ReceptiveField, receptive_field
from .sizes import conv_output_size, transposed_output_size
from .sparse import sparse_product
from .specs import ConvSpec, TransposedConvSpec
from .symbols import bias_symbols, input_symbols, kernel_symbols

__version__ = "0.1.0"

__all__ = [
    "Check",
    "ConvSpec",
    "Derivation",
    "IndexMap",
    "Layer",
    "MissingDependencyError",
    "ReceptiveField",
    "Report",
    "SpecError",
    "Step",
    "SymconvError",
    "TooLargeError",
    "TransposedConvSpec",
    "VerificationError",
    "affine_matrix",
    "bias_symbols",
    "bias_vector",
    "bilinear_interpolate",
    "bilinear_kernel",
    "bilinear_upsampling_spec",
    "col2im",
    "conv_matrix",
    "conv_output_size",
    "conv_transpose",
    "fcn_bilinear_kernel",
    "fcn_upsampling_spec",
    "from_torch",
    "im2col",
    "index_map",
    "input_position",
    "input_symbols",
    "interior_overlap",
    "kernel_row",
    "kernel_symbols",
    "latex",
    "layer_matrix",
    "nonzero_count",
    "numeric_bilinear_matrix",
    "numeric_conv_matrix",
    "numeric_im2col",
    "numeric_transposed_conv_matrix",
    "overlap_counts",
    "receptive_field",
    "recipe_stages",
    "rotate_kernel",
    "sliding_window",
    "sparse_product",
    "stride_selection",
    "substitute",
    "subpixel_conv_transpose",
    "subpixel_kernels",
    "tent",
    "to_torch",
    "transposed_conv_matrix",
    "transposed_output_size",
    "unvec",
    "vec",
    "zero_insert",
]
