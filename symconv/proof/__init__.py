"""The proof framework: a derivation is a sequence of steps, each checked and rendered.

- :mod:`.transformations`: named rewrites (expand, doit, interchange of sums, reindexing);
- :mod:`.deltas`: Kronecker deltas, zero extension and integer arithmetic;
- :mod:`.compare`: exact comparison after a transformation (entries, linear forms);
- :mod:`.numeric`: checks by random numeric substitution;
- :mod:`.derivation`: :class:`Step`, :class:`Check`, :class:`Derivation` and :class:`Report`.
"""

from .compare import LINEAR, LinearMap, linear_coefficients, same
from .deltas import COLLAPSE, euclid, integer_parts, residues, within, zero_extension
from .derivation import Check, Derivation, Report, Step
from .transformations import DOIT, DOIT_EXPAND, EXPAND, STRUCTURAL, SUMS, Transformation, reindex, split_sum

__all__ = [
    "Transformation",
    "STRUCTURAL",
    "EXPAND",
    "DOIT",
    "DOIT_EXPAND",
    "COLLAPSE",
    "SUMS",
    "LINEAR",
    "LinearMap",
    "zero_extension",
    "reindex",
    "split_sum",
    "residues",
    "euclid",
    "integer_parts",
    "within",
    "same",
    "linear_coefficients",
    "Step",
    "Check",
    "Derivation",
    "Report",
]
