"""The proof framework: a derivation is a sequence of steps, each checked and rendered.

- :mod:`.compare`: exact checks (a stated transformation, then structural equality;
  linear forms compared coefficient by coefficient);
- :mod:`.numeric`: checks by random numeric substitution;
- :mod:`.derivation`: :class:`Step`, :class:`Check`, :class:`Derivation` and the
  :class:`Report` of a verification.
"""

from .compare import (COLLAPSE, DOIT, DOIT_EXPAND, EXPAND, LINEAR, STRUCTURAL, SUMS, LinearMap, Transformation,
                      euclid, linear_coefficients, reindex, residues, same, split_sum,
                      zero_extension)
from .derivation import Check, Derivation, Report, Step

__all__ = ["Transformation", "STRUCTURAL", "EXPAND", "DOIT", "DOIT_EXPAND", "COLLAPSE", "SUMS", "LINEAR", "LinearMap", "zero_extension", "reindex", "split_sum", "residues", "euclid", "same", "linear_coefficients",
           "Step", "Check", "Derivation", "Report"]
