"""The proof framework: a derivation is a sequence of steps, each checked and rendered.

A step is checked exactly after a stated transformation, an object that rewrites both sides
and compares them. Each transformation states its side conditions and checks them, or refuses
with :class:`~symconv.errors.SideConditionError` (naming the rule and the condition), which the
derivation reports as a failed step; it may use the derivation's hypotheses and the step's
``where``, given to it by :meth:`Transformation.given`. The transformations live in the module
of their concept:

- :mod:`.transformations`: the :class:`Transformation` base class and the simple ones
  (structural equality, ``expand``, ``doit``);
- :mod:`.sums`: interchange and merge of finite sums, a change of the summation variable,
  division of the summation variable with remainder;
- :mod:`.deltas`: a sum against a Kronecker delta collapses; zero extensions by definition;
- :mod:`.integers`: integers in ranges: bounded relations, residues, unique division, integer parts;
- :mod:`.linear`: linear forms compared coefficient by coefficient (:class:`LinearMap`);
- :mod:`.conditions`: the canonical forms they compare (deltas, relations, zero extensions);
- :mod:`.binders`: bound variables renamed apart, substitution without capture, comparison up
  to the names of bound variables;
- :mod:`.bounds`: what is known about a step's variables (hypotheses, ``where``, enclosing
  sums) and whether a condition follows;
- :mod:`.compare`: structural comparison of scalars, matrices and arrays (shapes first), entry by entry;
- :mod:`.premises`: the side conditions a rule states, proved from hypotheses, ``where``,
  assumptions and enclosing sums;
- :mod:`.evaluation`: exact evaluation at a point (sums written out, deltas decided);
- :mod:`.numeric`: checks by random numeric substitution, failing closed;
- :mod:`.derivation`: :class:`Step`, :class:`Check`, :class:`Derivation` and :class:`Report`.
"""

from .deltas import COLLAPSE, zero_extension
from .derivation import Check, Derivation, NotNumeric, Report, Step, require
from .integers import euclid, integer_parts, residues, within
from .linear import LINEAR, LinearMap, linear_coefficients
from .sums import SUMS, reindex, split_sum
from .transformations import DOIT, DOIT_EXPAND, EXPAND, STRUCTURAL, Transformation, same

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
    "NotNumeric",
    "require",
]
