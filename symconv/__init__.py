"""symconv: derive, prove and print the mathematics of convolutions.

>>> from symconv import ConvSpec, conv_matrix
>>> conv_matrix(ConvSpec((4, 4), (3, 3))).shape
(4, 16)
"""

from .errors import SpecError, TooLargeError, VerificationError
from .indexmap import IndexMap, index_map, input_position, nonzero_count
from .latex.printer import latex
from .ops.im2col import col2im, im2col, kernel_row
from .ops.matrix import conv_matrix
from .ops.operands import unvec, vec
from .ops.sliding_window import sliding_window
from .proof import Check, Derivation, Report, Step
from .sizes import conv_output_size, transposed_output_size
from .specs import ConvSpec
from .symbols import input_symbols, kernel_symbols

__version__ = "0.1.0"

__all__ = [
    "Check",
    "ConvSpec",
    "Derivation",
    "IndexMap",
    "Report",
    "SpecError",
    "Step",
    "TooLargeError",
    "VerificationError",
    "col2im",
    "conv_matrix",
    "conv_output_size",
    "im2col",
    "index_map",
    "input_position",
    "input_symbols",
    "kernel_row",
    "kernel_symbols",
    "latex",
    "nonzero_count",
    "sliding_window",
    "transposed_output_size",
    "unvec",
    "vec",
]
