r"""The proof framework: a derivation is a sequence of steps, each checked and rendered.

Everything a derivation of your own needs is here (the public API, frozen in the README)::

    from symconv.proof import EXPAND, SUMS, Check, Derivation, Step, run, symbols

- :class:`Derivation`, :class:`Step`, :class:`Check` (a numeric comparison with an independent
  implementation: the only thing called a *check*), :class:`NotNumeric`, :func:`require`;
- running and reporting: :meth:`Derivation.report` (a :class:`Report`, never raises; its old
  name ``check()`` is kept), :meth:`Derivation.verify` (raises), :func:`run` (prints the reports;
  a script's exit status), :class:`StepResult`;
- the transformations (:data:`CATALOGUE`, the README's table): :data:`STRUCTURAL`,
  :data:`EXPAND`, :data:`DOIT`, :data:`DOIT_EXPAND`, :data:`SUMS`, :data:`COLLAPSE`,
  :data:`LINEAR`, :func:`reindex`, :func:`split_sum`, :func:`zero_extension`, :func:`within`,
  :func:`residues`, :func:`euclid`, :func:`integer_parts`, :func:`extend_sum`,
  :func:`known_signs`, :data:`WRITTEN_OUT`, and your own
  (:class:`Transformation`, :class:`ZeroDifference`); they compose: ``a >> b``, :func:`chain`;
- :func:`symbols` for a derivation's parameters (``symbols("h q s", integer=True)``), names
  checked as everywhere in symconv;
- :mod:`.sources`: where derivations come from (files, folders, modules, installed packages).

Numbers for the checks come from :mod:`symconv.reference` (numpy references) and
:mod:`symconv.sampling` (random specs).

>>> x = symbols("x")[0]
>>> square = Derivation("square", "A square", "expanding a square",
...                     steps=(Step((x + 1)**2, x**2 + 2*x + 1, "binomial formula", EXPAND),))
>>> square.report().ok
True

A step is checked exactly after a stated transformation, an object that rewrites both sides
and compares them. Each transformation states its side conditions and checks them, or refuses
with :class:`~symconv.errors.SideConditionError` (naming the rule and the condition), which the
derivation reports as a failed step; it may use the derivation's hypotheses and the step's
``where``, given to it by :meth:`Transformation.given`. A failing step says why
(:mod:`.explain`). The transformations live in the module of their concept:

- :mod:`.transformations`: the :class:`Transformation` base class and the simple ones
  (structural equality, ``expand``, ``doit``);
- :mod:`.sums`: interchange and merge of finite sums, a change of the summation variable,
  division of the summation variable with remainder, a sum extended by zero terms;
- :mod:`.deltas`: a sum against a Kronecker delta collapses; zero extensions by definition;
- :mod:`.integers`: integers in ranges: bounded relations, residues, unique division, integer parts;
- :mod:`.arithmetic`: absolute values of known sign, arithmetic written out evaluated;
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
- :mod:`.derivation`: :class:`Step`, :class:`Check`, :class:`Derivation` and :class:`Report`;
  :meth:`Step.displayed` (a :class:`Shown`): what a document shows of a step;
- :mod:`.display`: display forms (:func:`written`: a side as the seminar writes it), checked
  structurally equal to the checked side after SymPy's automatic evaluation;
- :mod:`.explain`: why a step fails (the sides after its rule, the first difference, a
  counterexample); :mod:`.suggest`: the rules that would close it, tried within limits;
  :mod:`.rendering`: a report in LaTeX;
- :mod:`.catalogue`: every rule with its description (the README's table);
- :mod:`.run`: running derivations from scripts; :mod:`.sources`: where they come from.
"""

from ..symbols import symbols
from . import sources
from .arithmetic import WRITTEN_OUT, known_signs
from .catalogue import CATALOGUE
from .deltas import COLLAPSE, zero_extension
from .derivation import Check, Derivation, NotNumeric, Report, Shown, Step, StepResult, require
from .display import Chained, as_built, unevaluated, written, written_condition
from .integers import euclid, integer_parts, residues, within
from .linear import LINEAR, LinearMap, linear_coefficients
from .run import run
from .sums import SUMS, extend_sum, reindex, split_sum
from .transformations import (
    DOIT,
    DOIT_EXPAND,
    EXPAND,
    STRUCTURAL,
    Transformation,
    ZeroDifference,
    chain,
    same,
)

__all__ = [
    "CATALOGUE",
    "COLLAPSE",
    "Check",
    "DOIT",
    "DOIT_EXPAND",
    "Derivation",
    "EXPAND",
    "LINEAR",
    "LinearMap",
    "NotNumeric",
    "Report",
    "Shown",
    "STRUCTURAL",
    "SUMS",
    "Step",
    "StepResult",
    "Transformation",
    "ZeroDifference",
    "chain",
    "euclid",
    "integer_parts",
    "linear_coefficients",
    "reindex",
    "require",
    "residues",
    "run",
    "same",
    "sources",
    "split_sum",
    "symbols",
    "within",
    "extend_sum",
    "known_signs",
    "WRITTEN_OUT",
    "written",
    "written_condition",
    "Chained",
    "unevaluated",
    "as_built",
    "zero_extension",
]
